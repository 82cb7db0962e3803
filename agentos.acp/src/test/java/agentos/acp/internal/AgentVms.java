package agentos.acp.internal;

import agentos.api.AgentOs;
import agentos.api.fs.FileType;
import agentos.api.spi.AgentAdapter;
import agentos.api.spi.AgentManifest;
import agentos.api.spi.AospkgPackage;
import agentos.api.spi.Executor;
import agentos.api.spi.PackageCommand;
import agentos.api.spi.PackageEntry;
import agentos.api.spi.PackageManifest;
import agentos.api.spi.SoftwarePackage;
import agentos.exec.js.internal.JsExecutor;
import agentos.exec.js.internal.NodePackage;
import agentos.exec.wasm.internal.ChicoryExecutor;
import agentos.kernel.internal.VmRegistry;
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
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.osgi.service.log.Logger;

/**
 * A runtime for the session tests: the real kernel, VFS, WASM userland, node, the agent layer, the scripted test
 * agent ({@code script}) and, when the build fetched it, upstream's Pi package ({@code pi}).
 */
final class AgentVms implements AutoCloseable {
    private static List<SoftwarePackage> packages;

    final JsExecutor js = new JsExecutor();
    final VmRegistry registry;
    final AcpLayer layer;

    AgentVms(Path database, AcpSettings settings) {
        this(database, settings, filter -> null);
    }

    AgentVms(Path database, AcpSettings settings, Function<String, DataSource> dataSources) {
        Logger log = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (p, m, a) -> m.getReturnType() == boolean.class ? Boolean.FALSE : null);
        List<Executor> executors = List.of(new ChicoryExecutor(), js);
        List<SoftwarePackage> software = software();
        layer = new AcpLayer(database, dataSources, List.<AgentAdapter>of(new agentos.adapters.pi.internal.PiSoftware.PiAdapter()), settings);
        registry = new VmRegistry(64, log, System::currentTimeMillis, new VfsFactory(), () -> executors, List::of, () -> software)
                .agentLayer(layer);
    }

    AgentOs os() {
        return registry;
    }

    static Path piPackage() {
        return Path.of(System.getProperty("agentos.test.pi", "../agentos.adapters.pi/target/generated-pi/pi/package.aospkg"));
    }

    static synchronized List<SoftwarePackage> software() {
        if (packages != null) {
            return packages;
        }
        try {
            Path dir = Files.createTempDirectory("agentos-acp-test-software");
            List<SoftwarePackage> out = new ArrayList<>();
            for (String name : List.of("coreutils", "sed", "grep")) {
                String resource = "aospkg/" + name + "/dist/package.aospkg";
                try (InputStream in = AgentVms.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IOException("missing test resource " + resource + " (agentos.software.common not built?)");
                    }
                    Path file = dir.resolve(name + ".aospkg");
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    out.add(AospkgPackage.open(file));
                }
            }
            out.add(new NodePackage());
            out.add(new ScriptAgentPackage());
            if (Files.isRegularFile(piPackage())) {
                out.add(AospkgPackage.open(piPackage()));
            }
            packages = List.copyOf(out);
            return packages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        registry.deactivate();
        layer.deactivate();
        js.deactivate();
    }

    /** Package {@code script-agent} with agent {@code script}: src/test/resources/script-agent/agent.js. */
    static final class ScriptAgentPackage implements SoftwarePackage {
        private final byte[] agent;

        ScriptAgentPackage() throws IOException {
            try (InputStream in = AgentVms.class.getResourceAsStream("/script-agent/agent.js")) {
                agent = in.readAllBytes();
            }
        }

        @Override
        public PackageManifest manifest() {
            return new PackageManifest("script-agent", "1.0.0", List.of(new PackageCommand("script-agent", "bin/agent.js", null)),
                    new AgentManifest("script", "script-agent", Map.of("SCRIPT_AGENT", "1"), List.of("--from-manifest")), Map.of());
        }

        @Override
        public List<PackageEntry> entries() {
            return List.of(new PackageEntry("bin", FileType.DIRECTORY, 0755, 0, null),
                    new PackageEntry("bin/agent.js", FileType.FILE, 0755, agent.length, null));
        }

        @Override
        public InputStream open(String path) throws IOException {
            if (!path.equals("bin/agent.js")) {
                throw new java.io.FileNotFoundException(path);
            }
            return new java.io.ByteArrayInputStream(agent);
        }
    }
}
