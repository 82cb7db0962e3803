package agentos.kernel.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.fs.FileStat;
import agentos.api.spi.Syscalls;

/**
 * An open file description: what fds point at. Shared by dup and by children that inherit the fd, so the offset
 * and status flags (O_APPEND, O_NONBLOCK) are shared too. Reference-counted: the last close releases the
 * underlying object (pipe end, file handle, PTY side) and the description's flock.
 */
abstract class OpenFile {
    private int refs = 1;
    private volatile int statusFlags;
    private volatile Runnable closeHook;
    final int accessMode;

    OpenFile(int accessMode, int statusFlags) {
        this.accessMode = accessMode & 3;
        this.statusFlags = statusFlags & (Syscalls.O_APPEND | Syscalls.O_NONBLOCK);
    }

    final synchronized OpenFile retain() {
        if (refs <= 0) {
            throw new IllegalStateException("retain of a closed description");
        }
        refs++;
        return this;
    }

    final void release() {
        boolean last;
        synchronized (this) {
            last = --refs == 0;
        }
        if (last) {
            try {
                onLastClose();
            } finally {
                Runnable hook = closeHook;
                if (hook != null) {
                    hook.run();
                }
            }
        }
    }

    /** Runs once after the last close (e.g. to drop the description's flock). */
    void onClose(Runnable hook) {
        closeHook = hook;
    }

    int statusFlags() {
        return statusFlags;
    }

    void setStatusFlags(int flags) {
        statusFlags = flags & (Syscalls.O_APPEND | Syscalls.O_NONBLOCK);
    }

    boolean nonBlocking() {
        return (statusFlags & Syscalls.O_NONBLOCK) != 0;
    }

    boolean readable() {
        return accessMode == Syscalls.O_RDONLY || accessMode == Syscalls.O_RDWR;
    }

    boolean writable() {
        return accessMode == Syscalls.O_WRONLY || accessMode == Syscalls.O_RDWR;
    }

    abstract int read(KProcess p, byte[] buf, int off, int len);

    abstract int write(KProcess p, byte[] buf, int off, int len);

    int pread(KProcess p, byte[] buf, int off, int len, long position) {
        throw new ErrnoException(Errno.ESPIPE, "pread", describe());
    }

    int pwrite(KProcess p, byte[] buf, int off, int len, long position) {
        throw new ErrnoException(Errno.ESPIPE, "pwrite", describe());
    }

    long seek(long offset, int whence) {
        throw new ErrnoException(Errno.ESPIPE, "lseek", describe());
    }

    abstract FileStat stat();

    void truncate(long length) {
        throw new ErrnoException(Errno.EINVAL, "ftruncate", describe());
    }

    void sync() {}

    /** The readiness bits (POLLIN, POLLOUT, POLLHUP) of this description right now. */
    short readiness() {
        return (short) (Syscalls.POLLIN | Syscalls.POLLOUT);
    }

    /** The PTY behind this description, or null. */
    Pty pty() {
        return null;
    }

    /** What /proc/PID/fd/N shows: a guest path, or {@code pipe:[N]} style names. */
    abstract String describe();

    abstract void onLastClose();
}
