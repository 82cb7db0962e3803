package agentos.software.tools.internal;

import agentos.api.spi.SoftwarePackage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** Registers the {@code tools} package (grep, rg, fd, jq), copied once out of the bundle into a cache directory. */
@Component(immediate = true)
public final class ToolsSoftware {
    static final List<String> COMMANDS = List.of("grep", "rg", "fd", "jq");

    private final ServiceRegistration<SoftwarePackage> registration;

    @Activate
    public ToolsSoftware(BundleContext context) throws IOException {
        Bundle bundle = context.getBundle();
        String base = System.getProperty("agentos.cache.dir",
                Path.of(System.getProperty("user.home"), ".cache", "agentos").toString());
        Path root = Path.of(base, "software", bundle.getSymbolicName() + "-" + bundle.getVersion() + "-" + bundle.getLastModified());
        Files.createDirectories(root.resolve("bin"));
        for (String c : COMMANDS) {
            Path target = root.resolve("bin").resolve(c);
            if (!Files.exists(target)) {
                URL url = bundle.getEntry("tools/bin/" + c);
                if (url == null) {
                    throw new IOException("bundle " + bundle.getSymbolicName() + " lacks tools/bin/" + c);
                }
                Path tmp = Files.createTempFile(root, c, ".part");
                try (InputStream in = url.openStream()) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("agentos.software.name", ToolsPackage.NAME);
        registration = context.registerService(SoftwarePackage.class, new ToolsPackage(root, COMMANDS), props);
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregistered it already
        }
    }
}
