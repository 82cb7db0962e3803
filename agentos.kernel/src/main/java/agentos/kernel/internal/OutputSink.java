package agentos.kernel.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.fs.FileStat;
import agentos.api.fs.FileType;
import agentos.api.spi.Syscalls;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The host end of a host-started process's stdout or stderr: every write goes straight to the process's output
 * bus (listeners, capture, retention) — no thread and no buffer in between.
 */
final class OutputSink extends OpenFile {
    private final String name;
    private final Consumer<byte[]> bus;
    private final Runnable onClose;

    OutputSink(String name, Consumer<byte[]> bus, Runnable onClose) {
        super(Syscalls.O_WRONLY, 0);
        this.name = name;
        this.bus = bus;
        this.onClose = onClose;
    }

    @Override
    int read(KProcess p, byte[] buf, int off, int len) {
        throw new ErrnoException(Errno.EBADF, "read", name);
    }

    @Override
    int write(KProcess p, byte[] buf, int off, int len) {
        if (len > 0) {
            bus.accept(Arrays.copyOfRange(buf, off, off + len));
        }
        return len;
    }

    @Override
    FileStat stat() {
        return new FileStat(FileType.FIFO, 0600, 0, 0, 0, 0, 1, 0, 0, 0, 0);
    }

    @Override
    short readiness() {
        return Syscalls.POLLOUT;
    }

    @Override
    String describe() {
        return name;
    }

    @Override
    void onLastClose() {
        onClose.run();
    }
}
