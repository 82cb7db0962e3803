package agentos.exec.wasm.internal;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Compiles WebAssembly modules to JVM bytecode with Chicory's compiler, once per module content per JVM, and keeps
 * the generated classes in a disk cache keyed by content so later JVMs load instead of compiling. Compiling the
 * big userland modules takes seconds (brush {@code sh}: 2.6 MB of WASM), so by default it happens in the background:
 * a process started before its module is compiled runs in the interpreter, later ones run compiled code. Functions
 * too large for one JVM method stay interpreted.
 *
 * <p>Mode, from the system property {@code agentos.wasm.compiler}: {@code background} (default), {@code sync}
 * (compile before the first run; benchmarks and tests), {@code off} (interpreter only). The disk cache lives in
 * {@code agentos.wasm.compileCache} (default {@code ~/.cache/agentos/wasm-compiled}); {@code none} disables it.
 */
final class ModuleCompiler implements AutoCloseable {
    enum Mode { BACKGROUND, SYNC, OFF }

    private final Mode mode;
    private final @Nullable Path cacheDir;
    private final Map<String, CompletableFuture<Function<Instance, Machine>>> compiled = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "agentos-wasm-compiler");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    ModuleCompiler(Mode mode, @Nullable Path cacheDir) {
        this.mode = mode;
        this.cacheDir = cacheDir;
    }

    static ModuleCompiler fromSystemProperties() {
        String m = System.getProperty("agentos.wasm.compiler", "background").trim().toUpperCase(java.util.Locale.ROOT);
        Mode mode;
        try {
            mode = Mode.valueOf(m);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("agentos.wasm.compiler must be background, sync or off, got "
                    + System.getProperty("agentos.wasm.compiler"), e);
        }
        String dir = System.getProperty("agentos.wasm.compileCache",
                Path.of(System.getProperty("user.home"), ".cache", "agentos", "wasm-compiled").toString());
        return new ModuleCompiler(mode, dir.equals("none") ? null : Path.of(dir));
    }

    Mode mode() {
        return mode;
    }

    /** The compiled machine for this module, or null to interpret it (compilation pending, failed, or off). */
    @Nullable Function<Instance, Machine> machine(ModuleCache.Parsed parsed) {
        if (mode == Mode.OFF) {
            return null;
        }
        CompletableFuture<Function<Instance, Machine>> f = compiled.computeIfAbsent(parsed.hash(), h ->
                mode == Mode.SYNC ? CompletableFuture.completedFuture(compileOrNull(parsed.module()))
                        : CompletableFuture.supplyAsync(() -> compileOrNull(parsed.module()), worker));
        return f.isDone() ? f.join() : null;
    }

    /** Waits until the module is compiled (or failed to): for benchmarks measuring compile time. */
    @Nullable Function<Instance, Machine> await(ModuleCache.Parsed parsed) {
        machine(parsed);
        CompletableFuture<Function<Instance, Machine>> f = compiled.get(parsed.hash());
        return f == null ? null : f.join();
    }

    private @Nullable Function<Instance, Machine> compileOrNull(WasmModule module) {
        try {
            var b = MachineFactoryCompiler.builder(module).withInterpreterFallback(InterpreterFallback.SILENT);
            if (cacheDir != null) {
                b = b.withCache(new DiskCache(cacheDir));
            }
            return b.compile();
        } catch (RuntimeException | LinkageError e) {
            // The interpreter runs everything the compiler can't; nothing is lost but speed.
            System.getLogger(ModuleCompiler.class.getName()).log(System.Logger.Level.WARNING,
                    "compiling a WebAssembly module failed; it stays interpreted: " + e);
            return null;
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    /** Chicory's compile cache as files named by key; written atomically so concurrent JVMs never see half a file. */
    record DiskCache(Path dir) implements Cache {
        @Override
        public byte @Nullable [] get(String key) throws IOException {
            try {
                return Files.readAllBytes(dir.resolve(safe(key)));
            } catch (NoSuchFileException e) {
                return null;
            }
        }

        @Override
        public void putIfAbsent(String key, byte[] data) throws IOException {
            Path target = dir.resolve(safe(key));
            if (Files.exists(target)) {
                return;
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "part-", ".tmp");
            try {
                Files.write(tmp, data);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }

        private static String safe(String key) {
            return key.replaceAll("[^A-Za-z0-9._-]", "_");
        }
    }
}
