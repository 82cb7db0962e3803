package agentos.api.spi;

import agentos.api.fs.DirEntry;
import agentos.api.fs.FileStat;
import agentos.api.fs.FilesystemSnapshot;
import agentos.api.fs.MountInfo;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One VM's filesystem namespace: the overlay root plus mounts (longest prefix wins), with symlink resolution
 * (ELOOP after 40 links), mode-bit checks for guest callers, EROFS on read-only mounts and guest-read-only paths,
 * EXDEV across mounts, and the VM's byte and inode quota. Paths are absolute and normalised (the kernel resolves
 * relative paths against the caller's cwd first). {@code /proc/self} resolves to the caller's pid. Failures are
 * {@link agentos.api.ErrnoException}s. Thread-safe.
 */
@ProviderType
public interface VirtualFilesystem extends AutoCloseable {
    int SYMLINK_MAX = 40;

    FileStat stat(Caller caller, String path);

    FileStat lstat(Caller caller, String path);

    /** Entries without "." and "..", sorted by name. */
    List<DirEntry> readdir(Caller caller, String path);

    /** Opens with {@link Syscalls} O_* flags (access mode, O_CREAT, O_EXCL, O_TRUNC, O_DIRECTORY, O_NOFOLLOW). */
    VfsFile open(Caller caller, String path, int flags, int mode);

    void mkdir(Caller caller, String path, int mode);

    void rmdir(Caller caller, String path);

    void unlink(Caller caller, String path);

    void rename(Caller caller, String from, String to);

    void symlink(Caller caller, String target, String linkPath);

    String readlink(Caller caller, String path);

    void link(Caller caller, String existing, String newPath);

    void chmod(Caller caller, String path, int mode);

    void chown(Caller caller, String path, int uid, int gid);

    void utimes(Caller caller, String path, long atimeMs, long mtimeMs);

    void truncate(Caller caller, String path, long length);

    /** The canonical path with every symlink resolved. */
    String realpath(Caller caller, String path);

    /** Mounts {@code backend} at {@code path} (an existing directory, or created in the root when missing). */
    void mount(String path, String pluginId, FilesystemBackend backend, boolean readOnly);

    /**
     * A kernel-owned mount ({@code /proc}, {@code /opt/agentos}): read-only, not listed by {@link #mounts()}, and
     * never unmountable. A mount with plugin id {@code proc} resolves {@code self} to the caller's pid.
     */
    void mountSystem(String path, String pluginId, FilesystemBackend backend);

    /** Flushes, closes and removes the mount at {@code path}: EINVAL if none, EBUSY if a mount lies below it. */
    void unmount(String path);

    /** Mounts other than the root, in path order; never their configuration. */
    List<MountInfo> mounts();

    /** The root filesystem's visible tree (no mounts); EFBIG beyond {@code maxBytes}. */
    FilesystemSnapshot export(long maxBytes);

    /** Bytes of file data held by the VM's writable layers and memory mounts. */
    long usedBytes();

    long usedInodes();

    /** Flushes and closes every mount. */
    @Override
    void close();
}
