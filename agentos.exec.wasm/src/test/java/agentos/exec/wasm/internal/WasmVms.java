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

    /** Package "tools" from agentos.software.tools' jar, built as that bundle builds it. */
    private static SoftwarePackage tools(Path dir) throws IOException {
        return agentos.software.tools.internal.ToolsPackage.extract(dir.resolve("tools"), WasmVms.class.getClassLoader()::getResource);
    }

    @Override
    public void close() {
        registry.deactivate();
    }
}
