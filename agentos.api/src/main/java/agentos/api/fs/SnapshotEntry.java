package agentos.api.fs;

import org.jspecify.annotations.Nullable;

/** One node of a root snapshot: file content or symlink target as applicable. */
public record SnapshotEntry(
        String path, FileType type, int mode, int uid, int gid, byte @Nullable [] content, @Nullable String target) {}
