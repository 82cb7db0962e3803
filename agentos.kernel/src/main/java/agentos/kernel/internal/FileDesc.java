package agentos.kernel.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.fs.FileStat;
import agentos.api.spi.Syscalls;
import agentos.api.spi.VfsFile;

/** An open regular file (or directory) of the VM filesystem, with the description's offset. */
final class FileDesc extends OpenFile {
    private final VfsFile file;
    private final long maxRead;
    private final long maxWrite;
    private long position;

    FileDesc(VfsFile file, int flags, long maxRead, long maxWrite) {
        super(flags & 3, flags);
        this.file = file;
        this.maxRead = maxRead;
        this.maxWrite = maxWrite;
    }

    String path() {
        return file.path();
    }

    private void checkRead(String op) {
        if (!readable()) {
            throw new ErrnoException(Errno.EBADF, op, file.path(), "not open for reading");
        }
    }

    private void checkWrite(String op) {
        if (!writable()) {
            throw new ErrnoException(Errno.EBADF, op, file.path(), "not open for writing");
        }
    }

    @Override
    synchronized int read(KProcess p, byte[] buf, int off, int len) {
        checkRead("read");
        int n = file.read(position, buf, off, (int) Math.min(len, maxRead));
        if (n <= 0) {
            return 0;
        }
        position += n;
        return n;
    }

    @Override
    synchronized int write(KProcess p, byte[] buf, int off, int len) {
        checkWrite("write");
        int n = (int) Math.min(len, maxWrite);
        if ((statusFlags() & Syscalls.O_APPEND) != 0) {
            position = file.append(buf, off, n);
            return n;
        }
        file.write(position, buf, off, n);
        position += n;
        return n;
    }

    @Override
    int pread(KProcess p, byte[] buf, int off, int len, long pos) {
        checkRead("pread");
        if (pos < 0) {
            throw new ErrnoException(Errno.EINVAL, "pread", file.path());
        }
        int n = file.read(pos, buf, off, (int) Math.min(len, maxRead));
        return Math.max(n, 0);
    }

    @Override
    int pwrite(KProcess p, byte[] buf, int off, int len, long pos) {
        checkWrite("pwrite");
        if (pos < 0) {
            throw new ErrnoException(Errno.EINVAL, "pwrite", file.path());
        }
        int n = (int) Math.min(len, maxWrite);
        file.write(pos, buf, off, n);
        return n;
    }

    @Override
    synchronized long seek(long offset, int whence) {
        long base = switch (whence) {
            case Syscalls.SEEK_SET -> 0;
            case Syscalls.SEEK_CUR -> position;
            case Syscalls.SEEK_END -> file.size();
            default -> throw new ErrnoException(Errno.EINVAL, "lseek", file.path(), "whence " + whence);
        };
        long next = base + offset;
        if (next < 0) {
            throw new ErrnoException(Errno.EINVAL, "lseek", file.path());
        }
        position = next;
        return next;
    }

    @Override
    FileStat stat() {
        return file.stat();
    }

    @Override
    void truncate(long length) {
        checkWrite("ftruncate");
        file.truncate(length);
    }

    @Override
    void sync() {
        file.sync();
    }

    @Override
    String describe() {
        return file.path();
    }

    @Override
    void onLastClose() {
        file.close();
    }
}
