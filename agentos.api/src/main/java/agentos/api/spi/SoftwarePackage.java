package agentos.api.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A software package offered to VMs. VMs project it read-only at {@code /opt/agentos/pkgs/<name>/<version>}
 * and link its commands into {@code /opt/agentos/bin}. Registered as a service by software bundles;
 * unregistering it removes its commands from running VMs (ENOENT afterwards).
 */
@ConsumerType
public interface SoftwarePackage {

    PackageManifest manifest();

    /** The package tree, parents before children. */
    List<PackageEntry> entries();

    /** Opens a file of the package tree. */
    InputStream open(String path) throws IOException;
}
