package agentos.software.tools.internal;

import agentos.api.spi.PackageCache;
import agentos.api.spi.SoftwarePackage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** Registers the {@code tools} package (grep, rg, fd, jq, git), copied once out of the bundle into a cache directory. */
@Component(immediate = true)
public final class ToolsSoftware {
    private final ServiceRegistration<SoftwarePackage> registration;

    @Activate
    public ToolsSoftware(BundleContext context) throws IOException {
        Bundle bundle = context.getBundle();
        Path root = PackageCache.extract(bundle.getSymbolicName(),
                ToolsPackage.COMMANDS.stream().map(c -> "tools/bin/" + c).toList(), bundle::getEntry).resolve("tools");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("agentos.software.name", ToolsPackage.NAME);
        registration = context.registerService(SoftwarePackage.class, ToolsPackage.extract(root, bundle::getEntry), props);
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
