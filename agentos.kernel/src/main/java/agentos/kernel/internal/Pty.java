package agentos.kernel.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.fs.FileStat;
import agentos.api.fs.FileType;
import agentos.api.process.Signal;
import agentos.api.spi.Syscalls;
import agentos.api.spi.TermMode;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A pseudo-terminal pair with the basics of the line discipline: canonical input with erase and ^D, echo,
 * CR→NL on input, NL→CR NL on output, and ^C/^Z/^\ sending SIGINT/SIGTSTP/SIGQUIT to the foreground process
 * group. Resizing sends SIGWINCH to the foreground group.
 */
final class Pty {
    static final int INPUT_LIMIT = 64 * 1024;
    static final int OUTPUT_LIMIT = 1024 * 1024;

    private final int index;
    private final Kernel kernel;
    private final Runnable onDestroyed;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ByteQueue toSlave = new ByteQueue();
    private final ByteQueue toMaster = new ByteQueue();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private TermMode mode = TermMode.COOKED;
    private int cols;
    private int rows;
    private int foregroundPgid;
    private int eofs;
    private int masters;
    private int slaves;

    Pty(int index, Kernel kernel, int cols, int rows, Runnable onDestroyed) {
        this.index = index;
        this.kernel = kernel;
        this.cols = cols;
        this.rows = rows;
        this.onDestroyed = onDestroyed;
    }

    String slaveName() {
        return "/dev/pts/" + index;
    }

    End master() {
        lock.lock();
        try {
            masters++;
        } finally {
            lock.unlock();
        }
        return new End(true);
    }

    End slave() {
        lock.lock();
        try {
            slaves++;
        } finally {
            lock.unlock();
        }
        return new End(false);
    }

    TermMode mode() {
        lock.lock();
        try {
            return mode;
        } finally {
            lock.unlock();
        }
    }

    void setMode(TermMode m) {
        lock.lock();
        try {
            if (!m.canonical() && line.size() > 0) {
                toSlave.add(line.toByteArray(), 0, line.size());
                line.reset();
            }
            mode = m;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        kernel.readiness().changed();
    }

    int[] size() {
        lock.lock();
        try {
            return new int[] {cols, rows};
        } finally {
            lock.unlock();
        }
    }

    void resize(int c, int r) {
        int fg;
        lock.lock();
        try {
            cols = c;
            rows = r;
            fg = foregroundPgid;
        } finally {
            lock.unlock();
        }
        if (fg > 0) {
            kernel.signalGroup(fg, Signal.SIGWINCH);
        }
    }

    void setForeground(int pgid) {
        lock.lock();
        try {
            foregroundPgid = pgid;
        } finally {
            lock.unlock();
        }
    }

    int foreground() {
        lock.lock();
        try {
            return foregroundPgid;
        } finally {
            lock.unlock();
        }
    }

    /** Typing into the terminal (master write): the line discipline runs here. */
    int input(byte[] buf, int off, int len) {
        Signal send = null;
        int fg;
        lock.lock();
        try {
            if (toSlave.size() + line.size() + len > INPUT_LIMIT) {
                throw new ErrnoException(Errno.EAGAIN, "write", "/dev/ptmx", "terminal input buffer full");
            }
            for (int i = off; i < off + len; i++) {
                byte b = buf[i];
                if (mode.icrnl() && b == '\r') {
                    b = '\n';
                }
                if (mode.isig() && (b == 3 || b == 26 || b == 28)) {
                    send = b == 3 ? Signal.SIGINT : b == 26 ? Signal.SIGTSTP : Signal.SIGQUIT;
                    line.reset();
                    if (mode.echo()) {
                        echo(new byte[] {'^', (byte) (b + 64), '\r', '\n'});
                    }
                    continue;
                }
                if (!mode.canonical()) {
                    toSlave.add(new byte[] {b}, 0, 1);
                    if (mode.echo()) {
                        echoChar(b);
                    }
                    continue;
                }
                if (b == 127 || b == 8) {
                    if (line.size() > 0) {
                        byte[] cur = line.toByteArray();
                        line.reset();
                        line.write(cur, 0, cur.length - 1);
                        if (mode.echo()) {
                            echo(new byte[] {'\b', ' ', '\b'});
                        }
                    }
                    continue;
                }
                if (b == 4) {
                    if (line.size() > 0) {
                        toSlave.add(line.toByteArray(), 0, line.size());
                        line.reset();
                    } else {
                        eofs++;
                    }
                    continue;
                }
                line.write(b);
                if (mode.echo()) {
                    echoChar(b);
                }
                if (b == '\n') {
                    toSlave.add(line.toByteArray(), 0, line.size());
                    line.reset();
                }
            }
            fg = foregroundPgid;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        kernel.readiness().changed();
        if (send != null && fg > 0) {
            kernel.signalGroup(fg, send);
        }
        return len;
    }

    private void echoChar(byte b) {
        if (b == '\n') {
            echo(mode.onlcr() ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
        } else if (b < 32 && b != '\t') {
            echo(new byte[] {'^', (byte) (b + 64)});
        } else {
            echo(new byte[] {b});
        }
    }

    private void echo(byte[] bytes) {
        if (toMaster.size() + bytes.length <= OUTPUT_LIMIT) {
            toMaster.add(bytes, 0, bytes.length);
        }
    }

    /** Program output (slave write): NL→CR NL, then to the master. Waits while the master side is full. */
    int output(KProcess p, byte[] buf, int off, int len) {
        lock.lock();
        try {
            while (masters > 0 && toMaster.size() >= OUTPUT_LIMIT) {
                lock.unlock();
                try {
                    if (p != null) {
                        p.checkWakeup("write");
                    }
                } finally {
                    lock.lock();
                }
                await();
            }
            if (masters == 0) {
                throw new ErrnoException(Errno.EIO, "write", slaveName(), "terminal hung up");
            }
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n' && mode.onlcr()) {
                    toMaster.add(new byte[] {'\r', '\n'}, 0, 2);
                } else {
                    toMaster.add(buf, i, 1);
                }
            }
            changed.signalAll();
            return len;
        } finally {
            lock.unlock();
            kernel.readiness().changed();
        }
    }

    private void await() {
        try {
            changed.await(25, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErrnoException(Errno.EINTR, "read", slaveName());
        }
    }

    int readSlave(KProcess p, byte[] buf, int off, int len, boolean nonBlocking) {
        lock.lock();
        try {
            while (true) {
                if (toSlave.size() > 0) {
                    int n = toSlave.take(buf, off, len);
                    changed.signalAll();
                    return n;
                }
                if (eofs > 0) {
                    eofs--;
                    return 0;
                }
                if (masters == 0) {
                    return 0;
                }
                if (nonBlocking) {
                    throw new ErrnoException(Errno.EAGAIN, "read", slaveName());
                }
                lock.unlock();
                try {
                    if (p != null) {
                        p.checkWakeup("read");
                    }
                } finally {
                    lock.lock();
                }
                if (toSlave.size() == 0 && eofs == 0 && masters > 0) {
                    await();
                }
            }
        } finally {
            lock.unlock();
            kernel.readiness().changed();
        }
    }

    int readMaster(KProcess p, byte[] buf, int off, int len, boolean nonBlocking) {
        lock.lock();
        try {
            while (true) {
                if (toMaster.size() > 0) {
                    int n = toMaster.take(buf, off, len);
                    changed.signalAll();
                    return n;
                }
                if (slaves == 0) {
                    return 0;
                }
                if (nonBlocking) {
                    throw new ErrnoException(Errno.EAGAIN, "read", "/dev/ptmx");
                }
                lock.unlock();
                try {
                    if (p != null) {
                        p.checkWakeup("read");
                    }
                } finally {
                    lock.lock();
                }
                if (toMaster.size() == 0 && slaves > 0) {
                    await();
                }
            }
        } finally {
            lock.unlock();
            kernel.readiness().changed();
        }
    }

    private short readiness(boolean master) {
        lock.lock();
        try {
            if (master) {
                return (short) ((toMaster.size() > 0 ? Syscalls.POLLIN : 0) | (slaves == 0 ? Syscalls.POLLHUP : 0)
                        | (toSlave.size() < INPUT_LIMIT ? Syscalls.POLLOUT : 0));
            }
            return (short) ((toSlave.size() > 0 || eofs > 0 ? Syscalls.POLLIN : 0)
                    | (masters == 0 ? Syscalls.POLLHUP : 0) | (toMaster.size() < OUTPUT_LIMIT ? Syscalls.POLLOUT : 0));
        } finally {
            lock.unlock();
        }
    }

    private void close(boolean master) {
        boolean destroyed;
        lock.lock();
        try {
            if (master) {
                masters--;
            } else {
                slaves--;
            }
            destroyed = masters == 0 && slaves == 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        kernel.readiness().changed();
        if (master && destroyed == false) {
            int fg = foreground();
            if (fg > 0) {
                kernel.signalGroup(fg, Signal.SIGHUP);
            }
        }
        if (destroyed) {
            onDestroyed.run();
        }
    }

    /** One side of the pair as an open file description. */
    final class End extends OpenFile {
        private final boolean master;

        End(boolean master) {
            super(Syscalls.O_RDWR, 0);
            this.master = master;
        }

        @Override
        int read(KProcess p, byte[] buf, int off, int len) {
            return master ? readMaster(p, buf, off, len, nonBlocking()) : readSlave(p, buf, off, len, nonBlocking());
        }

        @Override
        int write(KProcess p, byte[] buf, int off, int len) {
            return master ? input(buf, off, len) : output(p, buf, off, len);
        }

        @Override
        FileStat stat() {
            return new FileStat(FileType.CHARACTER_DEVICE, 0620, 0, 0, 0, 0xfffe0000L + index, 1, 0, 0, 0, 0);
        }

        @Override
        short readiness() {
            return Pty.this.readiness(master);
        }

        @Override
        Pty pty() {
            return Pty.this;
        }

        boolean isMaster() {
            return master;
        }

        @Override
        String describe() {
            return master ? "/dev/ptmx" : slaveName();
        }

        @Override
        void onLastClose() {
            close(master);
        }
    }

    /** A simple growable FIFO of bytes. */
    static final class ByteQueue {
        private byte[] buf = new byte[256];
        private int head;
        private int size;

        int size() {
            return size;
        }

        void add(byte[] b, int off, int len) {
            if (size + len > buf.length) {
                byte[] next = new byte[Math.max(buf.length * 2, size + len)];
                for (int i = 0; i < size; i++) {
                    next[i] = buf[(head + i) % buf.length];
                }
                buf = next;
                head = 0;
            }
            for (int i = 0; i < len; i++) {
                buf[(head + size + i) % buf.length] = b[off + i];
            }
            size += len;
        }

        int take(byte[] out, int off, int len) {
            int n = Math.min(len, size);
            for (int i = 0; i < n; i++) {
                out[off + i] = buf[(head + i) % buf.length];
            }
            head = (head + n) % buf.length;
            size -= n;
            return n;
        }
    }
}
