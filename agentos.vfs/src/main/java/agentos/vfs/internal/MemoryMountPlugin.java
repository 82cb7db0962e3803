package agentos.vfs.internal;

import agentos.api.spi.FilesystemBackend;
import agentos.api.spi.MountPlugin;
import agentos.api.spi.MountRequest;
import org.osgi.service.component.annotations.Component;

/**
 * Plugin {@code memory}: an empty in-memory filesystem owned by the VM user. Config (all optional):
 * {@code maxBytes} (default 64 MiB) and {@code maxInodes} (default 16384) bound it.
 */
@Component(service = MountPlugin.class)
public final class MemoryMountPlugin implements MountPlugin {
    static final String ID = "memory";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public FilesystemBackend create(MountRequest request) {
        PluginConfig config = new PluginConfig(ID, request.configJson());
        Quota quota = new Quota(request.vmId(), config.positiveLong("maxBytes", 64L << 20),
                config.positiveLong("maxInodes", 16_384), w -> {});
        return new MemoryFs(quota, System::currentTimeMillis, 0755, request.ownerUid(), request.ownerGid());
    }
}
