package agentos.api.spi;

import agentos.api.fs.FileType;
import org.jspecify.annotations.Nullable;

/** One node of a package tree, path relative to the package root ({@code bin/sh}). */
public record PackageEntry(String path, FileType type, int mode, long size, @Nullable String linkTarget) {}
