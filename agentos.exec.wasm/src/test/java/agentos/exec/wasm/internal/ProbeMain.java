package agentos.exec.wasm.internal;

import agentos.api.Vm;
import agentos.api.process.ExecResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** Developer aid, off unless target/probe.txt exists: runs each line through sh and prints what happened. */
@EnabledIf("probeFileExists")
class ProbeMain {
    static boolean probeFileExists() {
        return Files.exists(Path.of("target/probe.txt"));
    }

    @Test
    void probe() throws Exception {
        try (WasmVms vms = new WasmVms()) {
            Vm vm = vms.os().create();
            Path bin = Path.of("target/probe-bin");
            if (Files.isDirectory(bin)) {
                try (var files = Files.list(bin)) {
                    for (Path f : files.toList()) {
                        String dest = "/usr/local/bin/" + f.getFileName();
                        vm.filesystem().writeFile(dest, Files.readAllBytes(f));
                        vm.filesystem().chmod(dest, 0755);
                    }
                }
            }
            for (String cmd : Files.readAllLines(Path.of("target/probe.txt"))) {
                long t = System.nanoTime();
                ExecResult r = vm.process().exec(cmd).toCompletableFuture().get(120, TimeUnit.SECONDS);
                System.out.printf("### %s  [%d ms]%n  exit=%s out=%s%n  err=%s%n", cmd, (System.nanoTime() - t) / 1_000_000,
                        r.exitCode(), r.stdoutText().replace("\n", "\\n"), r.stderrText().replace("\n", "\\n"));
            }
        }
    }
}
