package agentos.kernel.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.fs.FileStat;
import agentos.api.fs.FileType;
import agentos.api.spi.SockAddr;
import agentos.api.spi.Syscalls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * A UDP socket: a bounded queue of received datagrams (limits.resources.maxSocketDatagramQueueLen; beyond it new
 * datagrams are dropped, as UDP may). Datagrams between sockets of one VM never leave the VM; datagrams to the
 * outside go through a host {@link DatagramChannel} opened on first use, whose replies a virtual thread queues.
 */
final class DgramDesc extends OpenFile {
    record Datagram(byte[] data, SockAddr from) {}

    final NetStack net;
    final long id;
    final int family;
    volatile @Nullable SockAddr local;
    volatile @Nullable SockAddr peer;
    private final ArrayDeque<Datagram> queue = new ArrayDeque<>();
    private final int maxQueue;
    private volatile @Nullable DatagramChannel host;
    private volatile boolean closed;

    DgramDesc(NetStack net, long id, int family, int flags, int maxQueue) {
        super(Syscalls.O_RDWR, flags);
        this.net = net;
        this.id = id;
        this.family = family;
        this.maxQueue = maxQueue;
    }

    String name() {
        return "socket:[" + id + "]";
    }

    /** Queues a datagram; false (dropped) when the queue is full or the socket is closed. */
    boolean deliver(Datagram d) {
        synchronized (queue) {
            if (closed || queue.size() >= maxQueue) {
                return false;
            }
            queue.add(d);
        }
        net.readiness().changed();
        return true;
    }

    Syscalls.Received receive(@Nullable KProcess p, byte[] buf, int off, int len, int flags) {
        boolean peek = (flags & Syscalls.MSG_PEEK) != 0;
        boolean dontWait = nonBlocking() || (flags & Syscalls.MSG_DONTWAIT) != 0;
        while (true) {
            long seen = net.readiness().version();
            Datagram d;
            synchronized (queue) {
                d = peek ? queue.peek() : queue.poll();
            }
            if (d != null) {
                int n = Math.min(len, d.data().length);
                System.arraycopy(d.data(), 0, buf, off, n);
                if (!peek) {
                    net.readiness().changed();
                }
                return new Syscalls.Received(n, d.from());
            }
            if (closed) {
                throw new ErrnoException(Errno.EBADF, "recvfrom", name());
            }
            if (dontWait) {
                throw new ErrnoException(Errno.EAGAIN, "recvfrom", name());
            }
            if (p != null) {
                p.checkWakeup("recvfrom");
            }
            net.readiness().await(seen, 25);
        }
    }

    /** The host channel for egress, opened (and its receiver started) on first use. */
    synchronized DatagramChannel hostChannel() throws IOException {
        DatagramChannel ch = host;
        if (ch == null) {
            ch = DatagramChannel.open();
            ch.bind(new InetSocketAddress(0));
            host = ch;
            DatagramChannel c = ch;
            Thread.ofVirtual().name("vm-udp-" + id).start(() -> {
                ByteBuffer b = ByteBuffer.allocate(65536);
                try {
                    while (!closed) {
                        b.clear();
                        InetSocketAddress from = (InetSocketAddress) c.receive(b);
                        b.flip();
                        byte[] data = new byte[b.remaining()];
                        b.get(data);
                        deliver(new Datagram(data, SockAddr.inet(from.getAddress().getHostAddress(), from.getPort())));
                    }
                } catch (IOException e) {
                    // closed with the socket
                }
            });
        }
        return ch;
    }

    @Override
    int read(KProcess p, byte[] buf, int off, int len) {
        return receive(p, buf, off, len, 0).length();
    }

    @Override
    int write(KProcess p, byte[] buf, int off, int len) {
        SockAddr to = peer;
        if (to == null) {
            throw new ErrnoException(Errno.ENOTCONN, "write", name(), "a datagram socket needs a destination (connect or sendto)");
        }
        return net.sendto(this, buf, off, len, to);
    }

    @Override
    FileStat stat() {
        return new FileStat(FileType.SOCKET, 0777, 0, 0, 0, id, 1, 0, 0, 0, 0);
    }

    @Override
    short readiness() {
        synchronized (queue) {
            return (short) (Syscalls.POLLOUT | (queue.isEmpty() ? 0 : Syscalls.POLLIN));
        }
    }

    @Override
    String describe() {
        return name();
    }

    @Override
    void onLastClose() {
        closed = true;
        synchronized (queue) {
            queue.clear();
        }
        DatagramChannel ch = host;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        net.closed(this);
    }
}
