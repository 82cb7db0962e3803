package agentos.api.fs;

import agentos.api.config.MountConfig;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The {@code filesystem} namespace of a VM, acting as the VM's root user. Paths are absolute and normalised
 * ({@code /a/b}, no {@code .} or {@code ..} segments, no trailing slash); anything else is rejected with EINVAL.
 * Failures are {@link agentos.api.ErrnoException}s.
 */
@ProviderType
public interface Filesystem {

    byte[] readFile(String path);

    /** Creates or replaces a file; parent directories must exist. */
    void writeFile(String path, byte[] content);

    default void writeFile(String path, String content) {
        writeFile(path, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    List<BatchResult> readFiles(List<String> paths);

    List<BatchResult> writeFiles(List<FileWrite> files);

    /**
     * Sets permission bits (e.g. {@code 0755} to make a script the host wrote executable). Not in upstream's
     * namespace, where the host cannot mark files executable at all.
     */
    void chmod(String path, int mode);

    /** Metadata, following symlinks. */
    FileStat stat(String path);

    /** Metadata of the node itself (symlinks not followed). */
    FileStat lstat(String path);

    /** Creates a directory; with {@code recursive}, missing parents too and no error if it exists. */
    void mkdir(String path, boolean recursive);

    /** Entry names, sorted. */
    List<String> readdir(String path);

    List<DirEntry> readdirEntries(String path);

    /** Every path below {@code path}, depth-first, bounded by {@code limits.resources.maxRecursiveFs*}. */
    List<String> readdirRecursive(String path);

    boolean exists(String path);

    /** Renames {@code from} to {@code to} (replacing a file there); EXDEV across mounts. */
    void move(String from, String to);

    /** Removes a file, symlink or empty directory; with {@code recursive}, a whole tree. */
    void remove(String path, boolean recursive);

    /** The visible root as a snapshot; fails with EFBIG if its serialised size would exceed {@code maxBytes}. */
    FilesystemSnapshot export(long maxBytes);

    /** Mounts a plugin filesystem; visible to running guests as soon as this returns. */
    void mount(MountConfig mount);

    /** Unmounts; EBUSY when another mount lies below it, EINVAL when nothing is mounted there. */
    void unmount(String path);

    List<MountInfo> listMounts();
}
