package agentos.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An open file of a {@link FilesystemBackend}. Positional: the kernel keeps offsets. Stays readable after the
 * path is unlinked, until closed.
 */
@ConsumerType
public interface BackendFile extends AutoCloseable {

    /** Reads at {@code position}; returns -1 at end of file. */
    int read(long position, byte[] buf, int off, int len);

    /**
     * The whole content of an immutable file (a software package's), shared between readers, or null. Callers must
     * not modify it; the kernel hands it to executors so programs are not copied on every spawn.
     */
    default byte @org.jspecify.annotations.Nullable [] sharedContent() {
        return null;
    }

    int write(long position, byte[] buf, int off, int len);

    /** Appends atomically at the current end of file (O_APPEND); returns the new size. */
    long append(byte[] buf, int off, int len);

    long size();

    /** Metadata of the open file; still works after its last name was unlinked. */
    agentos.api.fs.FileStat stat();

    void truncate(long length);

    void sync();

    @Override
    void close();
}
