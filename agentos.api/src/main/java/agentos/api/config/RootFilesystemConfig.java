package agentos.api.config;

import agentos.api.fs.FilesystemSnapshot;
import java.util.List;

/**
 * The VM's root: an overlay of a writable upper layer over frozen lowers (highest precedence first) and, unless
 * disabled, the bundled Alpine-like base layer at the bottom.
 */
public record RootFilesystemConfig(RootMode mode, boolean disableDefaultBaseLayer, List<Lower> lowers) {
    public static final RootFilesystemConfig DEFAULT = new RootFilesystemConfig(RootMode.EPHEMERAL, false, List.of());

    public RootFilesystemConfig {
        lowers = List.copyOf(lowers);
    }

    /** Writable in memory for the VM's lifetime, or read-only (writes fail with EROFS). */
    public enum RootMode {
        EPHEMERAL,
        READ_ONLY
    }

    /** One lower layer. */
    public sealed interface Lower permits SnapshotLower, BundledBaseLower {}

    /** A layer made from an exported root snapshot, e.g. of another VM. */
    public record SnapshotLower(FilesystemSnapshot snapshot) implements Lower {}

    /** The bundled base layer placed explicitly (e.g. above a snapshot). */
    public record BundledBaseLower() implements Lower {}
}
