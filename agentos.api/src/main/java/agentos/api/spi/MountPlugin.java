package agentos.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Creates filesystems for mounts of its plugin id ({@code memory}, {@code host_dir}, {@code s3}, …). Registered
 * as a service; when it goes away, its mounts answer EIO.
 */
@ConsumerType
public interface MountPlugin {

    String id();

    /** Creates the backend; a bad config is an IllegalArgumentException naming the field. */
    FilesystemBackend create(MountRequest request);
}
