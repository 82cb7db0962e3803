package agentos.api.config;

/**
 * A mount: the filesystem served by plugin {@code plugin} (e.g. {@code memory}, {@code host_dir}, {@code s3})
 * appears at guest path {@code path}. {@code configJson} is the plugin's own JSON object (for {@code host_dir}:
 * {@code {"hostPath": "/srv/data"}}); it may hold credentials and is never shown back to guests or listings.
 */
public record MountConfig(String path, String plugin, String configJson, boolean readOnly) {
    public MountConfig {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("mount path must be absolute, got '" + path + "'");
        }
        if (plugin.isBlank()) {
            throw new IllegalArgumentException("mount at '" + path + "' needs a plugin id (memory, host_dir, s3, …)");
        }
    }

    public static MountConfig of(String path, String plugin, String configJson) {
        return new MountConfig(path, plugin, configJson, false);
    }

    /** Host directories are read-only unless asked otherwise. */
    public static MountConfig hostDir(String path, String hostPath, boolean readOnly) {
        return new MountConfig(
                path, "host_dir", "{\"hostPath\":" + Json.quote(hostPath) + ",\"readOnly\":" + readOnly + "}", readOnly);
    }
}
