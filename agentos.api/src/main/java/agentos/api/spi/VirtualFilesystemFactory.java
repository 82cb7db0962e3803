package agentos.api.spi;

import org.osgi.annotation.versioning.ProviderType;

/** Builds VM filesystems; a service of {@code agentos.vfs} used by the kernel. */
@ProviderType
public interface VirtualFilesystemFactory {
    VirtualFilesystem create(VfsSpec spec);
}
