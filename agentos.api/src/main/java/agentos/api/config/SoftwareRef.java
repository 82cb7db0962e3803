package agentos.api.config;

import org.jspecify.annotations.Nullable;

/**
 * A software package to project into a VM: either by name (a {@code SoftwarePackage} service, optionally a
 * specific version) or by the path of an upstream {@code .aospkg} file on the host.
 */
public record SoftwareRef(@Nullable String name, @Nullable String version, @Nullable String packagePath) {
    public SoftwareRef {
        if ((name == null) == (packagePath == null)) {
            throw new IllegalArgumentException("software entry needs exactly one of name or packagePath");
        }
    }

    /** The newest installed version of the named package. */
    public static SoftwareRef named(String name) {
        return new SoftwareRef(name, null, null);
    }

    /** A package file on the host, e.g. {@code /opt/pkgs/ripgrep.aospkg}. */
    public static SoftwareRef file(String packagePath) {
        return new SoftwareRef(null, null, packagePath);
    }

    /** A short label: the name (with version) or the file path. */
    public String label() {
        if (name != null) {
            return version == null ? name : name + "@" + version;
        }
        return String.valueOf(packagePath);
    }
}
