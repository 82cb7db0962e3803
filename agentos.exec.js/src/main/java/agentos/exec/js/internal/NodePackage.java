package agentos.exec.js.internal;

import agentos.api.fs.FileType;
import agentos.api.spi.PackageCommand;
import agentos.api.spi.PackageEntry;
import agentos.api.spi.PackageManifest;
import agentos.api.spi.SoftwarePackage;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Package {@code node}: one command, {@code bin/node}, whose file is the JavaScript executor's magic header. The
 * kernel's binfmt lookup hands it to {@link JsExecutor}; the base layer's {@code /usr/bin/node} links here.
 */
@Component(service = SoftwarePackage.class)
public final class NodePackage implements SoftwarePackage {
    /** The Node.js release whose API the runtime follows (and whose test suite it is measured against). */
    static final String NODE_VERSION = "22.14.0";

    private static final PackageManifest MANIFEST = new PackageManifest(
            "node", NODE_VERSION, List.of(new PackageCommand("node", "bin/node", null)), null, Map.of());
    private static final List<PackageEntry> ENTRIES = List.of(
            new PackageEntry("bin", FileType.DIRECTORY, 0755, 0, null),
            new PackageEntry("bin/node", FileType.FILE, 0755, JsExecutor.MAGIC.length, null));

    @Override
    public PackageManifest manifest() {
        return MANIFEST;
    }

    @Override
    public List<PackageEntry> entries() {
        return ENTRIES;
    }

    @Override
    public InputStream open(String path) throws FileNotFoundException {
        if (!path.equals("bin/node")) {
            throw new FileNotFoundException(path);
        }
        return new ByteArrayInputStream(JsExecutor.MAGIC);
    }
}
