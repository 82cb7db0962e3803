package agentos.kernel.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.fs.FileStat;
import agentos.api.fs.FileType;
import agentos.api.process.Signal;
import agentos.api.spi.Syscalls;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A pipe with a buffer that grows on demand up to {@code capacity}, so writers rarely wait (a shell may let a
 * command substitution's child finish before it reads). Reads return what is there, 0 at EOF once every write
 * end is closed; writes after the read ends closed fail with EPIPE and raise SIGPIPE.
 */
final class Pipe {
    private final long id;
    private final long capacity;
    private final Readiness readiness;
    private final Runnable onDestroyed;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private byte[] buf = new byte[512];
    private int head;
    private int size;
    private int readers;
    private int writers;

    Pipe(long id, long capacity, Readiness readiness, Runnable onDestroyed) {
        this.id = id;
        this.capacity = Math.min(capacity, Integer.MAX_VALUE - 16);
        this.readiness = readiness;
        this.onDestroyed = onDestroyed;
    }

    String name() {
        return "pipe:[" + id + "]";
    }

    End readEnd() {
        lock.lock();
        try {
            readers++;
        } finally {
            lock.unlock();
        }
        return new End(false);
    }

    End writeEnd() {
        lock.lock();
        try {
            writers++;
        } finally {
            lock.unlock();
        }
        return new End(true);
    }

    int buffered() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    int read(KProcess p, byte[] out, int off, int len, boolean nonBlocking) {
        return read(p, out, off, len, nonBlocking, false);
    }

    /** Reads, or with {@code peek} copies without consuming (MSG_PEEK). */
    int read(KProcess p, byte[] out, int off, int len, boolean nonBlocking, boolean peek) {
        if (len == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (size == 0) {
                if (writers == 0) {
                    return 0;
                }
                if (nonBlocking) {
                    throw new ErrnoException(Errno.EAGAIN, "read", name());
                }
                lock.unlock();
                try {
                    if (p != null) {
                        p.checkWakeup("read");
                    }
                } finally {
                    lock.lock();
                }
                if (size == 0 && writers > 0) {
                    try {
                        changed.await(25, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ErrnoException(Errno.EINTR, "read", name());
                    }
                }
            }
            int n = Math.min(len, size);
            int first = Math.min(n, buf.length - head);
            System.arraycopy(buf, head, out, off, first);
            System.arraycopy(buf, 0, out, off + first, n - first);
            if (peek) {
                return n;
            }
            head = (head + n) % buf.length;
            size -= n;
            if (size == 0) {
                head = 0;
            }
            changed.signalAll();
            return n;
        } finally {
            lock.unlock();
            readiness.changed();
        }
    }

    int write(KProcess p, byte[] in, int off, int len, boolean nonBlocking) {
        int written = 0;
        lock.lock();
        try {
            while (true) {
                if (readers == 0) {
                    if (p != null) {
                        p.raise(Signal.SIGPIPE);
                    }
                    if (written > 0) {
                        return written;
                    }
                    throw new ErrnoException(Errno.EPIPE, "write", name());
                }
                int space = (int) (capacity - size);
                if (space > 0) {
                    int n = Math.min(space, len - written);
                    ensure(size + n);
                    int tail = (head + size) % buf.length;
                    int first = Math.min(n, buf.length - tail);
                    System.arraycopy(in, off + written, buf, tail, first);
                    System.arraycopy(in, off + written + first, buf, 0, n - first);
                    size += n;
                    written += n;
                    changed.signalAll();
                    readiness.changed();
                }
                if (written == len) {
                    return written;
                }
                if (nonBlocking) {
                    if (written > 0) {
                        return written;
                    }
                    throw new ErrnoException(Errno.EAGAIN, "write", name());
                }
                lock.unlock();
                try {
                    if (p != null) {
                        p.checkWakeup("write");
                    }
                } finally {
                    lock.lock();
                }
                if (readers > 0 && size >= capacity) {
                    try {
                        changed.await(25, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ErrnoException(Errno.EINTR, "write", name());
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void ensure(int needed) {
        if (needed <= buf.length) {
            return;
        }
        int cap = (int) Math.min(capacity, Math.max(needed, (long) buf.length * 2));
        byte[] next = new byte[cap];
        int first = Math.min(size, buf.length - head);
        System.arraycopy(buf, head, next, 0, first);
        System.arraycopy(buf, 0, next, first, size - first);
        buf = next;
        head = 0;
    }

    private void closeEnd(boolean writer) {
        boolean destroyed;
        lock.lock();
        try {
            if (writer) {
                writers--;
            } else {
                readers--;
                if (readers == 0) {
                    // Nobody can read it any more: drop the data so memory is returned at once.
                    buf = new byte[0];
                    head = 0;
                    size = 0;
                }
            }
            destroyed = readers == 0 && writers == 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        readiness.changed();
        if (destroyed) {
            onDestroyed.run();
        }
    }

    short readiness(boolean writer) {
        lock.lock();
        try {
            if (writer) {
                if (readers == 0) {
                    return (short) (Syscalls.POLLOUT | Syscalls.POLLERR);
                }
                return size < capacity ? Syscalls.POLLOUT : 0;
            }
            short r = 0;
            if (size > 0) {
                r |= Syscalls.POLLIN;
            }
            if (writers == 0) {
                r |= Syscalls.POLLHUP;
            }
            return r;
        } finally {
            lock.unlock();
        }
    }

    /** One end of the pipe as an open file description. */
    final class End extends OpenFile {
        private final boolean writer;

        End(boolean writer) {
            super(writer ? Syscalls.O_WRONLY : Syscalls.O_RDONLY, 0);
            this.writer = writer;
        }

        Pipe pipe() {
            return Pipe.this;
        }

        @Override
        int read(KProcess p, byte[] buf, int off, int len) {
            if (writer) {
                throw new ErrnoException(Errno.EBADF, "read", name());
            }
            return Pipe.this.read(p, buf, off, len, nonBlocking());
        }

        @Override
        int write(KProcess p, byte[] buf, int off, int len) {
            if (!writer) {
                throw new ErrnoException(Errno.EBADF, "write", name());
            }
            return Pipe.this.write(p, buf, off, len, nonBlocking());
        }

        @Override
        FileStat stat() {
            return new FileStat(FileType.FIFO, 0600, buffered(), 0, 0, id, 1, 0, 0, 0, 0);
        }

        @Override
        short readiness() {
            return Pipe.this.readiness(writer);
        }

        @Override
        String describe() {
            return name();
        }

        @Override
        void onLastClose() {
            closeEnd(writer);
        }
    }
}
