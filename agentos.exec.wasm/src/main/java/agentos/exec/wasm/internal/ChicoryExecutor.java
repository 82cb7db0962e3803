package agentos.exec.wasm.internal;

import agentos.api.process.Signal;
import agentos.api.spi.Executor;
import agentos.api.spi.ExecutorProcess;
import agentos.api.spi.GuestExit;
import agentos.api.spi.LaunchContext;
import agentos.api.spi.ProgramHeader;
import agentos.api.spi.Syscalls;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.osgi.service.component.annotations.Component;

/**
 * Runs WebAssembly programs ({@code \0asm}) on Chicory, one Java thread per guest process. Memory is capped by
 * {@code limits.wasm.maxMemoryBytes} (the binaries declare no maximum), the thread stack by
 * {@code limits.wasm.maxStackBytes}. A trap, a stack overflow or memory exhaustion ends that process with status 1
 * (2 for a stack overflow) and a message on its stderr; a kill interrupts the interpreter.
 */
@Component(service = Executor.class, property = "service.ranking:Integer=0")
public final class ChicoryExecutor implements Executor {
    private static final byte[] MAGIC = {0, 'a', 's', 'm'};

    private final ModuleCache cache = new ModuleCache(256);
    private final ModuleCompiler compiler = ModuleCompiler.fromSystemProperties();

    @Override
    public String id() {
        return "wasm";
    }

    @Override
    public boolean canExecute(ProgramHeader header) {
        return header.startsWith(MAGIC);
    }

    @Override
    public ExecutorProcess start(LaunchContext ctx) {
        ModuleCache.Parsed parsed = cache.get(ctx.program());
        WasmModule module = parsed.module();
        var machine = compiler.machine(parsed);
        WasmHost host = new WasmHost(ctx);
        var imports = host.imports(module);
        int pageSize = 65536;
        int maxPages = (int) Math.min(MemoryLimits.MAX_PAGES, ctx.limits().wasm().maxMemoryBytes() / pageSize);
        int initial = module.memorySection().map(s -> s.getMemory(0).limits().initialPages()).orElse(0);
        if (initial > maxPages) {
            throw new IllegalStateException("the module needs " + initial + " pages of memory at start; "
                    + "limits.wasm.maxMemoryBytes allows " + maxPages);
        }
        WasmProcess p = new WasmProcess(ctx, module, machine, host, imports, new MemoryLimits(initial, maxPages));
        p.start();
        return p;
    }

    /** One running module. */
    static final class WasmProcess implements ExecutorProcess {
        private final LaunchContext ctx;
        private final Thread thread;
        private final ConcurrentLinkedQueue<Signal> caught = new ConcurrentLinkedQueue<>();
        private volatile int status;
        private volatile boolean terminated;

        private final java.util.function.@org.jspecify.annotations.Nullable Function<Instance, com.dylibso.chicory.runtime.Machine> machine;

        WasmProcess(LaunchContext ctx, WasmModule module,
                java.util.function.@org.jspecify.annotations.Nullable Function<Instance, com.dylibso.chicory.runtime.Machine> machine,
                WasmHost host, com.dylibso.chicory.runtime.ImportValues imports, MemoryLimits limits) {
            this.machine = machine;
            this.ctx = ctx;
            long stack = Math.max(1 << 20, ctx.limits().wasm().maxStackBytes());
            this.thread = new Thread(null, () -> run(module, host, imports, limits), "agentos-" + ctx.vmId() + "-wasm-" + ctx.pid(), stack);
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void run(WasmModule module, WasmHost host, com.dylibso.chicory.runtime.ImportValues imports, MemoryLimits limits) {
            try {
                host.openPreopens();
                Instance.Builder b = Instance.builder(module)
                        .withImportValues(imports)
                        .withMemoryLimits(limits)
                        .withStart(false); // Chicory would call _start itself; we call it once, below
                b = b.withMachineFactory(machine != null ? machine : SimdSubsetMachine::new);
                Instance instance = b.build();
                ExportFunction start = instance.export("_start");
                start.apply();
                status = 0;
            } catch (Throwable t) {
                status = exitStatus(t);
            }
        }

        private int exitStatus(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof GuestExit e) {
                    return e.status();
                }
            }
            if (terminated) {
                return 137;
            }
            if (t instanceof StackOverflowError) {
                report("stack overflow (limits.wasm.maxStackBytes=" + ctx.limits().wasm().maxStackBytes() + ")");
                return 2;
            }
            if (t instanceof OutOfMemoryError) {
                report("out of memory");
                return 1;
            }
            if (Boolean.getBoolean("agentos.wasm.trace")) {
                t.printStackTrace();
            }
            report(t.getClass().getSimpleName() + ": " + t.getMessage());
            return 1;
        }

        private void report(String message) {
            try {
                byte[] b = (ctx.argv().get(0) + ": wasm trap: " + message + "\n").getBytes(StandardCharsets.UTF_8);
                ctx.syscalls().write(2, b, 0, b.length);
            } catch (RuntimeException e) {
                // stderr is gone; the exit status still tells
            }
        }

        @Override
        public int awaitExit() throws InterruptedException {
            thread.join();
            return status;
        }

        @Override
        public void signal(Signal signal) {
            caught.add(signal);
        }

        @Override
        public void terminate(String reason) {
            terminated = true;
            thread.interrupt();
        }
    }

    @org.osgi.service.component.annotations.Deactivate
    void deactivate() {
        compiler.close();
    }

    /**
     * Compiles {@code program} now (or loads it from the disk cache) and waits; false if it stays interpreted.
     * For benchmarks and warm-up.
     */
    public boolean compileNow(byte[] program) {
        return compiler.await(cache.get(program)) != null;
    }

    /** For tests: how many distinct modules were parsed. */
    int cachedModules() {
        return cache.size();
    }

    static boolean isWasm(byte[] head) {
        return head.length >= 4 && head[0] == 0 && head[1] == 'a' && head[2] == 's' && head[3] == 'm';
    }

}
