package agentos.kernel.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.network.FetchChunk;
import agentos.api.network.FetchStream;
import agentos.api.network.Header;
import agentos.api.network.HttpRequest;
import agentos.api.network.HttpResponse;
import agentos.api.network.Network;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code Vm.network()}: HTTP/1.1 from the host to a server listening inside the VM, over an in-VM loopback
 * connection (no host socket). One connection per request ({@code Connection: close}); responses are parsed
 * here (content-length, chunked, or until close), buffered ones bounded by {@code limits.http.maxFetchResponseBytes}.
 */
final class VmNetwork implements Network {
    /** How long a buffered request, or one wait of a streamed read, may take. */
    private static final long WAIT_MS = 120_000;

    private final Kernel kernel;
    private final Map<String, Exchange> streams = new ConcurrentHashMap<>();

    VmNetwork(Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public HttpResponse fetch(int port, HttpRequest request) {
        long max = kernel.limits().http().maxFetchResponseBytes();
        try (Exchange x = open(port, request)) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            long deadline = System.nanoTime() + WAIT_MS * 1_000_000L;
            while (true) {
                byte[] chunk = x.body(64 * 1024, deadline);
                if (chunk == null) {
                    break;
                }
                if (body.size() + (long) chunk.length > max) {
                    throw new ErrnoException(Errno.EFBIG, "fetch", "127.0.0.1:" + port + request.path(),
                            "response body exceeds limits.http.maxFetchResponseBytes=" + max);
                }
                body.write(chunk, 0, chunk.length);
            }
            return new HttpResponse(x.status, x.statusText, x.headers, body.toByteArray());
        }
    }

    @Override
    public FetchStream fetchStreamStart(int port, HttpRequest request) {
        Exchange x = open(port, request);
        String id = UUID.randomUUID().toString();
        streams.put(id, x);
        return new FetchStream(id, x.status, x.statusText, x.headers);
    }

    @Override
    public FetchChunk fetchStreamRead(String streamId, int maxBytes) {
        Exchange x = streams.get(streamId);
        if (x == null) {
            throw new IllegalArgumentException("no open fetch stream '" + streamId + "' (it ended, was cancelled or never existed)");
        }
        byte[] chunk;
        try {
            chunk = x.body(Math.max(1, maxBytes), System.nanoTime() + WAIT_MS * 1_000_000L);
        } catch (RuntimeException e) {
            streams.remove(streamId);
            x.close();
            throw e;
        }
        if (chunk == null) {
            streams.remove(streamId);
            x.close();
            return new FetchChunk(new byte[0], true);
        }
        return new FetchChunk(chunk, false);
    }

    @Override
    public void fetchStreamCancel(String streamId) {
        Exchange x = streams.remove(streamId);
        if (x != null) {
            x.close();
        }
    }

    void dispose() {
        streams.values().forEach(Exchange::close);
        streams.clear();
    }

    private Exchange open(int port, HttpRequest request) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
        Pipe.End[] ends = kernel.net().connectFromHost(port);
        Exchange x = new Exchange(ends[0], ends[1], port);
        try {
            x.send(request);
            x.readHead(System.nanoTime() + WAIT_MS * 1_000_000L, request.method());
            return x;
        } catch (RuntimeException e) {
            x.close();
            throw e;
        }
    }

    /** One request/response over one in-VM connection. */
    private final class Exchange implements AutoCloseable {
        private final Pipe.End in;
        private final Pipe.End out;
        private final int port;
        private byte[] buf = new byte[16 * 1024];
        private int pos;
        private int lim;
        private boolean eof;
        int status;
        String statusText = "";
        final List<Header> headers = new ArrayList<>();
        private long remaining = -1; // content-length left, or -1
        private boolean chunked;
        private long chunkLeft; // bytes left in the current chunk
        private boolean bodyDone;
        private boolean closed;

        Exchange(Pipe.End in, Pipe.End out, int port) {
            this.in = in;
            this.out = out;
            this.port = port;
        }

        void send(HttpRequest r) {
            StringBuilder head = new StringBuilder();
            head.append(r.method()).append(' ').append(r.path()).append(" HTTP/1.1\r\n");
            boolean host = false;
            boolean length = false;
            for (Header h : r.headers()) {
                String n = h.name().toLowerCase(Locale.ROOT);
                if (n.equals("connection") || n.equals("transfer-encoding")) {
                    continue;
                }
                host |= n.equals("host");
                length |= n.equals("content-length");
                head.append(h.name()).append(": ").append(h.value()).append("\r\n");
            }
            if (!host) {
                head.append("Host: 127.0.0.1:").append(port).append("\r\n");
            }
            boolean bodyless = r.method().equalsIgnoreCase("GET") || r.method().equalsIgnoreCase("HEAD");
            if (!length && !(bodyless && r.body().length == 0)) {
                head.append("Content-Length: ").append(r.body().length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] body = bodyless ? new byte[0] : r.body();
            byte[] all = java.util.Arrays.copyOf(h, h.length + body.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            try {
                int off = 0;
                while (off < all.length) {
                    off += out.pipe().write(null, all, off, all.length - off, false);
                }
            } catch (ErrnoException e) {
                // The server answered (and closed) before reading everything: its response is still readable.
                if (e.errno() != Errno.EPIPE) {
                    throw e;
                }
            }
        }

        /** Fills the buffer with more bytes; false at EOF. */
        private boolean fill(long deadline) {
            if (eof) {
                return false;
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            }
            if (lim == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            while (true) {
                long seen = kernel.readiness().version();
                try {
                    int n = in.pipe().read(null, buf, lim, buf.length - lim, true);
                    if (n == 0) {
                        eof = true;
                        return false;
                    }
                    lim += n;
                    return true;
                } catch (ErrnoException e) {
                    if (e.errno() != Errno.EAGAIN) {
                        throw e;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new ErrnoException(Errno.ETIMEDOUT, "fetch", "127.0.0.1:" + port,
                            "the guest server sent nothing for " + WAIT_MS / 1000 + " s");
                }
                kernel.readiness().await(seen, 50);
            }
        }

        private String line(long deadline) {
            while (true) {
                for (int i = pos; i + 1 < lim; i++) {
                    if (buf[i] == '\r' && buf[i + 1] == '\n') {
                        String s = new String(buf, pos, i - pos, StandardCharsets.ISO_8859_1);
                        pos = i + 2;
                        return s;
                    }
                }
                if (lim - pos > 64 * 1024) {
                    throw new ErrnoException(Errno.EINVAL, "fetch", "127.0.0.1:" + port, "response header line too long");
                }
                if (!fill(deadline)) {
                    throw new ErrnoException(Errno.ECONNRESET, "fetch", "127.0.0.1:" + port,
                            "the guest server closed the connection before a complete response head");
                }
            }
        }

        void readHead(long deadline, String method) {
            String statusLine;
            do {
                statusLine = line(deadline);
                if (statusLine.startsWith("HTTP/1.") && statusLine.length() >= 12 && statusLine.charAt(9) == '1') {
                    while (!line(deadline).isEmpty()) {
                        // skip an interim (1xx) response's headers
                    }
                    statusLine = "";
                }
            } while (statusLine.isEmpty());
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                throw new ErrnoException(Errno.EINVAL, "fetch", "127.0.0.1:" + port, "not an HTTP response: " + statusLine);
            }
            status = Integer.parseInt(statusLine.substring(9, 12));
            statusText = statusLine.length() > 13 ? statusLine.substring(13) : "";
            String l;
            while (!(l = line(deadline)).isEmpty()) {
                int colon = l.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = l.substring(0, colon).trim();
                String value = l.substring(colon + 1).trim();
                headers.add(new Header(name, value));
                String n = name.toLowerCase(Locale.ROOT);
                if (n.equals("content-length")) {
                    remaining = Long.parseLong(value);
                } else if (n.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                    chunked = true;
                }
            }
            if (method.equalsIgnoreCase("HEAD") || status == 204 || status == 304) {
                bodyDone = true;
            } else if (chunked) {
                remaining = -1;
            }
        }

        /** The next piece of the body (at most {@code max} bytes), or null when it has ended. */
        byte[] body(int max, long deadline) {
            while (!bodyDone) {
                if (chunked) {
                    if (chunkLeft == 0) {
                        String size = line(deadline);
                        int semi = size.indexOf(';');
                        chunkLeft = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                        if (chunkLeft == 0) {
                            while (!line(deadline).isEmpty()) {
                                // trailers
                            }
                            bodyDone = true;
                            break;
                        }
                    }
                    byte[] b = take((int) Math.min(max, chunkLeft), deadline);
                    if (b == null) {
                        bodyDone = true;
                        break;
                    }
                    chunkLeft -= b.length;
                    if (chunkLeft == 0) {
                        line(deadline);
                    }
                    return b;
                }
                if (remaining == 0) {
                    bodyDone = true;
                    break;
                }
                byte[] b = take(remaining > 0 ? (int) Math.min(max, remaining) : max, deadline);
                if (b == null) {
                    if (remaining > 0) {
                        throw new ErrnoException(Errno.ECONNRESET, "fetch", "127.0.0.1:" + port,
                                "the guest server closed the connection " + remaining + " bytes before the end of the body");
                    }
                    bodyDone = true;
                    break;
                }
                if (remaining > 0) {
                    remaining -= b.length;
                }
                return b;
            }
            return null;
        }

        private byte[] take(int max, long deadline) {
            if (pos == lim && !fill(deadline)) {
                return null;
            }
            int n = Math.min(max, lim - pos);
            byte[] b = java.util.Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
            return b;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                in.release();
                out.release();
            }
        }
    }
}
