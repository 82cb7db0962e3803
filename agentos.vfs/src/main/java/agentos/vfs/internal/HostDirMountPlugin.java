package agentos.vfs.internal;

import agentos.api.spi.FilesystemBackend;
import agentos.api.spi.MountPlugin;
import agentos.api.spi.MountRequest;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

/**
 * Plugin {@code host_dir}: a host directory, escape-proof. Config: {@code hostPath} (required, an existing
 * directory) and {@code readOnly} (default true: writes need {@code "readOnly": false} here and a writable mount).
 */
@Component(service = MountPlugin.class)
public final class HostDirMountPlugin implements MountPlugin {
    static final String ID = "host_dir";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public FilesystemBackend create(MountRequest request) {
        PluginConfig config = new PluginConfig(ID, request.configJson());
        Path hostPath = Path.of(config.requireString("hostPath"));
        if (!hostPath.isAbsolute()) {
            throw new IllegalArgumentException("host_dir config hostPath must be absolute, got '" + hostPath + "'");
        }
        boolean readOnly = request.readOnly() || !Boolean.FALSE.equals(config.optionalBoolean("readOnly"));
        return new HostDirBackend(hostPath, readOnly, request.ownerUid(), request.ownerGid());
    }
}
