package agentos.api.spi;

import agentos.api.fs.FileStat;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An open file of a {@link VirtualFilesystem}: positional I/O (the kernel keeps offsets in its open-file
 * descriptions). Keeps the file's data alive after unlink until closed.
 */
@ProviderType
public interface VfsFile extends AutoCloseable {

    /** The guest path it was opened as. */
    String path();

    /** Reads at {@code position}; -1 at end of file. */
    int read(long position, byte[] buf, int off, int len);

    /** The backend's {@link BackendFile#sharedContent()}: immutable, shared, never to be modified; or null. */
    default byte @org.jspecify.annotations.Nullable [] sharedContent() {
        return null;
    }

    int write(long position, byte[] buf, int off, int len);

    /** Appends atomically at the current end; returns the new size. */
    long append(byte[] buf, int off, int len);

    long size();

    void truncate(long length);

    FileStat stat();

    void sync();

    @Override
    void close();
}
