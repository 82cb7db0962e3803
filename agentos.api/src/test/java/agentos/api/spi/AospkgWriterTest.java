package agentos.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.fs.FileType;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AospkgWriterTest {
    @TempDir
    Path dir;

    static final String LONG = "node_modules/@scope/a-package-with-a-rather-long-name/lib/deeply/nested/directory/structure/index.js";

    /** An in-memory package: path -> content (null = directory, "->x" = symlink to x). */
    record Mem(PackageManifest manifest, Map<String, String> files) implements SoftwarePackage {
        @Override
        public List<PackageEntry> entries() {
            return files.entrySet().stream().map(e -> e.getValue() == null
                    ? new PackageEntry(e.getKey(), FileType.DIRECTORY, 0755, 0, null)
                    : e.getValue().startsWith("->")
                            ? new PackageEntry(e.getKey(), FileType.SYMLINK, 0777, 0, e.getValue().substring(2))
                            : new PackageEntry(e.getKey(), FileType.FILE, e.getKey().startsWith("bin/") ? 0755 : 0644,
                                    e.getValue().getBytes(StandardCharsets.UTF_8).length, null)).toList();
        }

        @Override
        public InputStream open(String path) throws IOException {
            String s = files.get(path);
            if (s == null || s.startsWith("->")) {
                throw new FileNotFoundException(path);
            }
            return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    static Mem agentPackage() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("bin/agent.js", "#!/usr/bin/env node\nconsole.log('hi')\n");
        files.put(LONG, "module.exports = 42;\n".repeat(40));
        files.put("bin/link", "->../" + LONG);
        files.put("share/man/man1/agent.1", ".TH AGENT 1\n");
        files.put("empty", "");
        files.put("etc", null);
        return new Mem(new PackageManifest("demo", "1.2.3",
                List.of(new PackageCommand("agent", "bin/agent.js", null), new PackageCommand("link", "bin/link", null)),
                new AgentManifest("demo", "agent", Map.of("DEMO", "1"), List.of("--acp")), Map.of("DEMO_HOME", "/opt/demo")), files);
    }

    @Test
    void writtenPackagesReadBackWithTheSameManifestTreeAndContents() throws Exception {
        Mem pkg = agentPackage();
        Path file = dir.resolve("demo.aospkg");
        AospkgWriter.write(pkg, file);
        AospkgPackage back = AospkgPackage.open(file);

        assertEquals(pkg.manifest(), back.manifest());
        Map<String, PackageEntry> entries = new LinkedHashMap<>();
        back.entries().forEach(e -> entries.put(e.path(), e));
        for (PackageEntry e : pkg.entries()) {
            assertEquals(e, entries.get(e.path()), e.path());
            if (e.type() == FileType.FILE) {
                try (InputStream in = back.open(e.path())) {
                    assertArrayEquals(pkg.open(e.path()).readAllBytes(), in.readAllBytes(), e.path());
                }
            }
        }
        // Parents are synthesized as directories.
        assertEquals(FileType.DIRECTORY, entries.get("node_modules/@scope").type());
        assertEquals(FileType.DIRECTORY, entries.get("share/man/man1").type());
        assertFalse(entries.containsKey(""));

        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer h = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long mountStart = 16L + h.getInt(8) + h.getInt(12);
        // The manifest lists the man page like upstream's packer: ... commands, manPages [man1/agent.1], no snapshot.
        String manifestChunk = new String(bytes, 16, h.getInt(8), StandardCharsets.ISO_8859_1);
        assertTrue(manifestChunk.endsWith("\u0001\u0004man1\u0007agent.1\u0000"), manifestChunk);

        // Chunk 3 is a tar that GNU tar lists, long names included.
        Path tar = dir.resolve("mount.tar");
        Files.write(tar, java.util.Arrays.copyOfRange(bytes, (int) mountStart, bytes.length));
        Process p = new ProcessBuilder("tar", "-tvf", tar.toString()).redirectErrorStream(true).start();
        String listing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), listing);
        assertTrue(listing.contains("./" + LONG), listing);
        assertTrue(listing.contains("./bin/link -> ../" + LONG), listing);
        assertTrue(listing.contains("./etc/"), listing);
    }

    @Test
    void badPackagesAreRefusedNamingTheProblemAndLeaveNoFile() throws Exception {
        Mem good = agentPackage();
        Path file = dir.resolve("bad.aospkg");

        Mem renamedAgent = new Mem(new PackageManifest("demo", "1", good.manifest().commands(),
                new AgentManifest("other", "agent", Map.of(), List.of()), Map.of()), good.files());
        IOException e = assertThrows(IOException.class, () -> AospkgWriter.write(renamedAgent, file));
        assertTrue(e.getMessage().contains("agent id is other"), e.getMessage());

        Mem danglingCommand = new Mem(new PackageManifest("demo", "1", List.of(new PackageCommand("x", "bin/missing", null)),
                null, Map.of()), good.files());
        e = assertThrows(IOException.class, () -> AospkgWriter.write(danglingCommand, file));
        assertTrue(e.getMessage().contains("command x points at bin/missing"), e.getMessage());

        Mem escaping = new Mem(new PackageManifest("demo", "1", List.of(), null, Map.of()), Map.of("../x", "y"));
        e = assertThrows(IOException.class, () -> AospkgWriter.write(escaping, file));
        assertTrue(e.getMessage().contains("'../x' is not relative and canonical"), e.getMessage());

        SoftwarePackage lying = new SoftwarePackage() {
            @Override
            public PackageManifest manifest() {
                return new PackageManifest("demo", "1", List.of(), null, Map.of());
            }

            @Override
            public List<PackageEntry> entries() {
                return List.of(new PackageEntry("a", FileType.FILE, 0644, 99, null));
            }

            @Override
            public InputStream open(String path) {
                return new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8));
            }
        };
        e = assertThrows(IOException.class, () -> AospkgWriter.write(lying, file));
        assertTrue(e.getMessage().contains("a has 3 bytes but its entry says 99"), e.getMessage());

        assertFalse(Files.exists(file));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "no temporary files are left behind");
        }
    }
}
