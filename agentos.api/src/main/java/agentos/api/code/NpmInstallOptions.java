package agentos.api.code;

import org.jspecify.annotations.Nullable;

/** {@code npm install} options: dev dependency, global install, frozen lockfile, and the project directory. */
public record NpmInstallOptions(boolean dev, boolean global, boolean frozen, @Nullable String cwd) {
    public static final NpmInstallOptions DEFAULT = new NpmInstallOptions(false, false, false, null);
}
