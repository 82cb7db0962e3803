package agentos.kernel.internal;

import agentos.api.ErrnoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import javax.net.ssl.SSLSocket;

/**
 * A guest socket's host connection: one virtual thread copies host → guest pipe (waiting while the guest's
 * buffer is full, so a slow guest slows the sender), one copies guest pipe → host and half-closes at the guest's
 * EOF. Closing the guest socket closes the host socket.
 */
final class HostLink {
    private final Socket socket;
    private final Pipe.End toGuest;
    private final Pipe.End fromGuest;
    private volatile boolean closed;
    private int running = 2;
    private boolean outboundDone;
    private boolean guestGone;

    HostLink(Socket socket, Pipe.End toGuest, Pipe.End fromGuest) {
        this.socket = socket;
        this.toGuest = toGuest;
        this.fromGuest = fromGuest;
    }

    void start(String name) {
        Thread.ofVirtual().name(name + "-in").start(this::inbound);
        Thread.ofVirtual().name(name + "-out").start(this::outbound);
    }

    private void inbound() {
        byte[] buf = new byte[32 * 1024];
        try {
            InputStream in = socket.getInputStream();
            int n;
            while (!closed && (n = in.read(buf)) > 0) {
                int off = 0;
                while (off < n) {
                    off += toGuest.pipe().write(null, buf, off, n - off, false);
                }
            }
        } catch (IOException | ErrnoException e) {
            // the peer reset, or the guest closed its end: either way this direction is over
        } finally {
            toGuest.release();
            finished();
        }
    }

    private void outbound() {
        byte[] buf = new byte[32 * 1024];
        try {
            OutputStream out = socket.getOutputStream();
            int n;
            while ((n = fromGuest.pipe().read(null, buf, 0, buf.length, false)) > 0) {
                out.write(buf, 0, n);
                out.flush();
            }
            if (!(socket instanceof SSLSocket)) {
                socket.shutdownOutput();
            }
        } catch (IOException | ErrnoException e) {
            // the host side went away
        } finally {
            fromGuest.release();
            boolean gone;
            synchronized (this) {
                outboundDone = true;
                gone = guestGone;
            }
            if (gone) {
                close();
            }
            finished();
        }
    }

    /** The guest closed its socket: once what it wrote has been sent, the host socket closes. */
    void guestClosed() {
        boolean done;
        synchronized (this) {
            guestGone = true;
            done = outboundDone;
        }
        if (done) {
            close();
        }
    }

    private void finished() {
        boolean last;
        synchronized (this) {
            last = --running == 0;
        }
        if (last) {
            close();
        }
    }

    void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
