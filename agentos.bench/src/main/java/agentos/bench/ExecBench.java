package agentos.bench;

import agentos.api.AgentOs;
import agentos.api.Vm;
import agentos.api.config.VmConfig;
import agentos.api.process.ExecResult;
import agentos.api.process.SpawnOptions;
import agentos.api.spi.AospkgPackage;
import agentos.api.spi.Executor;
import agentos.api.spi.SoftwarePackage;
import agentos.exec.wasm.internal.ChicoryExecutor;
import agentos.kernel.internal.VmRegistry;
import agentos.vfs.internal.VfsFactory;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.osgi.service.log.Logger;

/**
 * Exec latency and memory with the real userland: first exec in a fresh JVM (module parse included), create VM +
 * first exec in a warm JVM, warm exec on an existing VM and a pipeline, each interpreted and compiled (with the ratio),
 * first-time compile of {@code sh} and its load from the disk cache, and heap per VM with one sleeping process.
 */
public final class ExecBench {
    private ExecBench() {}

    public static void main(String[] args) throws Exception {
        // Interpreter only: the baseline, and what a fresh JVM runs before compilation finishes.
        System.setProperty("agentos.wasm.compiler", "off");
        AgentOs interpreted = runtime(new ChicoryExecutor());
        long t0 = System.nanoTime();
        Vm first = interpreted.create(VmConfig.defaults());
        ExecResult r = first.process().exec("echo hello").toCompletableFuture().get(120, TimeUnit.SECONDS);
        System.out.printf("first exec(\"echo hello\") in a fresh JVM, interpreter (parses sh): %.0f ms -> %s",
                (System.nanoTime() - t0) / 1e6, r.stdoutText());
        byte[] sh = first.filesystem().readFile("/opt/agentos/bin/sh");
        first.dispose();
        double[] base = latencies(interpreted, "interpreter");

        // Compiled: a first-time compile of sh (no cache at all), then the executor loading the copy the build shipped.
        long c0 = System.nanoTime();
        com.dylibso.chicory.compiler.MachineFactoryCompiler.builder(com.dylibso.chicory.wasm.Parser.parse(sh))
                .withInterpreterFallback(com.dylibso.chicory.compiler.InterpreterFallback.SILENT)
                .compile();
        System.out.printf("first-time compile of sh (%.1f MB of WASM) to JVM bytecode: %.0f ms%n", sh.length / 1e6,
                (System.nanoTime() - c0) / 1e6);
        System.setProperty("agentos.wasm.compiler", "sync");
        System.setProperty("agentos.wasm.compileCache", "none");
        ChicoryExecutor cached = new ChicoryExecutor();
        long l0 = System.nanoTime();
        boolean ok = cached.compileNow(sh);
        System.out.printf("load of sh compiled at build time (shipped in agentos.exec.wasm): %.0f ms (%s)%n",
                (System.nanoTime() - l0) / 1e6, ok ? "compiled" : "FAILED, stays interpreted");
        AgentOs compiled = runtime(cached);
        double[] fast = latencies(compiled, "compiled");
        System.out.printf("compiled / interpreter: create+exec p50 %.2f, warm exec p50 %.2f, pipeline p50 %.2f%n",
                fast[0] / base[0], fast[1] / base[1], fast[2] / base[2]);

        long heapBase = VmBench.heapAfterGc();
        List<Vm> vms = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Vm vm = compiled.create(VmConfig.defaults());
            vm.process().spawn("sleep", List.of("1000"), SpawnOptions.DEFAULT);
            vms.add(vm);
        }
        Thread.sleep(2000);
        long with = VmBench.heapAfterGc();
        System.out.printf("heap per VM with one sleeping process (`sleep 1000`), over 10 VMs: %.1f MiB%n",
                (with - heapBase) / 1048576.0 / 10);
        vms.forEach(Vm::dispose);
        System.exit(0);
    }

    /** p50s of create+exec, warm exec and a two-process pipeline, in ms; prints p50/p95 of each. */
    private static double[] latencies(AgentOs os, String label) throws Exception {
        int warmup = 20;
        int runs = 100;
        for (int i = 0; i < warmup; i++) {
            try (Vm vm = os.create(VmConfig.defaults())) {
                vm.process().exec("echo hello | cat").toCompletableFuture().get(60, TimeUnit.SECONDS);
            }
        }
        long[] createExec = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            try (Vm vm = os.create(VmConfig.defaults())) {
                vm.process().exec("echo hello").toCompletableFuture().get(60, TimeUnit.SECONDS);
                createExec[i] = System.nanoTime() - t;
            }
        }
        double a = report(label + ": create VM + first exec(\"echo hello\"), warm JVM", createExec);
        try (Vm vm = os.create(VmConfig.defaults())) {
            long[] warm = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                vm.process().exec("echo hello").toCompletableFuture().get(60, TimeUnit.SECONDS);
                warm[i] = System.nanoTime() - t;
            }
            double b = report(label + ": warm exec(\"echo hello\") on an existing VM", warm);
            long[] pipeline = new long[40];
            for (int i = 0; i < pipeline.length; i++) {
                long t = System.nanoTime();
                vm.process().exec("echo hello | cat").toCompletableFuture().get(60, TimeUnit.SECONDS);
                pipeline[i] = System.nanoTime() - t;
            }
            double c = report(label + ": warm exec(\"echo hello | cat\") (spawns one WASM child)", pipeline);
            return new double[] {a, b, c};
        }
    }

    private static double report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%s (n=%d): p50 %.2f ms, p95 %.2f ms%n", what, s.length, s[s.length / 2] / 1e6, s[s.length * 95 / 100] / 1e6);
        return s[s.length / 2] / 1e6;
    }

    static AgentOs runtime(ChicoryExecutor executor) throws Exception {
        Logger log = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (p, m, a) -> m.getReturnType() == boolean.class ? Boolean.FALSE : null);
        List<Executor> executors = List.of(executor);
        List<SoftwarePackage> software = software();
        return new VmRegistry(1024, log, System::currentTimeMillis, new VfsFactory(), () -> executors, List::of, () -> software);
    }

    static List<SoftwarePackage> software() throws Exception {
        Path dir = Files.createTempDirectory("agentos-bench-software");
        List<SoftwarePackage> out = new ArrayList<>();
        for (String name : List.of("coreutils", "sed", "grep", "gawk", "findutils", "diffutils", "tar", "gzip")) {
            Path file = dir.resolve(name + ".aospkg");
            try (InputStream in = ExecBench.class.getClassLoader().getResourceAsStream("aospkg/" + name + "/dist/package.aospkg")) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            out.add(AospkgPackage.open(file));
        }
        out.add(agentos.software.tools.internal.ToolsPackage.extract(dir.resolve("tools"), ExecBench.class.getClassLoader()::getResource));
        return out;
    }
}
