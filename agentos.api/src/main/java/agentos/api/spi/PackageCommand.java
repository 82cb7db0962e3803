package agentos.api.spi;

import org.jspecify.annotations.Nullable;

/** A command a package provides: linked as {@code /opt/agentos/bin/<name>} to {@code path} inside the package. */
public record PackageCommand(String name, String path, @Nullable String aliasOf) {}
