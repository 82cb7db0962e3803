package agentos.exec.wasm.internal;

import agentos.api.spi.PackageCommand;
import agentos.api.spi.SoftwarePackage;
import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.Parser;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Build step (exec-maven-plugin, process-test-classes): compiles upstream's most used commands to JVM bytecode
 * and puts the result where {@link ModuleCompiler.DiskCache} finds it in this bundle, so a fresh machine runs
 * them compiled without first compiling (sh alone takes about 4 s). Args: the classes directory, then
 * {@code package/command} names.
 */
public final class Precompile {
    private Precompile() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).resolve(ModuleCompiler.SHIPPED);
        Files.createDirectories(out);
        List<SoftwarePackage> packages = WasmVms.common();
        Set<String> done = new HashSet<>();
        long t0 = System.nanoTime();
        for (String wanted : List.of(args).subList(1, args.length)) {
            String[] pc = wanted.split("/", 2);
            SoftwarePackage p = packages.stream().filter(x -> x.manifest().name().equals(pc[0])).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("precompile: no package " + pc[0]));
            PackageCommand c = p.manifest().commands().stream().filter(x -> x.name().equals(pc[1])).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("precompile: no command " + wanted));
            if (!done.add(pc[0] + "/" + c.path())) {
                continue;
            }
            byte[] wasm;
            try (InputStream in = p.open(c.path())) {
                wasm = in.readAllBytes();
            }
            long t = System.nanoTime();
            MachineFactoryCompiler.builder(Parser.parse(wasm))
                    .withInterpreterFallback(InterpreterFallback.SILENT)
                    .withCache(new ModuleCompiler.DiskCache(out))
                    .compile();
            System.out.printf("precompiled %s (%.1f MB of WASM) in %.1f s%n", wanted, wasm.length / 1e6, (System.nanoTime() - t) / 1e9);
        }
        System.out.printf("precompiled %d modules in %.1f s into %s%n", done.size(), (System.nanoTime() - t0) / 1e9, out);
    }
}
