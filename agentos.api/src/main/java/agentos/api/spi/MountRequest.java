package agentos.api.spi;

/** A request to mount: which VM, where, the plugin's JSON config and whether the mount is read-only. */
public record MountRequest(String vmId, String path, String configJson, boolean readOnly) {}
