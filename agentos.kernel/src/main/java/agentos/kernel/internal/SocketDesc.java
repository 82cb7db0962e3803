package agentos.kernel.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.fs.FileStat;
import agentos.api.fs.FileType;
import agentos.api.spi.SockAddr;
import agentos.api.spi.Syscalls;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * A stream socket as an open file description. Connected, it is two kernel pipes (one per direction): a peer in
 * the same VM holds the opposite ends, a host connection has pump threads on them ({@link HostLink}). So EOF,
 * EPIPE, non-blocking reads and poll readiness behave exactly as they do for pipes.
 */
final class SocketDesc extends OpenFile {
    enum State { NEW, BOUND, LISTENING, CONNECTED, CLOSED }

    final NetStack net;
    final long id;
    final int family;
    volatile State state = State.NEW;
    volatile @Nullable SockAddr local;
    volatile @Nullable SockAddr peer;
    private volatile Pipe.@Nullable End in;
    private volatile Pipe.@Nullable End out;
    private volatile @Nullable Runnable onClose;
    /** Listening sockets: accepted-but-not-yet-taken connections. */
    private final ArrayDeque<SocketDesc> backlog = new ArrayDeque<>();
    private int backlogMax;
    /** Set by {@code tlsClient} before connect: {serverName, verify}. */
    volatile @Nullable String tlsServerName;
    volatile boolean tlsVerify = true;
    volatile java.util.List<String> tlsAlpn = java.util.List.of();
    /** The protocol the server chose in the TLS handshake, once connected. */
    volatile @Nullable String tlsAlpnChosen;

    SocketDesc(NetStack net, long id, int family, int flags) {
        super(Syscalls.O_RDWR, flags);
        this.net = net;
        this.id = id;
        this.family = family;
    }

    String name() {
        return "socket:[" + id + "]";
    }

    /** Becomes a connected socket over {@code in} / {@code out}; {@code onClose} runs at the last close. */
    void connected(Pipe.End in, Pipe.End out, SockAddr local, SockAddr peer, @Nullable Runnable onClose) {
        this.in = in;
        this.out = out;
        this.local = local;
        this.peer = peer;
        this.onClose = onClose;
        this.state = State.CONNECTED;
    }

    void listening(int backlog) {
        synchronized (this.backlog) {
            backlogMax = Math.max(1, Math.min(backlog <= 0 ? 511 : backlog, 4096));
        }
        state = State.LISTENING;
    }

    /** Queues an incoming connection; false when the backlog is full or the socket no longer listens. */
    boolean offer(SocketDesc server) {
        synchronized (backlog) {
            if (state != State.LISTENING || backlog.size() >= backlogMax) {
                return false;
            }
            backlog.add(server);
        }
        net.readiness().changed();
        return true;
    }

    @Nullable SocketDesc poll() {
        synchronized (backlog) {
            return backlog.poll();
        }
    }

    private Pipe.End requireIn(String op) {
        Pipe.End e = in;
        if (e == null) {
            throw new ErrnoException(state == State.CONNECTED ? Errno.EINVAL : Errno.ENOTCONN, op, name());
        }
        return e;
    }

    @Override
    int read(KProcess p, byte[] buf, int off, int len) {
        return recv(p, buf, off, len, 0);
    }

    int recv(KProcess p, byte[] buf, int off, int len, int flags) {
        if (state == State.CONNECTED && in == null) {
            return 0; // shut down for reading
        }
        boolean dontWait = nonBlocking() || (flags & Syscalls.MSG_DONTWAIT) != 0;
        return requireIn("recv").pipe().read(p, buf, off, len, dontWait, (flags & Syscalls.MSG_PEEK) != 0);
    }

    @Override
    int write(KProcess p, byte[] buf, int off, int len) {
        Pipe.End e = out;
        if (e == null) {
            if (state == State.CONNECTED) {
                throw new ErrnoException(Errno.EPIPE, "write", name(), "socket was shut down for writing");
            }
            throw new ErrnoException(Errno.ENOTCONN, "write", name());
        }
        return e.pipe().write(p, buf, off, len, nonBlocking());
    }

    void shutdown(int how) {
        if (state != State.CONNECTED) {
            throw new ErrnoException(Errno.ENOTCONN, "shutdown", name());
        }
        if (how == Syscalls.SHUT_RD || how == Syscalls.SHUT_RDWR) {
            Pipe.End e = in;
            in = null;
            if (e != null) {
                e.release();
            }
        }
        if (how == Syscalls.SHUT_WR || how == Syscalls.SHUT_RDWR) {
            Pipe.End e = out;
            out = null;
            if (e != null) {
                e.release();
            }
        }
        net.readiness().changed();
    }

    @Override
    FileStat stat() {
        return new FileStat(FileType.SOCKET, 0777, 0, 0, 0, id, 1, 0, 0, 0, 0);
    }

    @Override
    short readiness() {
        return switch (state) {
            case LISTENING -> {
                synchronized (backlog) {
                    yield backlog.isEmpty() ? 0 : Syscalls.POLLIN;
                }
            }
            case CONNECTED -> {
                Pipe.End i = in;
                Pipe.End o = out;
                short r = i == null ? Syscalls.POLLIN : i.readiness();
                if (o != null) {
                    r |= o.readiness();
                }
                yield r;
            }
            case CLOSED -> Syscalls.POLLHUP;
            default -> Syscalls.POLLOUT;
        };
    }

    @Override
    String describe() {
        return name();
    }

    @Override
    void onLastClose() {
        State was = state;
        state = State.CLOSED;
        Pipe.End i = in;
        Pipe.End o = out;
        in = null;
        out = null;
        try {
            if (i != null) {
                i.release();
            }
            if (o != null) {
                o.release();
            }
            if (was == State.LISTENING) {
                SocketDesc pending;
                while ((pending = poll()) != null) {
                    pending.release();
                }
            }
            Runnable r = onClose;
            if (r != null) {
                r.run();
            }
        } finally {
            net.closed(this);
        }
    }
}
