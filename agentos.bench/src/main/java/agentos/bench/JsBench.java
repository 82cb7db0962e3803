package agentos.bench;

import agentos.api.AgentOs;
import agentos.api.Vm;
import agentos.api.config.VmConfig;
import agentos.api.process.ExecResult;
import agentos.api.process.SpawnOptions;
import agentos.api.spi.Executor;
import agentos.api.spi.SoftwarePackage;
import agentos.exec.js.internal.JsExecutor;
import agentos.exec.js.internal.NodePackage;
import agentos.exec.wasm.internal.ChicoryExecutor;
import agentos.kernel.internal.VmRegistry;
import agentos.vfs.internal.VfsFactory;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.osgi.service.log.Logger;

/**
 * The JavaScript executor: {@code node -e 'console.log(1)'} first in a fresh JVM (engine creation, runtime
 * parse) and warm p50, a module-heavy start (requiring the builtins), and heap per idle node process. GraalJS
 * runs interpreted here (stock JDK, no JVMCI compiler).
 */
public final class JsBench {
    private JsBench() {}

    /** A runtime with the WASM and JavaScript executors and the default software plus {@code node}. */
    static AgentOs runtimeWithNode() throws Exception {
        Logger log = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (p, m, a) -> m.getReturnType() == boolean.class ? Boolean.FALSE : null);
        List<Executor> executors = List.of(new ChicoryExecutor(), new JsExecutor());
        List<SoftwarePackage> software = new ArrayList<>(ExecBench.software());
        software.add(new NodePackage());
        return new VmRegistry(1024, log, System::currentTimeMillis, new VfsFactory(), () -> executors, () -> List.of(new agentos.vfs.internal.HostDirMountPlugin()), () -> software);
    }

    public static void main(String[] args) throws Exception {
        Vm vm = runtimeWithNode().create(VmConfig.defaults());
        long t0 = System.nanoTime();
        ExecResult first = vm.process().execFile("node", List.of("-e", "console.log(1)"), agentos.api.process.ExecOptions.DEFAULT)
                .toCompletableFuture().get(120, TimeUnit.SECONDS);
        System.out.printf("first node -e 'console.log(1)' in a fresh JVM: %.0f ms -> %s", (System.nanoTime() - t0) / 1e6, first.stdoutText());
        System.out.printf("node -e 'console.log(1)' warm: %s%n", stats(vm, List.of("-e", "console.log(1)"), 30));
        System.out.printf("node -e requiring fs, child_process, util, stream, events, crypto: %s%n",
                stats(vm, List.of("-e", "for (const m of ['fs','child_process','util','stream','events','crypto']) require(m)"), 20));
        try (org.graalvm.polyglot.Engine e = org.graalvm.polyglot.Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
            System.out.printf("engine: %s%n", e.getImplementationName());
        }

        // Module evaluation of Claude Code's 13.7 MB cli.js: the first context parses it, a second one reuses the shared
        // engine's parsed source. Pass the node_modules directory the build installs (agentos.exec.js/target/test-npm).
        if (args.length > 0) {
            vm.filesystem().mount(agentos.api.config.MountConfig.hostDir("/npm/node_modules", java.nio.file.Path.of(args[0]).toAbsolutePath().toString(), true));
            for (String which : List.of("first", "second")) {
                long c0 = System.nanoTime();
                ExecResult r = vm.process().exec("node /npm/node_modules/@anthropic-ai/claude-agent-sdk/cli.js --version",
                        agentos.api.process.ExecOptions.DEFAULT).toCompletableFuture().get(300, TimeUnit.SECONDS);
                System.out.printf("cli.js --version, %s context: %.0f ms -> %s", which, (System.nanoTime() - c0) / 1e6, r.stdoutText());
            }
        }

        long base = VmBench.heapAfterGc();
        List<Integer> pids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pids.add(vm.process().spawn("node", List.of("-e", "setInterval(() => {}, 1000)"), SpawnOptions.DEFAULT).pid());
        }
        Thread.sleep(3000);
        long with = VmBench.heapAfterGc();
        System.out.printf("heap per idle node process (setInterval), over 10: %.1f MiB%n", (with - base) / 1048576.0 / 10);
        pids.forEach(vm.process()::kill);
        System.exit(0);
    }

    private static String stats(Vm vm, List<String> args, int n) throws Exception {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            ExecResult r = vm.process().execFile("node", args, agentos.api.process.ExecOptions.DEFAULT).toCompletableFuture().get(120, TimeUnit.SECONDS);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (r.exitCode() == null || r.exitCode() != 0) {
                throw new AssertionError("node failed: " + r.stderrText());
            }
        }
        Arrays.sort(ms);
        return String.format("p50 %.0f ms, p95 %.0f ms, min %.0f ms (%d runs)", ms[n / 2], ms[(int) (n * 0.95)], ms[0], n);
    }
}
