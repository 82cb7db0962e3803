package agentos.api.spi;

import agentos.api.fs.DirEntry;
import agentos.api.fs.FileStat;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A mounted filesystem as a plugin implements it. Paths are relative to the mount root, normalised, {@code ""}
 * for the root itself; the kernel has already resolved symlinks outside the backend and checked permissions.
 * Symlinks inside the backend are returned as links ({@link #readlink}) and never followed by the backend itself,
 * so a guest cannot leave it. Failures are {@link agentos.api.ErrnoException}s.
 */
@ConsumerType
public interface FilesystemBackend extends AutoCloseable {

    /** Metadata without following a final symlink. */
    FileStat lstat(String path);

    List<DirEntry> readdir(String path);

    BackendFile open(String path, OpenFlags flags, int mode);

    void mkdir(String path, int mode);

    void rmdir(String path);

    void unlink(String path);

    void rename(String from, String to);

    void symlink(String target, String linkPath);

    String readlink(String path);

    /** Hard link; plugins without them throw EPERM. */
    void link(String existing, String newPath);

    void chmod(String path, int mode);

    void chown(String path, int uid, int gid);

    void utimes(String path, long atimeMs, long mtimeMs);

    /** Writes buffered state out (S3 manifests and blocks); called on unmount and VM disposal. */
    void flush();

    /** Releases resources after a final {@link #flush}. */
    @Override
    void close();
}
