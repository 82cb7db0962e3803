package agentos.api.spi;

/**
 * A request to mount: which VM, where, the plugin's JSON config, whether the mount is read-only, and the VM
 * user's uid/gid (backends without ownership of their own, such as host directories, present their entries as
 * owned by that user).
 */
public record MountRequest(String vmId, String path, String configJson, boolean readOnly, int ownerUid, int ownerGid) {}
