package agentos.software.common.internal;

import agentos.api.spi.AospkgPackage;
import agentos.api.spi.PackageCache;
import agentos.api.spi.SoftwarePackage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Registers one {@link SoftwarePackage} service per upstream {@code .aospkg} this bundle carries. Package files are
 * read by offset, so each is copied once out of the bundle into a cache directory (named by its content) and
 * opened from there.
 */
@Component(immediate = true)
public final class CommonSoftware {
    private final List<ServiceRegistration<SoftwarePackage>> registrations = new ArrayList<>();

    @Activate
    public CommonSoftware(BundleContext context) throws IOException {
        Bundle bundle = context.getBundle();
        Enumeration<URL> urls = bundle.findEntries("aospkg", "package.aospkg", true);
        if (urls == null) {
            throw new IOException("bundle " + bundle.getSymbolicName() + " carries no .aospkg files; was it built with npm available?");
        }
        List<String> paths = Collections.list(urls).stream().map(u -> u.getPath().replaceFirst("^/", "")).sorted().toList();
        Path cache = PackageCache.extract(bundle.getSymbolicName(), paths, bundle::getEntry);
        for (String path : paths) {
            Path file = cache.resolve(path);
            AospkgPackage pkg = AospkgPackage.open(file);
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("agentos.software.name", pkg.manifest().name());
            props.put("agentos.software.version", pkg.manifest().version());
            registrations.add(context.registerService(SoftwarePackage.class, pkg, props));
        }
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<SoftwarePackage> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregistered it already
            }
        }
        registrations.clear();
    }
}
