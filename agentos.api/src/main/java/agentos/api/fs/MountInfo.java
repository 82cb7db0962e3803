package agentos.api.fs;

/** A mount as listed to callers: path, plugin id and read-only flag — never the plugin's configuration. */
public record MountInfo(String path, String plugin, boolean readOnly) {}
