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

/**
 * Package {@code tools}: single-file WASM commands under {@code bin/}, served from a directory. Public (in a
 * non-exported package) so plain-Java tests and benchmarks build the same package the bundle registers.
 */
public final class ToolsPackage implements SoftwarePackage {
    static final String NAME = "tools";
    static final String VERSION = "0.2.21";

    /**
     * This WASM git cannot fork a detached process, so automatic maintenance runs in the foreground (otherwise every
     * commit prints "fatal: fork failed"); the template dir is the package's empty one.
     */
    static final String GITCONFIG = """
            # git defaults inside an Agent OS VM (package tools); user and repository config override them.
            [maintenance]
            \tautoDetach = false
            [gc]
            \tautoDetach = false
            [init]
            \ttemplateDir = /opt/agentos/pkgs/tools/current/share/git-core/templates
            """;

    private final Path root;
    private final PackageManifest manifest;
    private final List<PackageEntry> entries;

    /** The commands this bundle ships, each at {@code tools/bin/NAME} in its jar. */
    public static final List<String> COMMANDS = List.of("grep", "rg", "fd", "jq", "git", "curl", "wget");

    /**
     * Copies the commands out of this bundle's jar resources (through {@code resources}, which answers null for a
     * missing one) into {@code root}, once, and serves the package from there.
     */
    public static ToolsPackage extract(Path root, java.util.function.Function<String, java.net.URL> resources)
            throws IOException {
        Files.createDirectories(root.resolve("bin"));
        for (String c : COMMANDS) {
            Path target = root.resolve("bin").resolve(c);
            if (!Files.exists(target)) {
                java.net.URL url = resources.apply("tools/bin/" + c);
                if (url == null) {
                    throw new IOException("agentos.software.tools lacks tools/bin/" + c + " (was it built with npm available?)");
                }
                Path tmp = Files.createTempFile(root, c, ".part");
                try (InputStream in = url.openStream()) {
                    Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return new ToolsPackage(root, COMMANDS);
    }

    ToolsPackage(Path root, List<String> commands) throws IOException {
        this.root = root;
        List<PackageEntry> e = new ArrayList<>();
        List<PackageCommand> c = new ArrayList<>();
        e.add(new PackageEntry("bin", FileType.DIRECTORY, 0755, 0, null));
        for (String name : commands) {
            e.add(new PackageEntry("bin/" + name, FileType.FILE, 0755, Files.size(root.resolve("bin").resolve(name)), null));
            c.add(new PackageCommand(name, "bin/" + name, null));
        }
        Map<String, String> env = Map.of();
        if (commands.contains("git")) {
            // git's built-in paths point at its build machine: give it a system config and an (empty) template dir.
            Path config = root.resolve("etc/gitconfig");
            if (!Files.exists(config)) {
                Files.createDirectories(config.getParent());
                Files.writeString(config, GITCONFIG);
            }
            e.add(new PackageEntry("etc", FileType.DIRECTORY, 0755, 0, null));
            e.add(new PackageEntry("etc/gitconfig", FileType.FILE, 0644, Files.size(config), null));
            e.add(new PackageEntry("share", FileType.DIRECTORY, 0755, 0, null));
            e.add(new PackageEntry("share/git-core", FileType.DIRECTORY, 0755, 0, null));
            e.add(new PackageEntry("share/git-core/templates", FileType.DIRECTORY, 0755, 0, null));
            env = Map.of("GIT_CONFIG_SYSTEM", "/opt/agentos/pkgs/" + NAME + "/current/etc/gitconfig");
        }
        this.entries = List.copyOf(e);
        this.manifest = new PackageManifest(NAME, VERSION, c, null, env);
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
