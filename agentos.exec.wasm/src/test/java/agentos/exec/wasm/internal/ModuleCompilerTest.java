package agentos.exec.wasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.spi.SoftwarePackage;
import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.Parser;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build ships upstream's hot commands compiled; anything else is compiled once and cached on disk. */
class ModuleCompilerTest {
    static byte[] command(String pkg, String name) throws Exception {
        SoftwarePackage p = WasmVms.common().stream().filter(x -> x.manifest().name().equals(pkg)).findFirst().orElseThrow();
        String path = p.manifest().commands().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().path();
        try (InputStream in = p.open(path)) {
            return in.readAllBytes();
        }
    }

    static long files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    static void compile(byte[] wasm, Path cacheDir) {
        assertNotNull(MachineFactoryCompiler.builder(Parser.parse(wasm))
                .withInterpreterFallback(InterpreterFallback.SILENT)
                .withCache(new ModuleCompiler.DiskCache(cacheDir))
                .compile());
    }

    @Test
    void shIsShippedCompiledSoNothingIsCompiledOrWritten(@TempDir Path cache) throws Exception {
        compile(command("coreutils", "sh"), cache);
        assertEquals(0, files(cache), "sh came from " + ModuleCompiler.SHIPPED + ", not from a fresh compile");
    }

    @Test
    void otherModulesAreCompiledOnceAndCached(@TempDir Path cache) throws Exception {
        byte[] basename = command("coreutils", "basename");
        compile(basename, cache);
        assertEquals(1, files(cache), "compiled and written to the disk cache");
        compile(basename, cache);
        assertEquals(1, files(cache), "the second time it is read back");
        try (Stream<Path> s = Files.list(cache)) {
            assertTrue(s.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no partial files left");
        }
    }
}
