package agentos.kernel.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.config.ListenConfig;
import agentos.api.config.PermissionMode;
import agentos.api.config.VmConfig;
import agentos.api.spi.SockAddr;
import agentos.api.spi.Syscalls;
import agentos.kernel.internal.PermissionEngine.Scope;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * One VM's network stack. Listeners live in a per-VM table (TCP by port, Unix sockets by path) and connections
 * to them are pairs of kernel pipes, so in-VM loopback never touches a host socket and two VMs never see each
 * other. Everything else goes to a host socket only where the policy allows: private, link-local, multicast and
 * unspecified addresses need an explicit rule, host loopback needs a loopback-exempt port, and a refusal is
 * EACCES at once, naming the rule.
 */
final class NetStack {
    static final int EPHEMERAL_MIN = 49152;
    static final int EPHEMERAL_MAX = 65535;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int CONNECT_TIMEOUT_MS = 30_000;

    private final Kernel kernel;
    private final Gauge sockets;
    private final Gauge connections;
    private final long bufferBytes;
    /** Bound sockets by "tcp:PORT", "udp:PORT" or "unix:PATH". */
    private final Map<String, OpenFile> bound = new HashMap<>();
    private final Set<OpenFile> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong(1);
    private int nextEphemeral = EPHEMERAL_MIN;
    private volatile @Nullable SSLContext tls;

    NetStack(Kernel kernel, Gauge sockets, Gauge connections) {
        this.kernel = kernel;
        this.sockets = sockets;
        this.connections = connections;
        this.bufferBytes = kernel.limits().resources().maxSocketBufferedBytes();
    }

    Readiness readiness() {
        return kernel.readiness();
    }

    private VmConfig config() {
        return kernel.config();
    }

    void bind(DgramDesc d, SockAddr a) {
        if (d.local != null) {
            throw new ErrnoException(Errno.EINVAL, "bind", d.name(), "socket is already bound");
        }
        d.local = bindInet("udp", d, d.family, a);
    }

    void connect(DgramDesc d, SockAddr a) {
        List<String> addresses = getaddrinfo(a.address());
        d.peer = new SockAddr(d.family, addresses.get(0), a.port());
    }

    /** Sends one datagram: inside the VM for loopback, else through the socket's host channel where allowed. */
    int sendto(DgramDesc d, byte[] buf, int off, int len, SockAddr to) {
        if (len > 65507) {
            throw new ErrnoException(Errno.EINVAL, "sendto", to.toString(), "datagram larger than 65507 bytes");
        }
        if (d.local == null) {
            bind(d, new SockAddr(d.family, d.family == Syscalls.AF_INET6 ? "::" : "0.0.0.0", 0));
        }
        if (to.port() == 0) {
            throw new ErrnoException(Errno.EINVAL, "sendto", to.toString(), "port 0");
        }
        byte[] data = java.util.Arrays.copyOfRange(buf, off, off + len);
        for (String ip : getaddrinfo(to.address())) {
            InetAddress inet = literal(ip);
            if (inet.isLoopbackAddress() || isMappedLoopback(inet)) {
                DgramDesc target;
                synchronized (bound) {
                    target = bound.get("udp:" + to.port()) instanceof DgramDesc t ? t : null;
                }
                if (target != null) {
                    SockAddr local = d.local;
                    target.deliver(new DgramDesc.Datagram(data, new SockAddr(d.family, ip, local == null ? 0 : local.port())));
                    return len;
                }
                if (!config().loopbackExemptPorts().contains(to.port())) {
                    return len; // nobody listens: dropped, as on Linux
                }
            } else {
                ErrnoException denied = egressDenied("udp", inet, ip, to, "sendto");
                if (denied != null) {
                    throw denied;
                }
            }
            try {
                d.hostChannel().send(java.nio.ByteBuffer.wrap(data), new InetSocketAddress(inet, to.port()));
            } catch (IOException e) {
                throw new ErrnoException(Errno.ENETUNREACH, "sendto", to.toString(), String.valueOf(e.getMessage()));
            }
            return len;
        }
        throw new ErrnoException(Errno.EHOSTUNREACH, "sendto", to.toString());
    }

    /** A new stream ({@link SocketDesc}) or datagram ({@link DgramDesc}) socket, counted under maxSockets. */
    OpenFile socket(int domain, int type, int flags) {
        if (domain != Syscalls.AF_INET && domain != Syscalls.AF_INET6 && domain != Syscalls.AF_UNIX) {
            throw new ErrnoException(Errno.ENOTSUP, "socket", null, "address family " + domain + " is not supported");
        }
        if (type != Syscalls.SOCK_STREAM && type != Syscalls.SOCK_DGRAM) {
            throw new ErrnoException(Errno.ENOTSUP, "socket", null, "only stream and datagram sockets are supported (type " + type + ")");
        }
        if (type == Syscalls.SOCK_DGRAM && domain == Syscalls.AF_UNIX) {
            throw new ErrnoException(Errno.ENOTSUP, "socket", null, "Unix datagram sockets are not supported");
        }
        sockets.acquire("socket");
        OpenFile f = type == Syscalls.SOCK_DGRAM
                ? new DgramDesc(this, ids.getAndIncrement(), domain, flags, kernel.limits().resources().maxSocketDatagramQueueLen())
                : new SocketDesc(this, ids.getAndIncrement(), domain, flags);
        open.add(f);
        return f;
    }

    /** At a socket's last close: its slot under maxSockets and its bound address are given back. */
    void closed(OpenFile f) {
        if (open.remove(f)) {
            sockets.release();
        }
        synchronized (bound) {
            bound.values().removeIf(b -> b == f);
        }
        kernel.readiness().changed();
    }

    private static String key(SockAddr a) {
        return a.family() == Syscalls.AF_UNIX ? "unix:" + a.address() : "tcp:" + a.port();
    }

    // ---- bind / listen / accept ----

    void bind(SocketDesc s, SockAddr a) {
        if (s.state != SocketDesc.State.NEW) {
            throw new ErrnoException(Errno.EINVAL, "bind", s.name(), "socket is already bound");
        }
        if (a.family() == Syscalls.AF_UNIX) {
            synchronized (bound) {
                if (bound.containsKey(key(a))) {
                    throw new ErrnoException(Errno.EADDRINUSE, "bind", a.address());
                }
                bound.put(key(a), s);
            }
            s.local = a;
            s.state = SocketDesc.State.BOUND;
            return;
        }
        s.local = bindInet("tcp", s, a.family(), a);
        s.state = SocketDesc.State.BOUND;
    }

    /**
     * Binds an inet socket of {@code proto} ("tcp"/"udp") in this VM: loopback or unspecified addresses only, an
     * ephemeral port for 0, else the listen range, the privileged-port rule and a free port; then the network
     * policy's {@code listen} on {@code proto://host:port}. Returns the bound address.
     */
    private SockAddr bindInet(String proto, OpenFile owner, int family, SockAddr a) {
        String host = a.address().isEmpty() ? "0.0.0.0" : a.address();
        if (!isLocalBindAddress(host)) {
            throw new ErrnoException(Errno.EADDRNOTAVAIL, "bind", host + ":" + a.port(),
                    "a VM binds only its loopback or the unspecified address");
        }
        synchronized (bound) {
            int port = a.port();
            if (port == 0) {
                port = ephemeralPort(proto + ":");
            } else {
                checkListenPort(port, "bind");
                if (bound.containsKey(proto + ":" + port)) {
                    throw new ErrnoException(Errno.EADDRINUSE, "bind", host + ":" + port,
                            proto.toUpperCase(java.util.Locale.ROOT) + " port " + port + " is in use in this VM");
                }
            }
            kernel.permissions().check(Scope.NETWORK, "listen", proto + "://" + host + ":" + port, "bind");
            bound.put(proto + ":" + port, owner);
            return new SockAddr(family, host, port);
        }
    }

    private static boolean isLocalBindAddress(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("localhost") || host.startsWith("127.")
                || host.equals("::1") || host.startsWith("::ffff:127.") || host.equals("::ffff:0.0.0.0");
    }

    private void checkListenPort(int port, String syscall) {
        ListenConfig l = config().listen();
        if (port < l.portMin() || port > l.portMax()) {
            throw new ErrnoException(Errno.EACCES, syscall, "port " + port,
                    "outside the VM's listen range " + l.portMin() + ".." + l.portMax());
        }
        if (port < 1024 && !l.allowPrivileged()) {
            throw new ErrnoException(Errno.EACCES, syscall, "port " + port,
                    "privileged ports (below 1024) need listen.allowPrivileged");
        }
    }

    /** A free port of {@code proto} ("tcp:"/"udp:"); the caller holds {@code bound}. */
    private int ephemeralPort(String proto) {
        for (int i = 0; i <= EPHEMERAL_MAX - EPHEMERAL_MIN; i++) {
            int p = nextEphemeral;
            nextEphemeral = p == EPHEMERAL_MAX ? EPHEMERAL_MIN : p + 1;
            if (!bound.containsKey(proto + p)) {
                return p;
            }
        }
        throw new ErrnoException(Errno.EADDRNOTAVAIL, "bind", null, "no ephemeral port is free");
    }

    void listen(SocketDesc s, int backlog) {
        if (s.state == SocketDesc.State.NEW) {
            bind(s, new SockAddr(s.family, s.family == Syscalls.AF_INET6 ? "::" : "0.0.0.0", 0));
        }
        if (s.state != SocketDesc.State.BOUND && s.state != SocketDesc.State.LISTENING) {
            throw new ErrnoException(Errno.EINVAL, "listen", s.name(), "socket is connected");
        }
        s.listening(backlog);
        kernel.readiness().changed();
    }

    SocketDesc accept(@Nullable KProcess p, SocketDesc s) {
        if (s.state != SocketDesc.State.LISTENING) {
            throw new ErrnoException(Errno.EINVAL, "accept", s.name(), "socket is not listening");
        }
        while (true) {
            long seen = kernel.readiness().version();
            SocketDesc c = s.poll();
            if (c != null) {
                return c;
            }
            if (s.nonBlocking()) {
                throw new ErrnoException(Errno.EAGAIN, "accept", s.name());
            }
            if (s.state != SocketDesc.State.LISTENING) {
                throw new ErrnoException(Errno.EINVAL, "accept", s.name(), "socket was closed");
            }
            if (p != null) {
                p.checkWakeup("accept");
            }
            kernel.readiness().await(seen, 25);
        }
    }

    // ---- connect ----

    void connect(SocketDesc s, SockAddr a) {
        if (s.state == SocketDesc.State.CONNECTED) {
            throw new ErrnoException(Errno.EISCONN, "connect", a.toString());
        }
        if (s.state == SocketDesc.State.LISTENING) {
            throw new ErrnoException(Errno.EINVAL, "connect", a.toString(), "socket is listening");
        }
        if (a.family() == Syscalls.AF_UNIX) {
            connectInVm(s, a, key(a), a);
            return;
        }
        if (a.port() == 0) {
            throw new ErrnoException(Errno.ECONNREFUSED, "connect", a.toString(), "port 0");
        }
        List<String> addresses = getaddrinfo(a.address());
        ErrnoException last = null;
        for (String ip : addresses) {
            InetAddress inet = literal(ip);
            if (inet.isLoopbackAddress() || isMappedLoopback(inet)) {
                if (lookupListener(a.port()) != null) {
                    connectInVm(s, a, "tcp:" + a.port(), new SockAddr(s.family, ip, a.port()));
                    return;
                }
                if (config().loopbackExemptPorts().contains(a.port())) {
                    connectHost(s, a, new InetSocketAddress(inet, a.port()));
                    return;
                }
                last = new ErrnoException(Errno.ECONNREFUSED, "connect", ip + ":" + a.port(),
                        "nothing listens on port " + a.port() + " in this VM (host loopback ports need loopbackExemptPorts)");
                continue;
            }
            ErrnoException denied = egressDenied("tcp", inet, ip, a, "connect");
            if (denied != null) {
                last = denied;
                continue;
            }
            connectHost(s, a, new InetSocketAddress(inet, a.port()));
            return;
        }
        throw last != null ? last : new ErrnoException(Errno.EHOSTUNREACH, "connect", a.toString());
    }

    /**
     * Why {@code proto} traffic to {@code ip} (resolved from {@code to}) may not leave the VM, or null when the
     * policy allows it: private, link-local, multicast and unspecified addresses need an explicit rule; others the
     * policy's {@code connect} on {@code proto://host:port}.
     */
    private @Nullable ErrnoException egressDenied(String proto, InetAddress inet, String ip, SockAddr to, String syscall) {
        if (isRestricted(inet)) {
            PermissionEngine.Decision d = kernel.permissions().decide(Scope.NETWORK, "connect", proto + "://" + ip + ":" + to.port());
            if (d.mode() == PermissionMode.ALLOW && !d.rule().startsWith("default")) {
                return null;
            }
            return new ErrnoException(Errno.EACCES, syscall, ip + ":" + to.port(),
                    "blocked outbound network access to a private, link-local, multicast or unspecified address"
                            + " (needs an explicit network rule allowing connect to " + proto + "://" + ip + ":" + to.port() + ")");
        }
        try {
            kernel.permissions().check(Scope.NETWORK, "connect", proto + "://" + to.address() + ":" + to.port(), syscall);
            return null;
        } catch (ErrnoException e) {
            return e;
        }
    }

    private @Nullable SocketDesc lookupListener(int port) {
        synchronized (bound) {
            return bound.get("tcp:" + port) instanceof SocketDesc l && l.state == SocketDesc.State.LISTENING ? l : null;
        }
    }

    private void connectInVm(SocketDesc s, SockAddr requested, String key, SockAddr peer) {
        SocketDesc listener;
        synchronized (bound) {
            listener = bound.get(key) instanceof SocketDesc l ? l : null;
        }
        if (listener == null || listener.state != SocketDesc.State.LISTENING) {
            throw new ErrnoException(Errno.ECONNREFUSED, "connect", requested.toString(),
                    requested.family() == Syscalls.AF_UNIX ? "no socket listens at this path in the VM"
                            : "nothing listens on port " + requested.port() + " in this VM");
        }
        SockAddr local = s.local;
        if (local == null) {
            synchronized (bound) {
                local = requested.family() == Syscalls.AF_UNIX ? SockAddr.unix("")
                        : new SockAddr(s.family, peer.address(), ephemeralPort("tcp:"));
            }
        }
        SockAddr serverLocal = requested.family() == Syscalls.AF_UNIX ? requested
                : new SockAddr(listener.family, peer.address(), requested.port());
        Pipe.End[] ends = pairWith(listener, serverLocal, local, requested.toString());
        s.connected(ends[0], ends[1], local, peer, null);
    }

    /** Opens a connection from the host to a guest listener on {@code port} (for {@code Vm.network()}). */
    Pipe.End[] connectFromHost(int port) {
        SocketDesc listener = lookupListener(port);
        if (listener == null) {
            throw new ErrnoException(Errno.ECONNREFUSED, "connect", "127.0.0.1:" + port, "nothing listens on port " + port + " in this VM");
        }
        return pairWith(listener, new SockAddr(listener.family, "127.0.0.1", port), new SockAddr(Syscalls.AF_INET, "127.0.0.1", 0),
                "127.0.0.1:" + port);
    }

    /**
     * Queues a new server-side socket on {@code listener}, joined by two kernel pipes to ends returned as
     * {in, out} for the connecting side. The connection counts under maxConnections until both sides let go.
     */
    private Pipe.End[] pairWith(SocketDesc listener, SockAddr serverLocal, SockAddr client, String target) {
        connections.acquire("connect");
        SocketDesc server;
        try {
            server = (SocketDesc) socket(listener.family, Syscalls.SOCK_STREAM, 0);
        } catch (ErrnoException e) {
            connections.release();
            throw e;
        }
        Pipe up = new Pipe(ids.getAndIncrement(), bufferBytes, kernel.readiness(), connections::release);
        Pipe down = new Pipe(ids.getAndIncrement(), bufferBytes, kernel.readiness(), () -> {});
        server.connected(up.readEnd(), down.writeEnd(), serverLocal, client, null);
        Pipe.End in = down.readEnd();
        Pipe.End out = up.writeEnd();
        if (!listener.offer(server)) {
            server.release();
            in.release();
            out.release();
            throw new ErrnoException(Errno.ECONNREFUSED, "connect", target, "the listener's backlog is full");
        }
        kernel.readiness().changed();
        return new Pipe.End[] {in, out};
    }

    private void connectHost(SocketDesc s, SockAddr requested, InetSocketAddress target) {
        connections.acquire("connect");
        Socket socket = new Socket();
        try {
            socket.connect(target, CONNECT_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            String sni = s.tlsServerName;
            if (sni != null) {
                SSLSocket ssl = startTls(socket, sni, s.tlsVerify, target.getPort(), s.tlsAlpn);
                String chosen = ssl.getApplicationProtocol();
                s.tlsAlpnChosen = chosen == null || chosen.isEmpty() ? null : chosen;
                socket = ssl;
            }
        } catch (IOException | RuntimeException e) {
            connections.release();
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
            throw connectError(e, requested);
        }
        Pipe inbound = new Pipe(ids.getAndIncrement(), bufferBytes, kernel.readiness(), () -> {});
        Pipe outbound = new Pipe(ids.getAndIncrement(), bufferBytes, kernel.readiness(), () -> {});
        HostLink link = new HostLink(socket, inbound.writeEnd(), outbound.readEnd());
        InetSocketAddress localAddr = (InetSocketAddress) socket.getLocalSocketAddress();
        s.connected(inbound.readEnd(), outbound.writeEnd(),
                new SockAddr(s.family, localAddr.getAddress().getHostAddress(), localAddr.getPort()),
                new SockAddr(s.family, target.getAddress().getHostAddress(), target.getPort()),
                () -> {
                    link.guestClosed();
                    connections.release();
                });
        link.start("vm-net-" + kernel.vmId() + "-" + s.id);
    }

    private static ErrnoException connectError(Exception e, SockAddr a) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof ErrnoException ee) {
            return ee;
        }
        if (e instanceof java.net.SocketTimeoutException) {
            return new ErrnoException(Errno.ETIMEDOUT, "connect", a.toString(), why);
        }
        if (e instanceof java.net.ConnectException) {
            return new ErrnoException(Errno.ECONNREFUSED, "connect", a.toString(), why);
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return new ErrnoException(Errno.ECONNRESET, "connect", a.toString(), "TLS handshake failed: " + why);
        }
        if (e instanceof java.net.NoRouteToHostException) {
            return new ErrnoException(Errno.EHOSTUNREACH, "connect", a.toString(), why);
        }
        return new ErrnoException(Errno.ENETUNREACH, "connect", a.toString(), why);
    }

    private SSLSocket startTls(Socket plain, String serverName, boolean verify, int port, List<String> alpn) throws IOException {
        SSLContext ctx = verify ? tlsContext() : insecureContext();
        SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(plain, serverName, port, true);
        SSLParameters params = ssl.getSSLParameters();
        if (verify) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!IPV4.matcher(serverName).matches() && serverName.indexOf(':') < 0) {
            params.setServerNames(List.of(new SNIHostName(serverName)));
        }
        params.setApplicationProtocols(alpn.isEmpty() ? new String[] {"http/1.1"} : alpn.toArray(String[]::new));
        ssl.setSSLParameters(params);
        ssl.startHandshake();
        return ssl;
    }

    /** The JDK's trust store plus the VM's extra CA certificates. */
    private SSLContext tlsContext() throws IOException {
        SSLContext ctx = tls;
        if (ctx != null) {
            return ctx;
        }
        try {
            List<String> extra = config().extraCaCertificates();
            TrustManagerFactory def = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            def.init((KeyStore) null);
            if (extra.isEmpty()) {
                ctx = SSLContext.getInstance("TLS");
                ctx.init(null, def.getTrustManagers(), null);
            } else {
                KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                ks.load(null, null);
                for (TrustManager tm : def.getTrustManagers()) {
                    if (tm instanceof X509TrustManager x) {
                        for (X509Certificate c : x.getAcceptedIssuers()) {
                            ks.setCertificateEntry("jdk-" + ks.size(), c);
                        }
                    }
                }
                CertificateFactory cf = CertificateFactory.getInstance("X.509");
                int i = 0;
                for (String pem : extra) {
                    for (Certificate c : cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                        ks.setCertificateEntry("extra-" + i++, c);
                    }
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ks);
                ctx = SSLContext.getInstance("TLS");
                ctx.init(null, tmf.getTrustManagers(), null);
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS trust: " + e.getMessage(), e);
        }
        tls = ctx;
        return ctx;
    }

    private static SSLContext insecureContext() throws IOException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    // ---- names and addresses ----

    List<String> getaddrinfo(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (IPV4.matcher(h).matches() || h.indexOf(':') >= 0) {
            return List.of(h);
        }
        List<String> override = config().dns().overrides().get(h);
        if (override != null) {
            return override;
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return List.of("127.0.0.1", "::1");
        }
        kernel.permissions().check(Scope.NETWORK, "dns", "dns://" + h, "getaddrinfo");
        try {
            Set<String> out = new LinkedHashSet<>();
            for (InetAddress a : InetAddress.getAllByName(h)) {
                out.add(a.getHostAddress());
            }
            return new ArrayList<>(out);
        } catch (UnknownHostException e) {
            throw new ErrnoException(Errno.ENOENT, "getaddrinfo", host, "name not found");
        }
    }

    private static InetAddress literal(String ip) {
        try {
            return InetAddress.getByName(ip); // numeric: no lookup
        } catch (UnknownHostException e) {
            throw new ErrnoException(Errno.EINVAL, "connect", ip, "not a numeric address");
        }
    }

    private static boolean isMappedLoopback(InetAddress a) {
        byte[] b = a.getAddress();
        return a instanceof Inet6Address && b.length == 16 && isMapped(b) && b[12] == 127;
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    /** Private, link-local, multicast, unspecified (IPv4, IPv6 and IPv4-mapped): need an explicit rule. */
    static boolean isRestricted(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 16 && isMapped(b)) {
            try {
                return isRestricted(Inet4Address.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        if (a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        if (b.length == 4) {
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            return b0 == 0 || b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)
                    || (b0 == 169 && b1 == 254) || (b0 == 100 && (b1 & 0xc0) == 64) || b0 >= 224;
        }
        return (b[0] & 0xfe) == 0xfc || ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80);
    }

}
