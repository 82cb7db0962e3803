package agentos.exec.wasm.internal;

import agentos.api.AgentOs;
import agentos.api.spi.AospkgPackage;
import agentos.api.spi.Executor;
import agentos.api.spi.SoftwarePackage;
import agentos.kernel.internal.VmRegistry;
import agentos.vfs.internal.HostDirMountPlugin;
import agentos.vfs.internal.MemoryMountPlugin;
import agentos.vfs.internal.VfsFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.log.Logger;

/** A runtime with the real VFS, kernel, this executor and upstream's common software, shared by a test class. */
final class WasmVms implements AutoCloseable {
    private static List<SoftwarePackage> packages;

    final ChicoryExecutor executor = new ChicoryExecutor();
    final VmRegistry registry;

    WasmVms() {
        Logger log = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (p, m, a) -> m.getReturnType() == boolean.class ? Boolean.FALSE : null);
        List<Executor> executors = List.of(executor);
        List<SoftwarePackage> software = common();
        registry = new VmRegistry(64, log, System::currentTimeMillis, new VfsFactory(), () -> executors,
                () -> List.of(new MemoryMountPlugin(), new HostDirMountPlugin()), () -> software);
    }

    AgentOs os() {
        return registry;
    }

    /** The .aospkg files agentos.software.common carries, copied out of its jar once per test JVM. */
    static synchronized List<SoftwarePackage> common() {
        if (packages != null) {
            return packages;
        }
        try {
            Path dir = Files.createTempDirectory("agentos-wasm-test-software");
            List<SoftwarePackage> out = new ArrayList<>();
            for (String name : List.of("coreutils", "sed", "grep", "gawk", "findutils", "diffutils", "tar", "gzip")) {
                String resource = "aospkg/" + name + "/dist/package.aospkg";
                try (InputStream in = WasmVms.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IOException("missing test resource " + resource + " (agentos.software.common not built?)");
                    }
                    Path file = dir.resolve(name + ".aospkg");
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    out.add(AospkgPackage.open(file));
                }
            }
            out.add(tools(dir));
            packages = List.copyOf(out);
            return packages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Package "tools" (grep, rg, fd, jq) from agentos.software.tools' jar, as that bundle registers it. */
    private static SoftwarePackage tools(Path dir) throws IOException {
        List<String> names = List.of("grep", "rg", "fd", "jq");
        Path bin = Files.createDirectories(dir.resolve("tools/bin"));
        List<agentos.api.spi.PackageEntry> entries = new ArrayList<>();
        List<agentos.api.spi.PackageCommand> commands = new ArrayList<>();
        entries.add(new agentos.api.spi.PackageEntry("bin", agentos.api.fs.FileType.DIRECTORY, 0755, 0, null));
        for (String n : names) {
            try (InputStream in = WasmVms.class.getClassLoader().getResourceAsStream("tools/bin/" + n)) {
                if (in == null) {
                    throw new IOException("missing test resource tools/bin/" + n + " (agentos.software.tools not built?)");
                }
                Files.copy(in, bin.resolve(n), StandardCopyOption.REPLACE_EXISTING);
            }
            entries.add(new agentos.api.spi.PackageEntry("bin/" + n, agentos.api.fs.FileType.FILE, 0755, Files.size(bin.resolve(n)), null));
            commands.add(new agentos.api.spi.PackageCommand(n, "bin/" + n, null));
        }
        agentos.api.spi.PackageManifest manifest = new agentos.api.spi.PackageManifest("tools", "0.2.21", commands, null, java.util.Map.of());
        return new SoftwarePackage() {
            @Override
            public agentos.api.spi.PackageManifest manifest() {
                return manifest;
            }

            @Override
            public List<agentos.api.spi.PackageEntry> entries() {
                return entries;
            }

            @Override
            public InputStream open(String path) throws IOException {
                return Files.newInputStream(dir.resolve("tools").resolve(path));
            }
        };
    }

    @Override
    public void close() {
        registry.deactivate();
    }
}
