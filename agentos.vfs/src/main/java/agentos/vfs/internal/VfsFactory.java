package agentos.vfs.internal;

import agentos.api.config.RootFilesystemConfig;
import agentos.api.config.UserConfig;
import agentos.api.spi.FilesystemBackend;
import agentos.api.spi.VfsSpec;
import agentos.api.spi.VirtualFilesystem;
import agentos.api.spi.VirtualFilesystemFactory;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Builds VM filesystems: an overlay root (writable in-memory upper, the configured lowers, the bundled base layer
 * at the bottom unless disabled) with {@code /dev} mounted. The base layer for the default user is built once
 * and shared by all VMs (it is frozen; VMs copy entries up when they change them).
 */
@Component(service = VirtualFilesystemFactory.class)
public final class VfsFactory implements VirtualFilesystemFactory {
    private volatile MemoryFs defaultBase;

    private MemoryFs base(UserConfig user, java.util.function.LongSupplier clock) {
        if (!user.equals(UserConfig.DEFAULT)) {
            return BaseLayer.build(user, clock);
        }
        MemoryFs b = defaultBase;
        if (b == null) {
            synchronized (this) {
                b = defaultBase;
                if (b == null) {
                    b = BaseLayer.build(user, clock);
                    defaultBase = b;
                }
            }
        }
        return b;
    }

    @Override
    public VirtualFilesystem create(VfsSpec spec) {
        Quota quota = new Quota(spec.vmId(), spec.limits().maxFilesystemBytes(), spec.limits().maxInodeCount(),
                spec.limitWarnings());
        RootFilesystemConfig rootConfig = spec.root();
        List<FilesystemBackend> lowers = new ArrayList<>();
        boolean baseListed = false;
        for (RootFilesystemConfig.Lower lower : rootConfig.lowers()) {
            if (lower instanceof RootFilesystemConfig.SnapshotLower s) {
                lowers.add(Snapshots.toLayer(s.snapshot(), spec.clockMs()));
            } else {
                lowers.add(base(spec.user(), spec.clockMs()));
                baseListed = true;
            }
        }
        if (!rootConfig.disableDefaultBaseLayer() && !baseListed) {
            lowers.add(base(spec.user(), spec.clockMs()));
        }
        MemoryFs upper = new MemoryFs(quota, spec.clockMs());
        MountedVfs vfs = new MountedVfs(spec.vmId(), new OverlayFs(upper, lowers), spec.user(), spec.limits(),
                spec.guestReadOnlyPaths(), quota, rootConfig.mode() == RootFilesystemConfig.RootMode.READ_ONLY);
        vfs.mountSystem("/dev", "dev", new DevFs(spec.clockMs().getAsLong()), false);
        return vfs;
    }
}
