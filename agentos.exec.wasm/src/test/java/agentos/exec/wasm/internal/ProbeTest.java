package agentos.exec.wasm.internal;

import agentos.api.Vm;
import agentos.api.process.ExecResult;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Developer aid: runs the commands in target/probe.txt (one per line) and prints what happened. */
class ProbeTest {
    @Test
    void probe() throws Exception {
        try (WasmVms vms = new WasmVms()) {
            Vm vm = vms.os().create();
            java.nio.file.Path script = java.nio.file.Path.of("target/probe.txt");
            java.util.List<String> cmds = java.nio.file.Files.exists(script) ? java.nio.file.Files.readAllLines(script) : java.util.List.of("ls /");
            for (String cmd : cmds) {
                long t = System.nanoTime();
                ExecResult r = vm.process().exec(cmd).toCompletableFuture().get(120, TimeUnit.SECONDS);
                System.out.printf("### %s  [%d ms]%n  exit=%s out=%s%n  err=%s%n", cmd, (System.nanoTime() - t) / 1_000_000,
                        r.exitCode(), r.stdoutText().replace("\n", "\\n"), r.stderrText().replace("\n", "\\n"));
            }
        }
    }
}
