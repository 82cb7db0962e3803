package agentos.api.software;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The {@code software} namespace. */
@ProviderType
public interface Software {

    /** Packages projected into this VM. */
    List<SoftwareInfo> list();

    /**
     * Links the upstream package file ({@code .aospkg}) at host path {@code packagePath} into the running VM: its
     * commands are on PATH as soon as this returns, and an agent package becomes usable by sessions.
     */
    SoftwareInfo link(String packagePath);
}
