package agentos.api.fs;

import java.util.List;

/**
 * The visible root of a VM as a list of entries, parents before children. Usable as a lower layer of a new VM
 * ({@code RootFilesystemConfig.SnapshotLower}).
 */
public record FilesystemSnapshot(String format, List<SnapshotEntry> entries) {
    public static final String FORMAT = "agentos-filesystem-snapshot-v1";

    public FilesystemSnapshot {
        entries = List.copyOf(entries);
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("unknown snapshot format '" + format + "', expected " + FORMAT);
        }
    }

    public static FilesystemSnapshot of(List<SnapshotEntry> entries) {
        return new FilesystemSnapshot(FORMAT, entries);
    }
}
