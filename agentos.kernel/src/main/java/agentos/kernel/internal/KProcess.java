package agentos.kernel.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.fs.DirEntry;
import agentos.api.fs.FileStat;
import agentos.api.fs.GuestPaths;
import agentos.api.process.ProcessState;
import agentos.api.process.Signal;
import agentos.api.spi.Caller;
import agentos.api.spi.ExecutorProcess;
import agentos.api.spi.GuestExit;
import agentos.api.spi.SignalAction;
import agentos.api.spi.SpawnRequest;
import agentos.api.spi.Syscalls;
import agentos.api.spi.TermMode;
import agentos.api.spi.VfsFile;
import agentos.api.spi.WaitStatus;
import agentos.kernel.internal.PermissionEngine.Scope;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One guest process: its identity, fd table, cwd, signal dispositions and exit state, and — as {@link Syscalls} —
 * the kernel interface its executor calls. Blocking calls wait in short slices so that signals and kills are seen
 * promptly without interrupting the executor's thread.
 */
final class KProcess implements Syscalls {
    final Kernel kernel;
    final int pid;
    volatile int ppid;
    volatile int pgid;
    volatile int sid;
    final List<String> argv;
    final Map<String, String> env;
    final String programPath;
    final long startedAtMs;
    final FdTable fds;
    final ProcessIo io;
    private final Caller caller;
    private volatile String cwd;
    volatile String executorId;
    volatile ExecutorProcess executorProcess;
    final java.util.concurrent.CompletableFuture<agentos.api.process.ProcessExit> exitFuture =
            new java.util.concurrent.CompletableFuture<>();

    volatile ProcessState state = ProcessState.RUNNING;
    /** Whether this process's slot under maxProcesses was given back (at exit for host processes, else at reap). */
    final java.util.concurrent.atomic.AtomicBoolean slotReleased = new java.util.concurrent.atomic.AtomicBoolean();
    volatile Integer exitCode;
    volatile Signal termSignal;
    volatile boolean timedOut;
    volatile long exitedAtMs;
    private volatile Signal killSignal;
    private final Map<Signal, SignalAction> actions = new EnumMap<>(Signal.class);
    private final AtomicLong interruptEpoch = new AtomicLong();
    private final ThreadLocal<long[]> blockingEpoch = ThreadLocal.withInitial(() -> new long[1]);
    private final SecureRandom random = new SecureRandom();

    KProcess(Kernel kernel, int pid, int ppid, int pgid, int sid, List<String> argv, Map<String, String> env,
            String cwd, String programPath, FdTable fds, ProcessIo io, Caller caller, long now) {
        this.kernel = kernel;
        this.pid = pid;
        this.ppid = ppid;
        this.pgid = pgid;
        this.sid = sid;
        this.argv = List.copyOf(argv);
        this.env = Map.copyOf(env);
        this.cwd = cwd;
        this.programPath = programPath;
        this.fds = fds;
        this.io = io;
        this.caller = caller;
        this.startedAtMs = now;
    }

    Caller caller() {
        return caller;
    }

    String cwd() {
        return cwd;
    }

    boolean alive() {
        return state != ProcessState.EXITED;
    }

    // ---- signals ----

    SignalAction action(Signal s) {
        synchronized (actions) {
            return actions.getOrDefault(s, SignalAction.DEFAULT);
        }
    }

    /** Records a kill: blocking syscalls now unwind the guest with status 128+n. */
    void markKilled(Signal s) {
        if (killSignal == null) {
            killSignal = s;
        }
        kernel.readiness().changed();
    }

    Signal killSignal() {
        return killSignal;
    }

    /** A caught signal interrupts the current blocking call (EINTR). */
    void interrupt() {
        interruptEpoch.incrementAndGet();
        kernel.readiness().changed();
    }

    /** Raised by the kernel on this process itself (e.g. SIGPIPE on a write to a closed pipe). */
    void raise(Signal s) {
        kernel.deliver(this, s);
    }

    private void beginBlocking() {
        blockingEpoch.get()[0] = interruptEpoch.get();
    }

    /** Called from inside blocking waits: unwinds when killed, EINTR when a caught signal arrived, waits if stopped. */
    void checkWakeup(String op) {
        Signal k = killSignal;
        if (k != null) {
            throw new GuestExit(128 + k.number());
        }
        if (state == ProcessState.EXITED) {
            // A helper thread of a process that has exited (e.g. a runtime's socket reader) must not keep its
            // descriptions alive: unwind it so the last close can happen.
            throw new GuestExit(exitCode == null ? 1 : exitCode);
        }
        if (interruptEpoch.get() != blockingEpoch.get()[0]) {
            blockingEpoch.get()[0] = interruptEpoch.get();
            throw new ErrnoException(Errno.EINTR, op, null);
        }
        while (state == ProcessState.STOPPED && killSignal == null) {
            kernel.readiness().await(kernel.readiness().version(), 25);
        }
    }

    private void enter() {
        if (killSignal != null || state == ProcessState.STOPPED) {
            beginBlocking();
            checkWakeup("syscall");
        }
    }

    // ---- identity ----

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public int ppid() {
        return ppid;
    }

    @Override
    public int uid() {
        return caller.uid();
    }

    @Override
    public int gid() {
        return caller.gid();
    }

    // ---- paths ----

    String abs(String path) {
        return GuestPaths.resolve(cwd, path);
    }

    private String checked(String op, String path, String syscall) {
        String p = abs(path);
        kernel.checkFs(this, op, p, syscall);
        return p;
    }

    // ---- fds ----

    @Override
    public int open(String path, int flags, int mode) {
        enter();
        String p = checked((flags & 3) == O_RDONLY && (flags & O_CREAT) == 0 ? "read" : "write", path, "open");
        VfsFile f = kernel.vfs().open(caller, p, flags, mode);
        FileDesc d = new FileDesc(f, flags, kernel.limits().resources().maxPreadBytes(),
                kernel.limits().resources().maxFdWriteBytes());
        return fds.install(d, (flags & O_CLOEXEC) != 0, 0);
    }

    @Override
    public int read(int fd, byte[] buf, int off, int len) {
        enter();
        beginBlocking();
        OpenFile f = fds.acquire(fd, "read");
        try {
            if (!f.readable()) {
                throw new ErrnoException(Errno.EBADF, "read", null, "fd " + fd + " is not open for reading");
            }
            return f.read(this, buf, off, (int) Math.min(len, kernel.limits().resources().maxPreadBytes()));
        } finally {
            f.release();
        }
    }

    @Override
    public int write(int fd, byte[] buf, int off, int len) {
        enter();
        beginBlocking();
        OpenFile f = fds.acquire(fd, "write");
        try {
            if (!f.writable()) {
                throw new ErrnoException(Errno.EBADF, "write", null, "fd " + fd + " is not open for writing");
            }
            return f.write(this, buf, off, (int) Math.min(len, kernel.limits().resources().maxFdWriteBytes()));
        } finally {
            f.release();
        }
    }

    @Override
    public int pread(int fd, byte[] buf, int off, int len, long position) {
        enter();
        OpenFile f = fds.acquire(fd, "pread");
        try {
            return f.pread(this, buf, off, (int) Math.min(len, kernel.limits().resources().maxPreadBytes()), position);
        } finally {
            f.release();
        }
    }

    @Override
    public int pwrite(int fd, byte[] buf, int off, int len, long position) {
        enter();
        OpenFile f = fds.acquire(fd, "pwrite");
        try {
            return f.pwrite(this, buf, off, (int) Math.min(len, kernel.limits().resources().maxFdWriteBytes()), position);
        } finally {
            f.release();
        }
    }

    @Override
    public long seek(int fd, long offset, int whence) {
        return fds.get(fd, "lseek").seek(offset, whence);
    }

    @Override
    public void close(int fd) {
        fds.close(fd);
    }

    @Override
    public FileStat fstat(int fd) {
        return fds.get(fd, "fstat").stat();
    }

    @Override
    public String fdPath(int fd) {
        OpenFile f = fds.get(fd, "fdPath");
        if (f instanceof FileDesc d) {
            return d.path();
        }
        throw new ErrnoException(Errno.ENOTSUP, "fdPath", f.describe(), "not a file or directory");
    }

    @Override
    public List<DirEntry> readdirFd(int fd) {
        enter();
        String p = fdPath(fd);
        kernel.checkFs(this, "readdir", p, "getdents");
        return kernel.vfs().readdir(caller, p);
    }

    @Override
    public void ftruncate(int fd, long length) {
        fds.get(fd, "ftruncate").truncate(length);
    }

    @Override
    public void fsync(int fd) {
        fds.get(fd, "fsync").sync();
    }

    @Override
    public int fcntlGetFlags(int fd) {
        OpenFile f = fds.get(fd, "fcntl");
        return f.accessMode | f.statusFlags() | (fds.cloexec(fd) ? O_CLOEXEC : 0);
    }

    @Override
    public void fcntlSetFlags(int fd, int flags) {
        OpenFile f = fds.get(fd, "fcntl");
        f.setStatusFlags(flags);
        fds.setCloexec(fd, (flags & O_CLOEXEC) != 0);
    }

    @Override
    public int[] pipe(int flags) {
        enter();
        Pipe p = kernel.newPipe();
        Pipe.End r = p.readEnd();
        Pipe.End w = p.writeEnd();
        r.setStatusFlags(flags);
        w.setStatusFlags(flags);
        boolean cloexec = (flags & O_CLOEXEC) != 0;
        int rfd;
        try {
            rfd = fds.install(r, cloexec, 0);
        } catch (ErrnoException e) {
            w.release();
            throw e;
        }
        try {
            return new int[] {rfd, fds.install(w, cloexec, 0)};
        } catch (ErrnoException e) {
            fds.close(rfd);
            throw e;
        }
    }

    @Override
    public int dup(int fd) {
        return fds.dup(fd, 0, false);
    }

    @Override
    public int dupMin(int fd, int minFd, boolean closeOnExec) {
        if (minFd < 0) {
            throw new ErrnoException(Errno.EINVAL, "fcntl", null, "negative minimum fd");
        }
        return fds.dup(fd, minFd, closeOnExec);
    }

    @Override
    public int dup2(int fd, int newFd) {
        return fds.dup2(fd, newFd);
    }

    @Override
    public boolean isatty(int fd) {
        return fds.get(fd, "isatty").pty() != null;
    }

    // ---- filesystem ----

    @Override
    public FileStat stat(String path) {
        enter();
        return kernel.vfs().stat(caller, checked("stat", path, "stat"));
    }

    @Override
    public FileStat lstat(String path) {
        enter();
        return kernel.vfs().lstat(caller, checked("stat", path, "lstat"));
    }

    @Override
    public List<DirEntry> readdir(String path) {
        enter();
        return kernel.vfs().readdir(caller, checked("readdir", path, "scandir"));
    }

    @Override
    public void mkdir(String path, int mode) {
        enter();
        kernel.vfs().mkdir(caller, checked("create_dir", path, "mkdir"), mode);
    }

    @Override
    public void rmdir(String path) {
        enter();
        kernel.vfs().rmdir(caller, checked("rm", path, "rmdir"));
    }

    @Override
    public void unlink(String path) {
        enter();
        kernel.vfs().unlink(caller, checked("rm", path, "unlink"));
    }

    @Override
    public void rename(String from, String to) {
        enter();
        kernel.vfs().rename(caller, checked("rename", from, "rename"), checked("rename", to, "rename"));
    }

    @Override
    public void symlink(String target, String linkPath) {
        enter();
        kernel.vfs().symlink(caller, target, checked("symlink", linkPath, "symlink"));
    }

    @Override
    public String readlink(String path) {
        enter();
        return kernel.vfs().readlink(caller, checked("readlink", path, "readlink"));
    }

    @Override
    public void link(String existing, String newPath) {
        enter();
        kernel.vfs().link(caller, checked("read", existing, "link"), checked("write", newPath, "link"));
    }

    @Override
    public void chmod(String path, int mode) {
        enter();
        kernel.vfs().chmod(caller, checked("chmod", path, "chmod"), mode);
    }

    @Override
    public void chown(String path, int uid, int gid) {
        enter();
        kernel.vfs().chown(caller, checked("chmod", path, "chown"), uid, gid);
    }

    @Override
    public void utimes(String path, long atimeMs, long mtimeMs) {
        enter();
        kernel.vfs().utimes(caller, checked("write", path, "utimes"), atimeMs, mtimeMs);
    }

    @Override
    public void truncate(String path, long length) {
        enter();
        kernel.vfs().truncate(caller, checked("truncate", path, "truncate"), length);
    }

    @Override
    public String realpath(String path) {
        enter();
        return kernel.vfs().realpath(caller, checked("stat", path, "realpath"));
    }

    @Override
    public String getcwd() {
        return cwd;
    }

    @Override
    public void chdir(String path) {
        enter();
        String p = checked("stat", path, "chdir");
        String real = kernel.vfs().realpath(caller, p);
        FileStat st = kernel.vfs().stat(caller, real);
        if (!st.isDirectory()) {
            throw new ErrnoException(Errno.ENOTDIR, "chdir", p);
        }
        cwd = p.equals(real) ? p : real;
    }

    @Override
    public Map<String, String> environ() {
        return env;
    }

    // ---- processes ----

    @Override
    public int spawn(SpawnRequest request) {
        enter();
        return kernel.spawnChild(this, request).pid;
    }

    @Override
    public WaitStatus waitpid(int target, int options) {
        enter();
        beginBlocking();
        return kernel.waitpid(this, target, options);
    }

    @Override
    public void kill(int target, Signal signal) {
        enter();
        kernel.kill(this, target, signal);
    }

    @Override
    public void sleep(long millis) {
        enter();
        beginBlocking();
        long deadline = System.nanoTime() + Math.max(0, millis) * 1_000_000L;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return;
            }
            checkWakeup("nanosleep");
            kernel.readiness().await(kernel.readiness().version(), Math.min(left, 25));
        }
    }

    @Override
    public long clockRealtimeNanos() {
        long ms = System.currentTimeMillis();
        if (kernel.config().highResolutionTime()) {
            return ms * 1_000_000L + System.nanoTime() % 1_000_000L;
        }
        return ms * 1_000_000L;
    }

    @Override
    public long clockMonotonicNanos() {
        long n = System.nanoTime();
        return kernel.config().highResolutionTime() ? n : n - n % 1_000_000L;
    }

    @Override
    public void randomBytes(byte[] buf) {
        random.nextBytes(buf);
    }

    @Override
    public void flock(int fd, int operation) {
        enter();
        beginBlocking();
        OpenFile f = fds.get(fd, "flock");
        FileStat st = f.stat();
        String dev = f instanceof FileDesc d ? kernel.deviceOf(d.path()) : "anon";
        if ((operation & LOCK_UN) != 0) {
            kernel.flocks().unlock(dev, st.ino(), f);
            return;
        }
        boolean exclusive = (operation & LOCK_EX) != 0;
        if (!exclusive && (operation & LOCK_SH) == 0) {
            throw new ErrnoException(Errno.EINVAL, "flock", null, "operation " + operation);
        }
        f.onClose(() -> kernel.flocks().releaseAll(f));
        while (!kernel.flocks().tryLock(dev, st.ino(), f, exclusive)) {
            if ((operation & LOCK_NB) != 0) {
                throw new ErrnoException(Errno.EAGAIN, "flock", null, "locked by another open file");
            }
            checkWakeup("flock");
            kernel.flocks().awaitChange(25);
        }
    }

    @Override
    public int poll(int[] pollFds, short[] events, short[] revents, long timeoutMs) {
        enter();
        beginBlocking();
        long deadline = timeoutMs < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            long seen = kernel.readiness().version();
            int ready = 0;
            for (int i = 0; i < pollFds.length; i++) {
                short r;
                try {
                    OpenFile f = fds.get(pollFds[i], "poll");
                    short all = f.readiness();
                    r = (short) (all & (events[i] | POLLHUP | POLLERR));
                } catch (ErrnoException e) {
                    r = pollFds[i] < 0 ? 0 : POLLNVAL;
                }
                revents[i] = r;
                if (r != 0) {
                    ready++;
                }
            }
            if (ready > 0 || timeoutMs == 0) {
                return ready;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (timeoutMs > 0 && left <= 0) {
                return 0;
            }
            checkWakeup("poll");
            kernel.readiness().await(seen, Math.min(25, timeoutMs < 0 ? 25 : Math.max(1, left)));
        }
    }

    @Override
    public void sigaction(Signal signal, SignalAction action) {
        if (signal == Signal.SIGKILL || signal == Signal.SIGSTOP) {
            throw new ErrnoException(Errno.EINVAL, "sigaction", null, signal + " cannot be caught or ignored");
        }
        synchronized (actions) {
            actions.put(signal, action);
        }
    }

    private Pty ptyOf(int fd, String op) {
        Pty pty = fds.get(fd, op).pty();
        if (pty == null) {
            throw new ErrnoException(Errno.ENOTTY, op, null, "fd " + fd + " is not a terminal");
        }
        return pty;
    }

    @Override
    public int[] openpty(int cols, int rows) {
        enter();
        Pty pty = kernel.newPty(cols, rows);
        Pty.End master = pty.master();
        Pty.End slave = pty.slave();
        int m;
        try {
            m = fds.install(master, false, 0);
        } catch (ErrnoException e) {
            slave.release();
            throw e;
        }
        try {
            return new int[] {m, fds.install(slave, false, 0)};
        } catch (ErrnoException e) {
            fds.close(m);
            throw e;
        }
    }

    @Override
    public TermMode tcgetattr(int fd) {
        return ptyOf(fd, "tcgetattr").mode();
    }

    @Override
    public void tcsetattr(int fd, TermMode mode) {
        ptyOf(fd, "tcsetattr").setMode(mode);
    }

    @Override
    public int[] tcgetwinsize(int fd) {
        return ptyOf(fd, "ioctl").size();
    }

    @Override
    public void tcsetwinsize(int fd, int cols, int rows) {
        if (cols < 1 || rows < 1) {
            throw new ErrnoException(Errno.EINVAL, "ioctl", null, "window size " + cols + "x" + rows);
        }
        ptyOf(fd, "ioctl").resize(cols, rows);
    }

    @Override
    public void tcsetpgrp(int fd, int group) {
        ptyOf(fd, "tcsetpgrp").setForeground(group == 0 ? pgid : group);
    }

    @Override
    public int getpgid(int target) {
        if (target == 0 || target == pid) {
            return pgid;
        }
        return kernel.process(target).orElseThrow(() -> new ErrnoException(Errno.ESRCH, "getpgid", null)).pgid;
    }

    @Override
    public void setpgid(int target, int group) {
        KProcess p = target == 0 || target == pid ? this
                : kernel.process(target).orElseThrow(() -> new ErrnoException(Errno.ESRCH, "setpgid", null));
        if (p != this && p.ppid != pid) {
            throw new ErrnoException(Errno.ESRCH, "setpgid", null, "not the caller or its child");
        }
        p.pgid = group == 0 ? p.pid : group;
    }

    @Override
    public int setsid() {
        if (pgid == pid) {
            throw new ErrnoException(Errno.EPERM, "setsid", null, "already a process group leader");
        }
        sid = pid;
        pgid = pid;
        return sid;
    }

    @Override
    public int getsid() {
        return sid;
    }

    // ---- sockets ----

    private SocketDesc socketOf(int fd, String op) {
        if (fds.get(fd, op) instanceof SocketDesc s) {
            return s;
        }
        throw new ErrnoException(Errno.ENOTSUP, op, "fd " + fd, "not a socket");
    }

    private DgramDesc dgramOf(int fd) {
        return fds.get(fd, "socket") instanceof DgramDesc d ? d : null;
    }

    @Override
    public int socket(int domain, int type, int flags) {
        enter();
        OpenFile s = kernel.net().socket(domain, type, flags);
        try {
            return fds.install(s, (flags & O_CLOEXEC) != 0, 0);
        } catch (ErrnoException e) {
            s.release();
            throw e;
        }
    }

    @Override
    public void bind(int fd, agentos.api.spi.SockAddr address) {
        enter();
        DgramDesc d = dgramOf(fd);
        if (d != null) {
            kernel.net().bind(d, address);
            return;
        }
        kernel.net().bind(socketOf(fd, "bind"), address);
    }

    @Override
    public void listen(int fd, int backlog) {
        enter();
        kernel.net().listen(socketOf(fd, "listen"), backlog);
    }

    @Override
    public int accept(int fd, int flags) {
        enter();
        beginBlocking();
        SocketDesc c = kernel.net().accept(this, socketOf(fd, "accept"));
        c.setStatusFlags(flags);
        try {
            return fds.install(c, (flags & O_CLOEXEC) != 0, 0);
        } catch (ErrnoException e) {
            c.release();
            throw e;
        }
    }

    @Override
    public void connect(int fd, agentos.api.spi.SockAddr address) {
        enter();
        DgramDesc d = dgramOf(fd);
        if (d != null) {
            kernel.net().connect(d, address);
            return;
        }
        kernel.net().connect(socketOf(fd, "connect"), address);
    }

    @Override
    public void tlsClient(int fd, String serverName, boolean verifyPeer) {
        tlsClient(fd, serverName, verifyPeer, List.of());
    }

    @Override
    public List<String> tlsExtraCaCertificates() {
        return kernel.config().extraCaCertificates();
    }

    @Override
    public @org.jspecify.annotations.Nullable String tlsAlpnProtocol(int fd) {
        return socketOf(fd, "tls").tlsAlpnChosen;
    }

    @Override
    public void tlsClient(int fd, String serverName, boolean verifyPeer, List<String> alpnProtocols) {
        SocketDesc s = socketOf(fd, "tls");
        for (String p : alpnProtocols) {
            if (p.isEmpty() || p.length() > 255) {
                throw new ErrnoException(Errno.EINVAL, "tls", s.name(), "ALPN protocol names are 1 to 255 bytes: '" + p + "'");
            }
        }
        s.tlsAlpn = List.copyOf(alpnProtocols);
        if (s.state == SocketDesc.State.CONNECTED || s.state == SocketDesc.State.LISTENING) {
            throw new ErrnoException(Errno.EISCONN, "tls", s.name(), "TLS must be requested before connect");
        }
        s.tlsServerName = serverName;
        s.tlsVerify = verifyPeer;
    }

    @Override
    public int recv(int fd, byte[] buf, int off, int len, int flags) {
        enter();
        beginBlocking();
        DgramDesc d = dgramOf(fd);
        if (d != null) {
            return d.receive(this, buf, off, len, flags).length();
        }
        return socketOf(fd, "recv").recv(this, buf, off, len, flags);
    }

    @Override
    public int sendto(int fd, byte[] buf, int off, int len, int flags, agentos.api.spi.@org.jspecify.annotations.Nullable SockAddr to) {
        enter();
        DgramDesc d = dgramOf(fd);
        if (d == null) {
            if (to != null) {
                throw new ErrnoException(Errno.EISCONN, "sendto", "fd " + fd, "a stream socket sends to its peer");
            }
            return write(fd, buf, off, len);
        }
        agentos.api.spi.SockAddr dest = to != null ? to : d.peer;
        if (dest == null) {
            throw new ErrnoException(Errno.ENOTCONN, "sendto", d.name(), "no destination and not connected");
        }
        return kernel.net().sendto(d, buf, off, len, dest);
    }

    @Override
    public Received recvfrom(int fd, byte[] buf, int off, int len, int flags) {
        enter();
        beginBlocking();
        DgramDesc d = dgramOf(fd);
        if (d == null) {
            SocketDesc s = socketOf(fd, "recvfrom");
            int n = s.recv(this, buf, off, len, flags);
            return new Received(n, s.peer == null ? agentos.api.spi.SockAddr.inet("0.0.0.0", 0) : s.peer);
        }
        return d.receive(this, buf, off, len, flags);
    }

    @Override
    public void shutdown(int fd, int how) {
        socketOf(fd, "shutdown").shutdown(how);
    }

    @Override
    public agentos.api.spi.SockAddr getsockname(int fd) {
        DgramDesc d = dgramOf(fd);
        if (d != null) {
            agentos.api.spi.SockAddr a = d.local;
            return a != null ? a : new agentos.api.spi.SockAddr(d.family, d.family == AF_INET6 ? "::" : "0.0.0.0", 0);
        }
        SocketDesc s = socketOf(fd, "getsockname");
        agentos.api.spi.SockAddr a = s.local;
        if (a == null) {
            // Like Linux: an unbound socket reports the unspecified address.
            return s.family == AF_UNIX ? agentos.api.spi.SockAddr.unix("")
                    : new agentos.api.spi.SockAddr(s.family, s.family == AF_INET6 ? "::" : "0.0.0.0", 0);
        }
        return a;
    }

    @Override
    public agentos.api.spi.SockAddr getpeername(int fd) {
        DgramDesc d = dgramOf(fd);
        agentos.api.spi.SockAddr a = d != null ? d.peer : socketOf(fd, "getpeername").peer;
        if (a == null) {
            throw new ErrnoException(Errno.ENOTCONN, "getpeername", "fd " + fd);
        }
        return a;
    }

    @Override
    public List<String> getaddrinfo(String host) {
        enter();
        return kernel.net().getaddrinfo(host);
    }

    @Override
    public void exit(int status) {
        throw new GuestExit(status & 0xff);
    }

    @Override
    public String toString() {
        return "process " + pid + " (" + (argv.isEmpty() ? "?" : argv.get(0)) + ") of " + kernel.vmId();
    }
}
