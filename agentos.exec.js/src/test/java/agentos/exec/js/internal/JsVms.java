package agentos.exec.js.internal;

import agentos.api.AgentOs;
import agentos.api.spi.AospkgPackage;
import agentos.api.spi.Executor;
import agentos.api.spi.SoftwarePackage;
import agentos.exec.wasm.internal.ChicoryExecutor;
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

/** A runtime with the real kernel, VFS, the WASM userland (for sh) and this executor, shared by a test class. */
final class JsVms implements AutoCloseable {
    private static List<SoftwarePackage> packages;

    final JsExecutor js;
    final VmRegistry registry;

    JsVms() {
        this(new JsExecutor());
    }

    JsVms(JsExecutor js) {
        this.js = js;
        Logger log = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (p, m, a) -> m.getReturnType() == boolean.class ? Boolean.FALSE : null);
        List<Executor> executors = List.of(new ChicoryExecutor(), js);
        List<SoftwarePackage> software = software();
        registry = new VmRegistry(64, log, System::currentTimeMillis, new VfsFactory(), () -> executors,
                () -> List.of(new MemoryMountPlugin(), new HostDirMountPlugin()), () -> software);
    }

    AgentOs os() {
        return registry;
    }

    static synchronized List<SoftwarePackage> software() {
        if (packages != null) {
            return packages;
        }
        try {
            Path dir = Files.createTempDirectory("agentos-js-test-software");
            List<SoftwarePackage> out = new ArrayList<>();
            for (String name : List.of("coreutils", "sed", "grep")) {
                String resource = "aospkg/" + name + "/dist/package.aospkg";
                try (InputStream in = JsVms.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IOException("missing test resource " + resource + " (agentos.software.common not built?)");
                    }
                    Path file = dir.resolve(name + ".aospkg");
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    out.add(AospkgPackage.open(file));
                }
            }
            out.add(new NodePackage());
            packages = List.copyOf(out);
            return packages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        registry.deactivate();
        js.deactivate();
    }
}
