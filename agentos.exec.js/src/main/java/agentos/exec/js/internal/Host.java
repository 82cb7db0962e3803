package agentos.exec.js.internal;

import agentos.api.ErrnoException;
import agentos.api.Errno;
import agentos.api.fs.DirEntry;
import agentos.api.fs.FileStat;
import agentos.api.process.Signal;
import agentos.api.spi.GuestExit;
import agentos.api.spi.SignalAction;
import agentos.api.spi.SpawnRequest;
import agentos.api.spi.Syscalls;
import agentos.api.spi.WaitStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jspecify.annotations.Nullable;

/**
 * The only object a guest context can reach: the Node runtime's view of the kernel. Every method is a thin call
 * into {@link Syscalls}; asynchronous completions are queued to the process's loop and delivered through the
 * runtime's {@code dispatch(kind, id, value)} function. Bytes cross as {@code ArrayBuffer}s (guest → host) and
 * {@code ByteBuffer}s (host → guest).
 */
public final class Host {
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "node-timers");
        t.setDaemon(true);
        return t;
    });

    private final JsProcess process;
    private final Syscalls sys;
    volatile @Nullable Value dispatch;
    volatile boolean exiting;
    volatile int exitCode;
    private final Map<Integer, Timer> timers = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> readers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private static final class Timer {
        volatile @Nullable ScheduledFuture<?> future;
        volatile boolean referenced = true;
    }

    Host(JsProcess process) {
        this.process = process;
        this.sys = process.launch.syscalls();
    }

    void close() {
        closed = true;
        timers.values().forEach(t -> {
            ScheduledFuture<?> f = t.future;
            if (f != null) {
                f.cancel(false);
            }
        });
        timers.clear();
    }

    private void deliver(String kind, int id, @Nullable Object value) {
        if (closed) {
            return;
        }
        process.post(() -> {
            Value d = dispatch;
            if (d != null && !closed) {
                d.execute(kind, id, value);
            }
        });
    }

    void deliverSignal(Signal signal) {
        Value d = dispatch;
        if (d != null && !closed) {
            d.execute("signal", signal.number(), signal.name());
        }
    }

    // ---- process ----

    @Export
    public String[] argv() {
        return process.launch.argv().toArray(String[]::new);
    }

    @Export
    public ProxyObject env() {
        Map<String, Object> env = new LinkedHashMap<>(process.launch.env());
        return ProxyObject.fromMap(env);
    }


    @Export
    public int pid() {
        return sys.pid();
    }

    @Export
    public int ppid() {
        return sys.ppid();
    }

    @Export
    public int uid() {
        return sys.uid();
    }

    @Export
    public int gid() {
        return sys.gid();
    }

    @Export
    public String cwd() {
        return sys.getcwd();
    }

    @Export
    public void chdir(String path) {
        sys.chdir(path);
    }


    @Export
    public double hrtime() {
        return sys.clockMonotonicNanos();
    }

    @Export
    public double now() {
        return sys.clockRealtimeNanos() / 1e6;
    }

    @Export
    public long maxOldSpaceBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /** Ends the process now; a guest {@code catch} cannot keep it alive because the loop stops too. */
    @Export
    public void exit(int code) {
        exiting = true;
        exitCode = code & 0xff;
        throw new GuestExit(exitCode);
    }

    private volatile @Nullable Value moduleSource;

    /** The runtime's function producing ES module sources for {@link ModuleFileSystem}. */
    @Export
    public void setModuleSource(Value fn) {
        moduleSource = fn;
    }

    @Nullable String moduleSource(String path) {
        Value fn = moduleSource;
        if (fn == null) {
            return null;
        }
        Value v = fn.execute(path);
        return v.isNull() ? null : v.asString();
    }

    private static final String BUILTIN_EXPORTS = resource("builtin-exports.json");

    private static String resource(String name) {
        try (java.io.InputStream in = Host.class.getResourceAsStream("/agentos/exec/js/" + name)) {
            return in == null ? "{}" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final String WEB_STREAMS = resource("vendor/web-streams-polyfill/dist/ponyfill.js");

    /** web-streams-polyfill's ponyfill (UMD), embedded by the build from npm; loaded on first use of the globals. */
    @Export
    public String webStreamsSource() {
        return WEB_STREAMS;
    }

    /** Builtins kept in files of their own, evaluated on first require: node:http2 and node:test. */
    private static final Map<String, String> LAZY_BUILTINS = Map.of("http2", resource("http2.js"), "test", resource("test-runner.js"));

    @Export
    public String builtinSource(String name) {
        String src = LAZY_BUILTINS.get(name);
        if (src == null) {
            throw new IllegalArgumentException("no lazily loaded builtin " + name);
        }
        return src;
    }

    private static final Map<String, String> VENDOR = new ConcurrentHashMap<>();

    /**
     * A file of an embedded library ({@code readable-stream/lib/...}), which the runtime loads as Node's own
     * stream implementation; null when there is no such file.
     */
    @Export
    public @Nullable String vendorSource(String path) {
        if (!path.matches("readable-stream/lib/[A-Za-z0-9_/.-]+\\.js") || path.contains("..")) {
            return null;
        }
        String src = VENDOR.computeIfAbsent(path, p -> resource("vendor/" + p));
        return src.equals("{}") ? null : src;
    }

    /** Node's export names per builtin module (from Node itself), so ES named imports of any builtin link. */
    @Export
    public String builtinExportsJson() {
        return BUILTIN_EXPORTS;
    }

    /** Specifier positions in a module source, see {@link ImportScanner}: [start, end, kind]*. */
    @Export
    public int[] scanImports(String source, boolean staticToo) {
        return ImportScanner.scan(source, staticToo);
    }

    /** Whether a value the guest caught is this runtime's exit (which the runtime must let through). */
    @Export
    public boolean isExit(Value caught) {
        return caught.isHostObject() && caught.asHostObject() instanceof GuestExit;
    }

    @Export
    public void setExitCode(int code) {
        exitCode = code & 0xff;
    }

    @Export
    public void kill(int pid, String signal) {
        sys.kill(pid, Signal.parse(signal));
    }

    @Export
    public void catchSignal(String signal, boolean caught) {
        sys.sigaction(Signal.parse(signal), caught ? SignalAction.CATCH : SignalAction.DEFAULT);
    }

    @Export
    public void randomFill(Value arrayBuffer, int offset, int length) {
        byte[] b = new byte[length];
        sys.randomBytes(b);
        for (int i = 0; i < length; i++) {
            arrayBuffer.writeBufferByte(offset + i, b[i]);
        }
    }

    // ---- the loop: refs and timers ----


    @Export
    public void timerStart(int id, double delayMs, boolean ref) {
        // A timer re-armed after firing (intervals, refresh) keeps the guest's ref/unref choice.
        Timer t = timers.computeIfAbsent(id, k -> {
            Timer n = new Timer();
            n.referenced = ref;
            return n;
        });
        if (t.future == null && t.referenced) {
            process.refs.incrementAndGet();
        }
        ScheduledFuture<?> old = t.future;
        if (old != null) {
            old.cancel(false);
        }
        t.future = TIMERS.schedule(() -> process.post(() -> fire(id)), Math.max(1, (long) delayMs), TimeUnit.MILLISECONDS);
    }

    private void fire(int id) {
        Timer t = timers.get(id);
        if (t == null) {
            return; // cleared meanwhile
        }
        if (!t.referenced && process.refs.get() == 0) {
            return; // as in libuv: with nothing else alive the loop ends before an unref'd timer runs
        }
        timers.remove(id);
        if (t.referenced) {
            process.refs.decrementAndGet();
        }
        Value d = dispatch;
        if (d != null && !closed) {
            d.execute("timer", id, null);
        }
    }

    @Export
    public void timerClear(int id) {
        Timer t = timers.remove(id);
        if (t != null) {
            ScheduledFuture<?> f = t.future;
            if (f != null) {
                f.cancel(false);
            }
            if (t.referenced) {
                process.refs.decrementAndGet();
            }
        }
    }

    @Export
    public void timerRef(int id, boolean ref) {
        Timer t = timers.get(id);
        if (t != null && t.referenced != ref) {
            t.referenced = ref;
            process.refs.addAndGet(ref ? 1 : -1);
        }
    }

    // ---- files and fds ----

    @Export
    public int open(String path, int flags, int mode) {
        return sys.open(path, flags, mode);
    }

    @Export
    public void close(int fd) {
        sys.close(fd);
    }

    /** Reads up to {@code max} bytes; an empty buffer at end of file. */
    @Export
    public ByteBuffer read(int fd, int max, double position) {
        byte[] b = new byte[Math.max(0, max)];
        int n = position >= 0 ? sys.pread(fd, b, 0, b.length, (long) position) : sys.read(fd, b, 0, b.length);
        return ByteBuffer.wrap(b, 0, Math.max(0, n)).slice();
    }

    @Export
    public int write(int fd, Value arrayBuffer, int offset, int length, double position) {
        byte[] b = new byte[length];
        arrayBuffer.readBuffer(offset, b, 0, length);
        return writeAll(fd, b, position);
    }

    @Export
    public int writeString(int fd, String s, double position) {
        return writeAll(fd, s.getBytes(StandardCharsets.UTF_8), position);
    }

    private int writeAll(int fd, byte[] b, double position) {
        int done = 0;
        while (done < b.length) {
            int n = position >= 0 ? sys.pwrite(fd, b, done, b.length - done, (long) position + done)
                    : sys.write(fd, b, done, b.length - done);
            if (n <= 0) {
                break;
            }
            done += n;
        }
        return done;
    }

    /** The whole file (bounded by the kernel's read limits). */
    @Export
    public ByteBuffer readFile(String path) {
        int fd = sys.open(path, Syscalls.O_RDONLY, 0);
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = sys.read(fd, buf, 0, buf.length)) > 0) {
                out.write(buf, 0, n);
            }
            return ByteBuffer.wrap(out.toByteArray());
        } finally {
            sys.close(fd);
        }
    }

    @Export
    public String readFileString(String path) {
        ByteBuffer b = readFile(path);
        return new String(b.array(), 0, b.limit(), StandardCharsets.UTF_8);
    }

    @Export
    public ProxyObject stat(String path, boolean follow) {
        return statObject(follow ? sys.stat(path) : sys.lstat(path));
    }

    @Export
    public ProxyObject fstat(int fd) {
        return statObject(sys.fstat(fd));
    }

    @Export
    public boolean isatty(int fd) {
        return sys.isatty(fd);
    }

    private static ProxyObject statObject(FileStat s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", s.type().name());
        m.put("mode", s.mode());
        m.put("size", (double) s.size());
        m.put("uid", s.uid());
        m.put("gid", s.gid());
        m.put("ino", (double) s.ino());
        m.put("nlink", s.nlink());
        m.put("atimeMs", (double) s.atimeMs());
        m.put("mtimeMs", (double) s.mtimeMs());
        m.put("ctimeMs", (double) s.ctimeMs());
        m.put("birthtimeMs", (double) s.birthtimeMs());
        return ProxyObject.fromMap(m);
    }

    /** Entries as [name, type, name, type, …]. */
    @Export
    public String[] readdir(String path) {
        List<DirEntry> entries = sys.readdir(path);
        String[] out = new String[entries.size() * 2];
        int i = 0;
        for (DirEntry e : entries) {
            out[i++] = e.name();
            out[i++] = e.type().name();
        }
        return out;
    }

    @Export
    public void mkdir(String path, int mode) {
        sys.mkdir(path, mode);
    }

    @Export
    public void rmdir(String path) {
        sys.rmdir(path);
    }

    @Export
    public void unlink(String path) {
        sys.unlink(path);
    }

    @Export
    public void rename(String from, String to) {
        sys.rename(from, to);
    }

    @Export
    public void symlink(String target, String path) {
        sys.symlink(target, path);
    }

    @Export
    public void link(String existing, String path) {
        sys.link(existing, path);
    }

    @Export
    public String readlink(String path) {
        return sys.readlink(path);
    }

    @Export
    public String realpath(String path) {
        return sys.realpath(path);
    }

    @Export
    public void chmod(String path, int mode) {
        sys.chmod(path, mode);
    }

    @Export
    public void utimes(String path, double atimeMs, double mtimeMs) {
        sys.utimes(path, (long) atimeMs, (long) mtimeMs);
    }

    @Export
    public void truncate(String path, double length) {
        sys.truncate(path, (long) length);
    }

    @Export
    public void ftruncate(int fd, double length) {
        sys.ftruncate(fd, (long) length);
    }

    @Export
    public void fsync(int fd) {
        sys.fsync(fd);
    }

    @Export
    public int[] pipe() {
        return sys.pipe(Syscalls.O_CLOEXEC);
    }


    // ---- asynchronous reads ----

    /**
     * Reads {@code fd} on a host thread until end of file, delivering {@code data} (ByteBuffer) and then
     * {@code end} (or {@code error}) events for {@code id}; holds the loop open while it runs.
     */
    @Export
    public void readStart(int fd, int id, boolean closeAtEnd) {
        readStart(fd, id, closeAtEnd, true);
    }

    /** {@link #readStart} that leaves the loop free to end (IPC channels hold it only while someone listens). */
    @Export
    public void readStartUnheld(int fd, int id) {
        readStart(fd, id, false, false);
    }

    /** Holds the loop open ({@code true}) or releases one hold; the runtime pairs the calls. */
    @Export
    public void hold(boolean on) {
        if (on) {
            process.refs.incrementAndGet();
        } else {
            process.refs.decrementAndGet();
        }
    }

    /**
     * A connected pair of in-VM Unix stream sockets (a socketpair), for IPC channels and extra stdio pipes: a
     * listener on a fresh abstract name, one connect, one accept, and the listener closed again.
     */
    @Export
    public Object socketPair() {
        String name = "\0agentos-socketpair-" + process.launch.pid() + "-" + PAIRS.incrementAndGet();
        int listener = sys.socket(Syscalls.AF_UNIX, Syscalls.SOCK_STREAM, 0);
        try {
            sys.bind(listener, agentos.api.spi.SockAddr.unix(name));
            sys.listen(listener, 1);
            int a = sys.socket(Syscalls.AF_UNIX, Syscalls.SOCK_STREAM, 0);
            sys.connect(a, agentos.api.spi.SockAddr.unix(name));
            int b = sys.accept(listener, 0);
            return ProxyArray.fromArray(a, b);
        } finally {
            sys.close(listener);
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong PAIRS = new java.util.concurrent.atomic.AtomicLong();

    private void readStart(int fd, int id, boolean closeAtEnd, boolean hold) {
        if (readers.putIfAbsent(id, hold) != null) {
            return;
        }
        if (hold) {
            process.refs.incrementAndGet();
        }
        Thread.ofVirtual().name("node-read-" + process.launch.pid() + "-" + fd).start(() -> {
            byte[] buf = new byte[64 * 1024];
            try {
                while (!closed && readers.containsKey(id)) {
                    int n = sys.read(fd, buf, 0, buf.length);
                    if (n <= 0) {
                        break;
                    }
                    byte[] chunk = java.util.Arrays.copyOf(buf, n);
                    deliver("data", id, ByteBuffer.wrap(chunk));
                }
                deliver("end", id, null);
            } catch (ErrnoException e) {
                deliver("error", id, e.errno().name());
            } catch (RuntimeException e) {
                deliver("end", id, null);
            } finally {
                if (closeAtEnd) {
                    try {
                        sys.close(fd);
                    } catch (RuntimeException ignored) {
                        // already closed
                    }
                }
                if (Boolean.TRUE.equals(readers.remove(id))) {
                    process.refs.decrementAndGet();
                }
            }
        });
    }

    /** Whether reader {@code id} holds the loop open (a socket's ref()/unref()). */
    @Export
    public void readerHold(int id, boolean hold) {
        setHold(readers, id, hold);
    }

    /** Flips handle {@code id}'s hold on the loop in {@code handles} (true: referenced), counting it in refs. */
    private void setHold(Map<Integer, Boolean> handles, int id, boolean hold) {
        Boolean current = handles.get(id);
        if (current != null && current != hold && handles.replace(id, current, hold)) {
            if (hold) {
                process.refs.incrementAndGet();
            } else {
                process.refs.decrementAndGet();
            }
        }
    }

    /** Stops holding the loop open for reader {@code id} (its thread ends at the next read). */
    @Export
    public void readStop(int id) {
        if (Boolean.TRUE.equals(readers.remove(id))) {
            process.refs.decrementAndGet();
        }
    }

    // ---- sockets (the kernel's network stack; never host networking directly) ----

    private final Map<Integer, Boolean> acceptors = new ConcurrentHashMap<>();
    private final Map<Integer, java.util.concurrent.LinkedBlockingQueue<Runnable>> writers = new ConcurrentHashMap<>();

    private static Object[] errorOf(RuntimeException e) {
        if (e instanceof ErrnoException ee) {
            return new Object[] {ee.errno().name(), ee.getMessage()};
        }
        return new Object[] {"EIO", String.valueOf(e.getMessage())};
    }

    private static Object[] addressOf(agentos.api.spi.SockAddr a) {
        String family = a.family() == Syscalls.AF_INET6 ? "IPv6" : a.family() == Syscalls.AF_UNIX ? "unix" : "IPv4";
        return new Object[] {a.address(), a.port(), family};
    }

    /** A new stream socket: family 4, 6, or 0 for a Unix socket. */
    @Export
    public int socket(int family) {
        int domain = family == 6 ? Syscalls.AF_INET6 : family == 0 ? Syscalls.AF_UNIX : Syscalls.AF_INET;
        return sys.socket(domain, Syscalls.SOCK_STREAM, Syscalls.O_CLOEXEC);
    }

    /** Binds and listens; returns [address, port, family] as bound. */
    @Export
    public ProxyArray listen(int fd, String address, int port, int backlog, boolean unix) {
        sys.bind(fd, unix ? agentos.api.spi.SockAddr.unix(address) : agentos.api.spi.SockAddr.inet(address, port));
        sys.listen(fd, backlog);
        return ProxyArray.fromArray(addressOf(sys.getsockname(fd)));
    }

    /** Accepts on a host thread until stopped, delivering {@code accept} [fd, address, port, family] or {@code accepterror}. */
    @Export
    public void acceptStart(int fd, int id) {
        loop(id, "node-accept-" + process.launch.pid() + "-" + fd, () -> {
            int c = sys.accept(fd, Syscalls.O_CLOEXEC);
            if (!acceptors.containsKey(id)) {
                sys.close(c); // stopped while waiting
                return;
            }
            Object[] peer = addressOf(sys.getpeername(c));
            deliver("accept", id, ProxyArray.fromArray(c, peer[0], peer[1], peer[2]));
        }, e -> deliver("accepterror", id, ProxyArray.fromArray(errorOf(e))));
    }

    /** Stops holding the loop open for acceptor {@code id}; closing its fd ends the thread. */
    @Export
    public void acceptStop(int id) {
        if (Boolean.TRUE.equals(acceptors.remove(id))) {
            process.refs.decrementAndGet();
        }
    }

    /** {@code server.ref()/unref()}: whether acceptor {@code id} keeps the event loop alive. */
    @Export
    public void acceptHold(int id, boolean hold) {
        setHold(acceptors, id, hold);
    }

    /**
     * Connects on a host thread (TLS when {@code tlsServerName} is set, offering the comma-separated {@code alpn}
     * protocols), delivering {@code connect} with [localAddress, localPort, remoteAddress, remotePort, family,
     * chosen ALPN protocol or null] or {@code connecterror} [code, message].
     */
    @Export
    public void connect(int fd, String host, int port, boolean unix, int id) {
        onThread("node-connect-" + process.launch.pid() + "-" + fd, () -> {
            try {
                sys.connect(fd, unix ? agentos.api.spi.SockAddr.unix(host) : agentos.api.spi.SockAddr.inet(host, port));
                Object[] local = addressOf(sys.getsockname(fd));
                Object[] remote = addressOf(sys.getpeername(fd));
                deliver("connect", id, ProxyArray.fromArray(local[0], local[1], remote[0], remote[1], remote[2]));
            } catch (RuntimeException e) {
                deliver("connecterror", id, ProxyArray.fromArray(errorOf(e)));
            }
        });
    }

    /**
     * Queues a write on the socket's writer thread (writes to one fd stay in order and never block the loop);
     * delivers {@code written} with null or [code, message] for {@code id}.
     */
    @Export
    public void writeAsync(int fd, Value arrayBuffer, int offset, int length, int id) {
        byte[] b = new byte[length];
        arrayBuffer.readBuffer(offset, b, 0, length);
        queueWrite(fd, () -> {
            try {
                writeAll(fd, b, -1);
                deliver("written", id, null);
            } catch (RuntimeException e) {
                deliver("written", id, ProxyArray.fromArray(errorOf(e)));
            }
        });
    }

    /** Half-closes after the queued writes ({@code shutdown(SHUT_WR)}); delivers {@code written} for {@code id}. */
    @Export
    public void shutdownAsync(int fd, int id) {
        queueWrite(fd, () -> {
            try {
                sys.shutdown(fd, Syscalls.SHUT_WR);
                deliver("written", id, null);
            } catch (RuntimeException e) {
                deliver("written", id, ProxyArray.fromArray(errorOf(e)));
            }
        });
    }

    /**
     * Closes the fd after the queued writes. A socket's sending side is shut down first: this runtime's own reader
     * may be blocked in a read on it, and a description with a read in progress stays open (as on Linux), so the
     * peer would never see the end of the stream. The receiving side stays, as with TCP, where the peer's late
     * writes are not an error for the peer.
     */
    @Export
    public void closeAsync(int fd) {
        queueWrite(fd, () -> {
            try {
                sys.shutdown(fd, Syscalls.SHUT_WR);
            } catch (RuntimeException notAConnectedSocket) {
                // pipes, files, unconnected sockets: nothing to shut down
            }
            try {
                sys.close(fd);
            } catch (RuntimeException ignored) {
                // already closed
            }
        });
    }

    /** Closes the fd after the queued writes without shutting it down first (a reset: the peer sees ECONNRESET). */
    @Export
    public void resetAsync(int fd) {
        queueWrite(fd, () -> {
            try {
                sys.close(fd);
            } catch (RuntimeException ignored) {
                // already closed
            }
        });
    }

    private void queueWrite(int fd, Runnable op) {
        process.refs.incrementAndGet();
        Runnable counted = () -> {
            try {
                op.run();
            } finally {
                process.refs.decrementAndGet();
            }
        };
        synchronized (writers) {
            java.util.concurrent.LinkedBlockingQueue<Runnable> q = writers.get(fd);
            if (q != null) {
                q.add(counted);
                return;
            }
            java.util.concurrent.LinkedBlockingQueue<Runnable> fresh = new java.util.concurrent.LinkedBlockingQueue<>();
            fresh.add(counted);
            writers.put(fd, fresh);
            Thread.ofVirtual().name("node-write-" + process.launch.pid() + "-" + fd).start(() -> {
                while (true) {
                    Runnable next;
                    synchronized (writers) {
                        next = fresh.poll();
                        if (next == null) {
                            writers.remove(fd);
                            return;
                        }
                    }
                    next.run();
                }
            });
        }
    }

    // ---- UDP ----

    /** A datagram socket: family 4 or 6. */
    @Export
    public int udpSocket(int family) {
        return sys.socket(family == 6 ? Syscalls.AF_INET6 : Syscalls.AF_INET, Syscalls.SOCK_DGRAM, Syscalls.O_CLOEXEC);
    }

    @Export
    public ProxyArray udpBind(int fd, String address, int port) {
        sys.bind(fd, agentos.api.spi.SockAddr.inet(address, port));
        return ProxyArray.fromArray(addressOf(sys.getsockname(fd)));
    }

    @Export
    public void udpConnect(int fd, @Nullable String address, int port) {
        sys.connect(fd, address == null ? agentos.api.spi.SockAddr.inet("0.0.0.0", 0) : agentos.api.spi.SockAddr.inet(address, port));
    }

    /** Sends one datagram (to the connected peer when {@code address} is null); never blocks. */
    @Export
    public int udpSend(int fd, Value arrayBuffer, int offset, int length, @Nullable String address, int port) {
        byte[] b = new byte[length];
        arrayBuffer.readBuffer(offset, b, 0, length);
        return sys.sendto(fd, b, 0, length, 0, address == null ? null : agentos.api.spi.SockAddr.inet(address, port));
    }

    /** Receives on a host thread, delivering {@code datagram} [bytes, address, port, family] until stopped or closed. */
    @Export
    public void udpRecvStart(int fd, int id) {
        byte[] buf = new byte[65536];
        loop(id, "node-udp-" + process.launch.pid() + "-" + fd, () -> {
            Syscalls.Received r = sys.recvfrom(fd, buf, 0, buf.length, 0);
            Object[] from = addressOf(r.from());
            deliver("datagram", id, ProxyArray.fromArray(ByteBuffer.wrap(java.util.Arrays.copyOf(buf, r.length())), from[0], from[1], from[2]));
        }, e -> { /* the socket was closed */ });
    }

    /** [address, port, family] of either end of a socket, or null. */
    @Export
    public @Nullable ProxyArray sockName(int fd, boolean peer) {
        try {
            return ProxyArray.fromArray(addressOf(peer ? sys.getpeername(fd) : sys.getsockname(fd)));
        } catch (ErrnoException e) {
            return null;
        }
    }

    /** Resolves on a host thread; delivers {@code lookup} with the addresses or [code, message]. */
    @Export
    public void lookup(String hostname, int id) {
        onThread("node-dns-" + process.launch.pid(), () -> {
            try {
                deliver("lookup", id, ProxyArray.fromArray(new Object[] {true, ProxyArray.fromArray(sys.getaddrinfo(hostname).toArray())}));
            } catch (RuntimeException e) {
                Object[] err = errorOf(e);
                deliver("lookup", id, ProxyArray.fromArray(false, err[0], err[1]));
            }
        });
    }

    /** Runs {@code body} on a virtual thread that holds the loop open until it ends. */
    private void onThread(String name, Runnable body) {
        process.refs.incrementAndGet();
        Thread.ofVirtual().name(name).start(() -> {
            try {
                body.run();
            } finally {
                process.refs.decrementAndGet();
            }
        });
    }

    /**
     * Repeats {@code step} on a host thread while {@code id} is registered (until {@link #acceptStop}), holding the
     * loop open; a failure while still registered goes to {@code onError}.
     */
    private void loop(int id, String name, Runnable step, java.util.function.Consumer<RuntimeException> onError) {
        if (acceptors.putIfAbsent(id, Boolean.TRUE) != null) {
            return;
        }
        process.refs.incrementAndGet();
        Thread t = new Thread(() -> {
            try {
                while (!closed && acceptors.containsKey(id)) {
                    step.run();
                }
            } catch (RuntimeException e) {
                if (acceptors.containsKey(id)) {
                    onError.accept(e);
                }
            } finally {
                if (Boolean.TRUE.equals(acceptors.remove(id))) {
                    process.refs.decrementAndGet();
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    // ---- child processes ----

    /**
     * Starts a child. {@code stdio} holds three fds of this process to become the child's 0, 1, 2 (-1: inherit
     * this process's own). Returns the pid.
     */
    @Export
    public int spawn(String file, Value args, Value env, @Nullable String cwd, Value stdio, boolean detached) {
        List<String> argv = new ArrayList<>();
        for (long i = 0; i < args.getArraySize(); i++) {
            argv.add(args.getArrayElement(i).asString());
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (String k : env.getMemberKeys()) {
            Value v = env.getMember(k);
            if (v != null && !v.isNull()) {
                environment.put(k, v.isString() ? v.asString() : v.toString());
            }
        }
        int[] fds = new int[3];
        for (int i = 0; i < 3; i++) {
            fds[i] = stdio.getArrayElement(i).asInt();
        }
        // stdio entries past 2 (extra pipes, the IPC channel) become the child's fds 3, 4, ...
        List<SpawnRequest.FileAction> actions = new ArrayList<>();
        for (int i = 3; i < stdio.getArraySize(); i++) {
            int fd = stdio.getArrayElement(i).asInt();
            if (fd >= 0) {
                actions.add(new SpawnRequest.FileAction.Dup2(fd, i));
            }
        }
        String execPath = file.contains("/") ? file : null;
        return sys.spawn(new SpawnRequest(execPath, argv, environment, cwd, fds[0], fds[1], fds[2], actions,
                detached ? 0 : SpawnRequest.SAME_GROUP, detached));
    }

    /** Waits for {@code pid} on a host thread and delivers {@code exit} with [code, signal] for {@code id}. */
    @Export
    public void watchChild(int pid, int id) {
        process.refs.incrementAndGet();
        Thread t = new Thread(() -> {
            try {
                WaitStatus w = sys.waitpid(pid, 0);
                deliver("child", id, ProxyArray.fromArray(statusOf(w)));
            } catch (RuntimeException e) {
                deliver("child", id, ProxyArray.fromArray(1, null));
            } finally {
                process.refs.decrementAndGet();
            }
        }, "node-wait-" + process.launch.pid() + "-" + pid);
        t.setDaemon(true);
        t.start();
    }


    private static Object[] statusOf(WaitStatus w) {
        if (w.termSignal() != null) {
            return new Object[] {null, signalName(w.termSignal())};
        }
        return new Object[] {w.exitCode(), null};
    }

    /** Blocking read of a whole pipe (for spawnSync), bounded by {@code max} bytes. */
    private ByteBuffer drain(int fd, double max) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = sys.read(fd, buf, 0, buf.length)) > 0) {
            if (out.size() + n <= max) {
                out.write(buf, 0, n);
            }
        }
        return ByteBuffer.wrap(out.toByteArray());
    }

    /**
     * Runs a child to completion with pipes for its stdio (spawnSync): writes {@code input}, collects stdout and
     * stderr on host threads so neither pipe can fill up and deadlock, and returns [status, signal, stdout, stderr].
     */
    @Export
    public ProxyArray runSync(String file, Value args, Value env, @Nullable String cwd, @Nullable Value input,
            Value inherit, double maxBuffer, double timeoutMs, String killSignal) throws InterruptedException {
        int[] in = sys.pipe(Syscalls.O_CLOEXEC);
        int[] out = inherit.getArrayElement(1).asBoolean() ? null : sys.pipe(Syscalls.O_CLOEXEC);
        int[] err = inherit.getArrayElement(2).asBoolean() ? null : sys.pipe(Syscalls.O_CLOEXEC);
        int pid;
        try {
            int[] stdio = {in[0], out == null ? -1 : out[1], err == null ? -1 : err[1]};
            pid = spawn(file, args, env, cwd, Value.asValue(stdio), false);
        } finally {
            sys.close(in[0]);
            if (out != null) {
                sys.close(out[1]);
            }
            if (err != null) {
                sys.close(err[1]);
            }
        }
        java.util.concurrent.CompletableFuture<ByteBuffer> stdout = out == null
                ? java.util.concurrent.CompletableFuture.completedFuture(ByteBuffer.allocate(0))
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> drainAndClose(out[0], maxBuffer), Thread::startVirtualThread);
        java.util.concurrent.CompletableFuture<ByteBuffer> stderr = err == null
                ? java.util.concurrent.CompletableFuture.completedFuture(ByteBuffer.allocate(0))
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> drainAndClose(err[0], maxBuffer), Thread::startVirtualThread);
        try {
            if (input != null && !input.isNull()) {
                byte[] data = new byte[(int) input.getBufferSize()];
                input.readBuffer(0, data, 0, data.length);
                writeAll(in[1], data, -1);
            }
        } catch (ErrnoException e) {
            // The child closed its stdin early (EPIPE): like node, not an error of the call.
        } finally {
            sys.close(in[1]);
        }
        // Like node: past the timeout the child gets killSignal and the call reports ETIMEDOUT.
        java.util.concurrent.atomic.AtomicBoolean timedOut = new java.util.concurrent.atomic.AtomicBoolean();
        Signal kill = Signal.valueOf(killSignal);
        ScheduledFuture<?> killer = timeoutMs > 0
                ? TIMERS.schedule(() -> {
                    timedOut.set(true);
                    sys.kill(pid, kill);
                }, (long) timeoutMs, TimeUnit.MILLISECONDS) : null;
        WaitStatus w = sys.waitpid(pid, 0);
        if (killer != null) {
            killer.cancel(false);
        }
        Object[] status = statusOf(w);
        return ProxyArray.fromArray(status[0], status[1], stdout.join(), stderr.join(), timedOut.get());
    }

    private ByteBuffer drainAndClose(int fd, double max) {
        try {
            return drain(fd, max);
        } finally {
            sys.close(fd);
        }
    }

    private static @Nullable String signalName(int number) {
        for (Signal s : Signal.values()) {
            if (s.number() == number) {
                return s.name();
            }
        }
        return null;
    }

    // ---- crypto (JCA) ----

    private static String jcaDigest(String alg) {
        return switch (alg.toLowerCase(java.util.Locale.ROOT).replace("-", "")) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            case "sha224" -> "SHA-224";
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            case "sha512224" -> "SHA-512/224";
            case "sha512256" -> "SHA-512/256";
            case "sha3224" -> "SHA3-224";
            case "sha3256" -> "SHA3-256";
            case "sha3384" -> "SHA3-384";
            case "sha3512" -> "SHA3-512";
            default -> throw new IllegalArgumentException("Digest method not supported: " + alg);
        };
    }

    /** Whether {@code alg} names a digest the JDK provides. */
    @Export
    public boolean hasDigest(String alg) {
        try {
            java.security.MessageDigest.getInstance(jcaDigest(alg));
            return true;
        } catch (IllegalArgumentException | java.security.NoSuchAlgorithmException e) {
            return false;
        }
    }

    @Export
    public ByteBuffer digest(String alg, Value data, int offset, int length) throws java.security.NoSuchAlgorithmException {
        byte[] b = new byte[length];
        data.readBuffer(offset, b, 0, length);
        return ByteBuffer.wrap(java.security.MessageDigest.getInstance(jcaDigest(alg)).digest(b));
    }

    @Export
    public ByteBuffer hmac(String alg, Value key, int keyOffset, int keyLength, Value data, int offset, int length)
            throws java.security.GeneralSecurityException {
        String name = "Hmac" + jcaDigest(alg).replace("-", "");
        byte[] k = new byte[keyLength];
        key.readBuffer(keyOffset, k, 0, keyLength);
        byte[] b = new byte[length];
        data.readBuffer(offset, b, 0, length);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance(name);
        // An empty HMAC key is legal in Node; the JCA refuses a zero-length SecretKeySpec, so use a single-zero-byte
        // key, which HMAC pads to the same block of zeros.
        mac.init(new javax.crypto.spec.SecretKeySpec(k.length == 0 ? new byte[1] : k, name));
        return ByteBuffer.wrap(mac.doFinal(b));
    }

    /** Parses {@code code} as a script without running it: null when it parses, else the SyntaxError's message. */
    @Export
    public @Nullable String syntaxError(String code, String name) {
        org.graalvm.polyglot.Context c = process.context();
        if (c == null) {
            return null;
        }
        try {
            c.parse(org.graalvm.polyglot.Source.newBuilder("js", code, name).buildLiteral());
            return null;
        } catch (org.graalvm.polyglot.PolyglotException e) {
            if (e.isSyntaxError()) {
                String m = e.getMessage();
                return m == null ? "SyntaxError" : m;
            }
            throw e;
        }
    }

    /** {user, system} CPU time of the calling (event-loop) thread in microseconds; zeros where the JVM cannot tell. */
    @Export
    public double[] cpuUsageMicros() {
        java.lang.management.ThreadMXBean b = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = b.isCurrentThreadCpuTimeSupported() ? b.getCurrentThreadCpuTime() : -1;
        long user = b.isCurrentThreadCpuTimeSupported() ? b.getCurrentThreadUserTime() : -1;
        if (cpu < 0 || user < 0) {
            return new double[] {0, 0};
        }
        return new double[] {user / 1000.0, Math.max(0, cpu - user) / 1000.0};
    }

    /** Base64 of a large buffer (the runtime's own loop is slow for megabytes). */
    @Export
    public String base64Encode(Value arrayBuffer, int offset, int length, boolean url) {
        byte[] b = new byte[length];
        arrayBuffer.readBuffer(offset, b, 0, length);
        return url ? java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b) : java.util.Base64.getEncoder().encodeToString(b);
    }

    private static final byte[] B64 = new byte[128];

    static {
        java.util.Arrays.fill(B64, (byte) -1);
        String a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 64; i++) {
            B64[a.charAt(i)] = (byte) i;
        }
        B64['-'] = 62;
        B64['_'] = 63;
    }

    /** Node's lenient base64 decoding (either alphabet, other characters skipped, stops at padding). */
    @Export
    public ByteBuffer base64Decode(String s) {
        byte[] out = new byte[s.length() * 3 / 4 + 3];
        int bits = 0;
        int value = 0;
        int j = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=') {
                break;
            }
            int v = c < 128 ? B64[c] : -1;
            if (v < 0) {
                continue;
            }
            value = (value << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[j++] = (byte) (value >> bits);
            }
        }
        return ByteBuffer.wrap(out, 0, j).slice();
    }

    private @Nullable NodeCrypto crypto;

    /** Ciphers, keys, signatures and key agreement (see NodeCrypto). */
    @Export
    public NodeCrypto crypto() {
        NodeCrypto c = crypto;
        if (c == null) {
            c = new NodeCrypto();
            crypto = c;
        }
        return c;
    }

    // ---- TLS run by the guest over its own streams (TlsContext, TlsEngine) ----

    /**
     * A secure context from {@code options}: {@code certs}, {@code keys} (PEM strings), {@code passphrases} (one
     * per key, or null), {@code pfx} (base64), {@code pfxPassphrases}, {@code ca} (PEM strings, or null for the
     * JDK's trust store plus the VM's extra CAs). Bad input throws an IllegalArgumentException in OpenSSL's words.
     */
    @Export
    public TlsContext tlsContext(Value options) {
        return new TlsContext(strings(options, "certs"), strings(options, "keys"), nullableStrings(options, "passphrases"),
                strings(options, "pfx"), nullableStrings(options, "pfxPassphrases"),
                options.getMember("ca") == null || options.getMember("ca").isNull() ? null : strings(options, "ca"),
                sys.tlsExtraCaCertificates());
    }

    /** A TLS connection of {@code context}; see {@link TlsEngine} for the options. */
    @Export
    public TlsEngine tlsEngine(TlsContext context, boolean server, Value options) {
        return context.engine(server, options);
    }

    private static List<String> strings(Value o, String name) {
        List<String> out = new ArrayList<>();
        Value v = o.getMember(name);
        if (v != null && v.hasArrayElements()) {
            for (long i = 0; i < v.getArraySize(); i++) {
                out.add(v.getArrayElement(i).asString());
            }
        }
        return out;
    }

    private static List<@Nullable String> nullableStrings(Value o, String name) {
        List<@Nullable String> out = new ArrayList<>();
        Value v = o.getMember(name);
        if (v != null && v.hasArrayElements()) {
            for (long i = 0; i < v.getArraySize(); i++) {
                Value e = v.getArrayElement(i);
                out.add(e.isString() ? e.asString() : null);
            }
        }
        return out;
    }

    // ---- zlib (java.util.zip) ----

    /**
     * One-shot compression: {@code op} is deflate, inflate, deflateRaw, inflateRaw, gzip, gunzip or unzip
     * (gzip or zlib, by the header). Corrupt input throws an IllegalArgumentException with zlib's wording.
     */
    @Export
    public ByteBuffer zlib(String op, Value data, int offset, int length, int level) throws java.io.IOException {
        byte[] in = new byte[length];
        data.readBuffer(offset, in, 0, length);
        int lvl = level < -1 || level > 9 ? -1 : level;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        switch (op) {
            case "deflate", "deflateRaw" -> {
                java.util.zip.Deflater d = new java.util.zip.Deflater(lvl, op.equals("deflateRaw"));
                try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(out, d)) {
                    z.write(in);
                } finally {
                    d.end();
                }
            }
            case "gzip" -> {
                try (LeveledGzip z = new LeveledGzip(out, lvl)) {
                    z.write(in);
                }
            }
            case "inflate", "inflateRaw" -> inflate(in, op.equals("inflateRaw"), out);
            case "gunzip" -> gunzip(in, out);
            case "unzip" -> {
                if (in.length >= 2 && (in[0] & 0xff) == 0x1f && (in[1] & 0xff) == 0x8b) {
                    gunzip(in, out);
                } else {
                    inflate(in, false, out);
                }
            }
            default -> throw new IllegalArgumentException("unknown zlib operation " + op);
        }
        return ByteBuffer.wrap(out.toByteArray());
    }

    /** GZIPOutputStream with a compression level (the JDK's constructor has none). */
    private static final class LeveledGzip extends java.util.zip.GZIPOutputStream {
        LeveledGzip(java.io.OutputStream out, int level) throws java.io.IOException {
            super(out);
            def.setLevel(level);
        }
    }

    private static void inflate(byte[] in, boolean raw, java.io.ByteArrayOutputStream out) {
        java.util.zip.Inflater inf = new java.util.zip.Inflater(raw);
        try {
            inf.setInput(in);
            byte[] buf = new byte[64 * 1024];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new IllegalArgumentException("unexpected end of file");
                }
                out.write(buf, 0, n);
            }
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalArgumentException(e.getMessage() == null ? "invalid data" : e.getMessage());
        } finally {
            inf.end();
        }
    }

    private static void gunzip(byte[] in, java.io.ByteArrayOutputStream out) throws java.io.IOException {
        try (java.util.zip.GZIPInputStream z = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(in))) {
            z.transferTo(out);
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException(String.valueOf(e.getMessage()).contains("GZIP") ? "incorrect header check" : e.getMessage());
        } catch (java.io.EOFException e) {
            throw new IllegalArgumentException("unexpected end of file");
        }
    }

    /** CRC-32 of the bytes, continuing from {@code initial} (zlib.crc32's second argument). */
    @Export
    public double crc32(Value data, int offset, int length, double initial) {
        byte[] in = new byte[length];
        data.readBuffer(offset, in, 0, length);
        // Continue a CRC the way zlib's crc32() does: pre- and post-conditioning with the running value.
        int crc = ~(int) (long) initial;
        for (byte b : in) {
            crc ^= b & 0xff;
            for (int k = 0; k < 8; k++) {
                crc = (crc >>> 1) ^ (0xEDB88320 & -(crc & 1));
            }
        }
        return ~crc & 0xffffffffL;
    }

    /** The numeric errno Node reports (negative), for an errno name. */
    @Export
    public int errnoNumber(String name) {
        try {
            return -Errno.valueOf(name).code();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** Every errno as "code name description" lines (util.getSystemErrorMap). */
    @Export
    public String errnoTable() {
        StringBuilder b = new StringBuilder();
        for (Errno e : Errno.values()) {
            b.append(e.code()).append(' ').append(e.name()).append(' ').append(e.description()).append('\n');
        }
        return b.toString();
    }

    @Export
    public String errnoDescription(String name) {
        try {
            return Errno.valueOf(name).description();
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
