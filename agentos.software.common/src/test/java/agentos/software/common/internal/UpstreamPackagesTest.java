package agentos.software.common.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.fs.FileType;
import agentos.api.spi.AospkgPackage;
import agentos.api.spi.PackageCommand;
import agentos.api.spi.PackageEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real upstream files the build fetched, read by the runtime's .aospkg reader. */
class UpstreamPackagesTest {
    static Path aospkg(String pkg) {
        return Path.of("target/classes/aospkg", pkg, "dist/package.aospkg");
    }

    @Test
    void everyCommonPackageParsesWithItsCommands() throws IOException {
        Map<String, String> versions = new TreeMap<>();
        for (String pkg : List.of("coreutils", "sed", "grep", "gawk", "findutils", "diffutils", "tar", "gzip")) {
            AospkgPackage p = AospkgPackage.open(aospkg(pkg));
            versions.put(p.manifest().name(), p.manifest().version());
            assertTrue(p.manifest().commands().size() > 0, pkg);
        }
        assertEquals("0.3.4", versions.get("coreutils"));
        assertEquals("0.3.5", versions.get("tar"));
        AospkgPackage core = AospkgPackage.open(aospkg("coreutils"));
        var cmds = core.manifest().commands().stream().map(PackageCommand::name).collect(Collectors.toSet());
        assertTrue(cmds.containsAll(List.of("sh", "bash", "cat", "ls", "echo", "wc", "sort", "head", "tr")), cmds.toString());
        assertEquals(118, core.manifest().commands().size());
    }

    @Test
    void fileContentsAreWasmModulesReadByOffset() throws IOException {
        AospkgPackage core = AospkgPackage.open(aospkg("coreutils"));
        PackageEntry sh = core.entries().stream().filter(e -> e.path().equals("bin/sh")).findFirst().orElseThrow();
        assertEquals(FileType.FILE, sh.type());
        assertEquals(0755, sh.mode());
        try (InputStream in = core.open("bin/sh")) {
            byte[] all = in.readAllBytes();
            assertEquals(sh.size(), all.length);
            assertEquals(0, all[0]);
            assertEquals('a', all[1]);
            assertEquals('s', all[2]);
            assertEquals('m', all[3]);
        }
    }

    @Test
    void corruptFilesAreRejectedNamingTheProblem(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("bad.aospkg");
        Files.write(bad, new byte[] {'n', 'o', 'p', 'e', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        IOException magic = assertThrows(IOException.class, () -> AospkgPackage.open(bad));
        assertTrue(magic.getMessage().contains("bad magic"), magic.getMessage());
        byte[] real = Files.readAllBytes(aospkg("grep"));
        Path truncated = tmp.resolve("truncated.aospkg");
        Files.write(truncated, java.util.Arrays.copyOf(real, 40));
        IOException trunc = assertThrows(IOException.class, () -> AospkgPackage.open(truncated));
        assertTrue(trunc.getMessage().contains("chunks exceed file size"), trunc.getMessage());
        byte[] version = real.clone();
        version[4] = 2;
        Path v2 = tmp.resolve("v2.aospkg");
        Files.write(v2, version);
        assertTrue(assertThrows(IOException.class, () -> AospkgPackage.open(v2)).getMessage().contains("format version 2"));
    }
}
