package agentos.software.tools.internal;

import agentos.api.fs.FileType;
import agentos.api.spi.PackageCommand;
import agentos.api.spi.PackageEntry;
import agentos.api.spi.PackageManifest;
import agentos.api.spi.SoftwarePackage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Package {@code tools}: single-file WASM commands under {@code bin/}, served from a directory. */
final class ToolsPackage implements SoftwarePackage {
    static final String NAME = "tools";
    static final String VERSION = "0.2.21";

    private final Path root;
    private final PackageManifest manifest;
    private final List<PackageEntry> entries;

    ToolsPackage(Path root, List<String> commands) throws IOException {
        this.root = root;
        List<PackageEntry> e = new ArrayList<>();
        List<PackageCommand> c = new ArrayList<>();
        e.add(new PackageEntry("bin", FileType.DIRECTORY, 0755, 0, null));
        for (String name : commands) {
            e.add(new PackageEntry("bin/" + name, FileType.FILE, 0755, Files.size(root.resolve("bin").resolve(name)), null));
            c.add(new PackageCommand(name, "bin/" + name, null));
        }
        this.entries = List.copyOf(e);
        this.manifest = new PackageManifest(NAME, VERSION, c, null, Map.of());
    }

    @Override
    public PackageManifest manifest() {
        return manifest;
    }

    @Override
    public List<PackageEntry> entries() {
        return entries;
    }

    @Override
    public InputStream open(String path) throws IOException {
        if (entries.stream().noneMatch(e -> e.path().equals(path) && e.type() == FileType.FILE)) {
            throw new java.io.FileNotFoundException("package tools has no file " + path);
        }
        return Files.newInputStream(root.resolve(path));
    }
}
