package agentos.kernel.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.LimitWarning;
import agentos.api.config.PermissionMode;
import agentos.api.config.VmConfig;
import agentos.api.config.VmLimits;
import agentos.api.fs.FileStat;
import agentos.api.fs.GuestPaths;
import agentos.api.fs.MountInfo;
import agentos.api.process.ProcessExit;
import agentos.api.process.ProcessState;
import agentos.api.process.Signal;
import agentos.api.spi.Caller;
import agentos.api.spi.Executor;
import agentos.api.spi.ExecutorProcess;
import agentos.api.spi.GuestExit;
import agentos.api.spi.LaunchContext;
import agentos.api.spi.ProgramHeader;
import agentos.api.spi.SignalAction;
import agentos.api.spi.SpawnRequest;
import agentos.api.spi.Syscalls;
import agentos.api.spi.VfsFile;
import agentos.api.spi.VirtualFilesystem;
import agentos.api.spi.WaitStatus;
import agentos.kernel.internal.PermissionEngine.Scope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The kernel of one VM: process table, spawning (PATH lookup, binfmt-style choice of executor, shebangs),
 * signals and their default actions, waiting and reaping, pipes, PTYs, locks, and the fs/childProcess/process
 * permission checks. Guest-facing calls come through {@link KProcess}; host-facing ones through the namespaces.
 */
final class Kernel {
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/opt/agentos/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    static final long ZOMBIE_TTL_MS = 60_000;
    private static final int MAX_INTERPRETER_DEPTH = 4;

    private final String vmId;
    private final VmConfig config;
    private final VirtualFilesystem vfs;
    private final PermissionEngine perms;
    private final Supplier<List<Executor>> executors;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final Readiness readiness = new Readiness();
    private final Flocks flocks = new Flocks();
    private final Gauge processes;
    private final Gauge pipes;
    private final Gauge ptys;
    private final NetStack net;
    private final TreeMap<Integer, KProcess> table = new TreeMap<>();
    private final Object tableLock = new Object();
    private final AtomicInteger nextPid = new AtomicInteger(1);
    private final AtomicLong nextPipe = new AtomicLong(1);
    private final AtomicInteger nextPty = new AtomicInteger(0);
    private final boolean fsUnrestricted;
    private volatile boolean disposed;
    /** Pending timers (limits, zombie reaping): cancelled at disposal so the shared scheduler lets the VM go. */
    private final java.util.Set<java.util.concurrent.Future<?>> timers = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Kernel(String vmId, VmConfig config, VirtualFilesystem vfs, Supplier<List<Executor>> executors,
            ScheduledExecutorService scheduler, Consumer<LimitWarning> warnings, LongSupplier clock) {
        this.vmId = vmId;
        this.config = config;
        this.vfs = vfs;
        this.perms = new PermissionEngine(config.permissions());
        this.executors = executors;
        this.scheduler = scheduler;
        this.clock = clock;
        VmLimits.Resources r = config.limits().resources();
        this.processes = new Gauge(vmId, "resources", "maxProcesses", r.maxProcesses(), Errno.EAGAIN, warnings);
        this.pipes = new Gauge(vmId, "resources", "maxPipes", r.maxPipes(), Errno.ENFILE, warnings);
        this.ptys = new Gauge(vmId, "resources", "maxPtys", r.maxPtys(), Errno.EAGAIN, warnings);
        this.net = new NetStack(this,
                new Gauge(vmId, "resources", "maxSockets", r.maxSockets(), Errno.ENFILE, warnings),
                new Gauge(vmId, "resources", "maxConnections", r.maxConnections(), Errno.ENFILE, warnings));
        this.fsUnrestricted = perms.policy().fs().defaultMode() == PermissionMode.ALLOW && perms.policy().fs().rules().isEmpty();
    }

    String vmId() {
        return vmId;
    }

    VmConfig config() {
        return config;
    }

    VmLimits limits() {
        return config.limits();
    }

    VirtualFilesystem vfs() {
        return vfs;
    }

    PermissionEngine permissions() {
        return perms;
    }

    Readiness readiness() {
        return readiness;
    }

    NetStack net() {
        return net;
    }

    Flocks flocks() {
        return flocks;
    }

    Gauge processGauge() {
        return processes;
    }

    long now() {
        return clock.getAsLong();
    }

    // ---- permissions ----

    /** The fs policy, on the path as named and (when it exists) on where its symlinks lead. */
    void checkFs(KProcess p, String op, String path, String syscall) {
        if (fsUnrestricted) {
            return;
        }
        perms.check(Scope.FS, op, path, syscall);
        try {
            String real = vfs.realpath(p.caller(), path);
            if (!real.equals(path)) {
                perms.check(Scope.FS, op, real, syscall);
            }
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EACCES) {
                throw e;
            }
        }
    }

    /** The environment guests may see: entries the env policy denies reading are left out. */
    Map<String, String> visibleEnv(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach((k, v) -> {
            if (perms.allows(Scope.ENV, "read", k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private volatile java.util.function.Supplier<List<agentos.api.spi.SoftwarePackage>> packages = List::of;

    /** The projected software, whose {@code provides.env} fills in the base environment. */
    void packages(java.util.function.Supplier<List<agentos.api.spi.SoftwarePackage>> projected) {
        this.packages = projected;
    }

    /**
     * The base environment of host-started processes. Packages' {@code provides.env} are defaults: the first writer
     * wins, so the VM config, the base variables and earlier packages are never overwritten (as upstream).
     */
    Map<String, String> baseEnv(String cwd) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", config.user().homedir());
        env.put("USER", config.user().username());
        env.put("LOGNAME", config.user().username());
        env.put("SHELL", config.user().shell());
        env.put("HOSTNAME", "agent-os");
        env.put("LANG", "C.UTF-8");
        env.put("PATH", DEFAULT_PATH);
        env.putAll(config.env());
        for (agentos.api.spi.SoftwarePackage p : packages.get()) {
            p.manifest().env().forEach(env::putIfAbsent);
        }
        env.put("PWD", cwd);
        return visibleEnv(env);
    }

    // ---- program resolution ----

    record Program(String path, List<String> argv, ProgramHeader header, Executor executor) {}

    /** Finds {@code argv[0]} (PATH unless it has a '/'), follows shebangs, and picks the executor by header. */
    Program resolve(Caller caller, String execPath, List<String> argv, Map<String, String> env, String cwd) {
        List<String> args = new ArrayList<>(argv);
        String file = execPath == null || execPath.isEmpty() ? args.get(0) : execPath;
        for (int depth = 0; depth <= MAX_INTERPRETER_DEPTH; depth++) {
            String path = lookup(caller, file, env.getOrDefault("PATH", DEFAULT_PATH), cwd);
            byte[] head = readHead(path);
            ProgramHeader header = new ProgramHeader(path, head);
            if (head.length >= 2 && head[0] == '#' && head[1] == '!') {
                List<String> interp = shebang(head, path);
                List<String> next = new ArrayList<>(interp);
                next.add(path);
                next.addAll(args.subList(1, args.size()));
                args = next;
                file = args.get(0);
                continue;
            }
            for (Executor e : executors.get()) {
                if (e.canExecute(header)) {
                    return new Program(path, args, header, e);
                }
            }
            throw new ErrnoException(Errno.ENOEXEC, "spawn", path,
                    head.length >= 4 && head[0] == 0 && head[1] == 'a' && head[2] == 's' && head[3] == 'm'
                            ? "no WebAssembly executor is installed"
                            : "no installed executor runs this file");
        }
        throw new ErrnoException(Errno.ELOOP, "spawn", argv.get(0), "interpreters nest deeper than " + MAX_INTERPRETER_DEPTH);
    }

    private String lookup(Caller caller, String name, String pathVar, String cwd) {
        if (name.isEmpty()) {
            throw new ErrnoException(Errno.ENOENT, "spawn", name);
        }
        if (name.indexOf('/') >= 0) {
            String p = GuestPaths.resolve(cwd, name);
            requireExecutable(caller, p, name);
            return p;
        }
        ErrnoException denied = null;
        for (String dir : pathVar.split(":")) {
            if (dir.isEmpty() || !dir.startsWith("/")) {
                continue;
            }
            String p = GuestPaths.resolve("/", dir + "/" + name);
            try {
                requireExecutable(caller, p, name);
                return p;
            } catch (ErrnoException e) {
                if (e.errno() == Errno.EACCES) {
                    denied = e;
                }
            }
        }
        if (denied != null) {
            throw denied;
        }
        throw new ErrnoException(Errno.ENOENT, "spawn", name, "command not found");
    }

    private void requireExecutable(Caller caller, String path, String name) {
        FileStat st = vfs.stat(caller, path);
        if (st.isDirectory()) {
            throw new ErrnoException(Errno.EACCES, "spawn", name, path + " is a directory");
        }
        boolean exec;
        if (caller.isHost() || caller.isRoot()) {
            exec = (st.mode() & 0111) != 0;
        } else if (caller.uid() == st.uid()) {
            exec = (st.mode() & 0100) != 0;
        } else if (caller.gid() == st.gid()) {
            exec = (st.mode() & 0010) != 0;
        } else {
            exec = (st.mode() & 0001) != 0;
        }
        if (!exec) {
            throw new ErrnoException(Errno.EACCES, "spawn", name, path + " is not executable");
        }
    }

    private byte[] readHead(String path) {
        try (VfsFile f = vfs.open(Caller.HOST, path, Syscalls.O_RDONLY, 0)) {
            byte[] buf = new byte[ProgramHeader.MAX_HEAD];
            int n = f.read(0, buf, 0, buf.length);
            return n <= 0 ? new byte[0] : Arrays.copyOf(buf, n);
        }
    }

    /** {@code #!/bin/sh -e} → [/bin/sh, -e]; {@code #!/usr/bin/env node} → [node] (found through PATH). */
    private static List<String> shebang(byte[] head, String path) {
        int end = 2;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        if (end == head.length && head.length == ProgramHeader.MAX_HEAD) {
            throw new ErrnoException(Errno.ENOEXEC, "spawn", path, "interpreter line too long");
        }
        String line = new String(head, 2, end - 2, StandardCharsets.UTF_8).strip();
        if (line.isEmpty()) {
            throw new ErrnoException(Errno.ENOEXEC, "spawn", path, "empty interpreter line");
        }
        int sp = indexOfSpace(line);
        String interp = sp < 0 ? line : line.substring(0, sp);
        String arg = sp < 0 ? null : line.substring(sp + 1).strip();
        if (interp.equals("/usr/bin/env") && arg != null && !arg.isEmpty()) {
            List<String> out = new ArrayList<>();
            for (String t : arg.split("\\s+")) {
                if (!t.equals("-S")) {
                    out.add(t);
                }
            }
            return out;
        }
        return arg == null || arg.isEmpty() ? List.of(interp) : List.of(interp, arg);
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    // ---- spawning ----

    /** A host-started process: {@code stdio} are references the new process takes over. */
    KProcess spawnHost(List<String> argv, Map<String, String> env, String cwd, OpenFile[] stdio, ProcessIo io) {
        FdTable fds = new FdTable(limits().resources().maxOpenFds());
        for (int i = 0; i < 3; i++) {
            fds.installAt(i, stdio[i], false);
        }
        Caller caller = new Caller(-1, config.user().uid(), config.user().gid());
        return start(null, null, argv, env, cwd, fds, io, caller);
    }

    /**
     * A guest's child: inherits the parent's fds (minus close-on-exec), with 0/1/2 redirected as requested, then
     * the posix_spawn file actions applied in order.
     */
    KProcess spawnChild(KProcess parent, SpawnRequest req) {
        String cwd = req.cwd() == null || req.cwd().isEmpty() ? parent.cwd() : GuestPaths.resolve(parent.cwd(), req.cwd());
        // As posix_spawn: the child starts with all of the parent's fds, the redirections and file actions run on
        // the child's table in order, and only then are close-on-exec fds closed.
        FdTable fds = parent.fds.forkAll();
        try {
            int[] stdio = {req.stdinFd(), req.stdoutFd(), req.stderrFd()};
            for (int i = 0; i < 3; i++) {
                if (stdio[i] >= 0) {
                    fds.installAt(i, parent.fds.get(stdio[i], "spawn").retain(), false);
                }
            }
            for (SpawnRequest.FileAction a : req.actions()) {
                switch (a) {
                    case SpawnRequest.FileAction.Dup2 d -> {
                        if (d.sourceFd() == d.fd()) {
                            fds.setCloexec(d.fd(), false);
                        } else {
                            fds.installAt(d.fd(), fds.get(d.sourceFd(), "spawn").retain(), false);
                        }
                    }
                    case SpawnRequest.FileAction.Close c -> {
                        try {
                            fds.close(c.fd());
                        } catch (ErrnoException ignored) {
                            // posix_spawn ignores closing an fd that is not open
                        }
                    }
                    case SpawnRequest.FileAction.Open o -> {
                        String path = GuestPaths.resolve(cwd, o.path());
                        checkFs(parent, (o.flags() & 3) == Syscalls.O_RDONLY ? "read" : "write", path, "spawn");
                        VfsFile f = vfs.open(parent.caller(), path, o.flags(), o.mode());
                        fds.installAt(o.fd(), new FileDesc(f, o.flags(), limits().resources().maxPreadBytes(),
                                limits().resources().maxFdWriteBytes()), false);
                    }
                }
            }
            fds.closeOnExec();
        } catch (ErrnoException e) {
            fds.closeAll();
            throw e;
        }
        List<String> argv = req.argv();
        KProcess child = start(parent, req.execPath(), argv, req.env(), cwd, fds, null, parent.caller());
        if (req.newSession()) {
            child.sid = child.pid;
            child.pgid = child.pid;
        } else if (req.pgroup() != SpawnRequest.SAME_GROUP) {
            child.pgid = req.pgroup() == 0 ? child.pid : req.pgroup();
        }
        return child;
    }

    private KProcess start(KProcess parent, String execPath, List<String> argv, Map<String, String> env, String cwd,
            FdTable fds, ProcessIo io, Caller callerTemplate) {
        KProcess created = null;
        try {
            if (disposed) {
                throw new ErrnoException(Errno.ESRCH, "spawn", argv.get(0), "the VM is disposed");
            }
            checkSizes(argv, env);
            Caller lookupCaller = parent == null ? Caller.HOST : parent.caller();
            if (parent != null) {
                perms.check(Scope.CHILD_PROCESS, "spawn", baseName(argv.get(0)), "spawn");
            }
            Program program = resolve(lookupCaller, execPath, argv, env, cwd);
            if (parent != null && !program.path().equals(argv.get(0))) {
                perms.check(Scope.CHILD_PROCESS, "spawn", program.path(), "spawn");
            }
            byte[] bytes = readProgram(program.path());
            processes.acquire("spawn");
            int pid = nextPid.getAndIncrement();
            Caller caller = new Caller(pid, callerTemplate.uid(), callerTemplate.gid());
            int pgid = parent == null ? pid : parent.pgid;
            int sid = parent == null ? pid : parent.sid;
            KProcess p = new KProcess(this, pid, parent == null ? 0 : parent.pid, pgid, sid, program.argv(), env, cwd,
                    program.path(), fds, io, caller, now());
            if (io != null) {
                io.pid = pid;
            }
            synchronized (tableLock) {
                table.put(pid, p);
            }
            created = p;
            p.executorId = program.executor().id();
            LaunchContext ctx = new Launch(p, bytes);
            ExecutorProcess ep;
            try {
                ep = program.executor().start(ctx);
            } catch (RuntimeException e) {
                throw new ErrnoException(Errno.ENOEXEC, "spawn", program.path(),
                        "executor " + program.executor().id() + " could not start it: " + e.getMessage());
            }
            p.executorProcess = ep;
            Thread.ofVirtual().name("agentos-" + vmId + "-wait-" + pid).start(() -> awaitExit(p, ep));
            killAfter(p, limits().process().wallClockLimitMs());
            return p;
        } catch (RuntimeException e) {
            // The process never ran: it leaves no zombie and no trace in the table.
            if (created != null) {
                created.state = ProcessState.EXITED;
                reap(created);
            }
            fds.closeAll();
            throw e;
        }
    }

    private void checkSizes(List<String> argv, Map<String, String> env) {
        long argvBytes = 0;
        for (String a : argv) {
            argvBytes += a.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        if (argvBytes > limits().resources().maxProcessArgvBytes()) {
            throw new ErrnoException(Errno.E2BIG, "spawn", argv.get(0),
                    "argv is " + argvBytes + " bytes; limits.resources.maxProcessArgvBytes=" + limits().resources().maxProcessArgvBytes());
        }
        long envBytes = 0;
        for (Map.Entry<String, String> e : env.entrySet()) {
            envBytes += e.getKey().length() + e.getValue().getBytes(StandardCharsets.UTF_8).length + 2;
        }
        if (envBytes > limits().resources().maxProcessEnvBytes()) {
            throw new ErrnoException(Errno.E2BIG, "spawn", argv.get(0),
                    "environment is " + envBytes + " bytes; limits.resources.maxProcessEnvBytes=" + limits().resources().maxProcessEnvBytes());
        }
    }

    private byte[] readProgram(String path) {
        try (VfsFile f = vfs.open(Caller.HOST, path, Syscalls.O_RDONLY, 0)) {
            long size = f.size();
            byte[] shared = f.sharedContent();
            if (shared != null && shared.length <= limits().wasm().maxModuleFileBytes()) {
                return shared; // a package's immutable file: the same array every spawn, so executors cache by identity
            }
            if (size > limits().wasm().maxModuleFileBytes()) {
                throw new ErrnoException(Errno.E2BIG, "spawn", path,
                        "program is " + size + " bytes; limits.wasm.maxModuleFileBytes=" + limits().wasm().maxModuleFileBytes());
            }
            byte[] data = new byte[(int) size];
            int pos = 0;
            while (pos < data.length) {
                int n = f.read(pos, data, pos, data.length - pos);
                if (n <= 0) {
                    break;
                }
                pos += n;
            }
            return pos == data.length ? data : Arrays.copyOf(data, pos);
        }
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private void awaitExit(KProcess p, ExecutorProcess ep) {
        int status;
        try {
            status = ep.awaitExit();
        } catch (GuestExit e) {
            status = e.status();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 128 + Signal.SIGKILL.number();
        } catch (RuntimeException | Error e) {
            // An executor that fails instead of reporting a status must not leave the process running forever.
            status = 128 + Signal.SIGKILL.number();
        }
        exited(p, status);
    }

    private final class Launch implements LaunchContext {
        private final KProcess p;
        private final byte[] program;

        Launch(KProcess p, byte[] program) {
            this.p = p;
            this.program = program;
        }

        @Override
        public String vmId() {
            return vmId;
        }

        @Override
        public int pid() {
            return p.pid;
        }

        @Override
        public String programPath() {
            return p.programPath;
        }

        @Override
        public byte[] program() {
            return program;
        }

        @Override
        public List<String> argv() {
            return p.argv;
        }

        @Override
        public Map<String, String> env() {
            return p.env;
        }

        @Override
        public String cwd() {
            return p.cwd();
        }

        @Override
        public VmLimits limits() {
            return config.limits();
        }

        @Override
        public Syscalls syscalls() {
            return p;
        }
    }

    /**
     * Kills {@code p} (as timed out) if it still runs after {@code delayMs}. The timer is cancelled when the
     * process exits: a pending timer holds the process, and with it its VM, until it fires (a day by default).
     */
    void killAfter(KProcess p, long delayMs) {
        java.util.concurrent.Future<?> timer = timer(() -> {
            if (p.alive()) {
                p.timedOut = true;
                deliver(p, Signal.SIGKILL);
            }
        }, delayMs);
        if (timer != null) {
            p.exitFuture.whenComplete((exit, error) -> {
                timer.cancel(false);
                timers.remove(timer);
            });
        }
    }

    /** Runs {@code task} later; false when the runtime is shutting down and timers no longer run. */
    boolean schedule(Runnable task, long delayMs) {
        return timer(task, delayMs) != null;
    }

    private java.util.concurrent.@org.jspecify.annotations.Nullable Future<?> timer(Runnable task, long delayMs) {
        if (disposed) {
            return null;
        }
        java.util.concurrent.CompletableFuture<java.util.concurrent.Future<?>> self = new java.util.concurrent.CompletableFuture<>();
        try {
            java.util.concurrent.Future<?> f = scheduler.schedule(() -> {
                timers.remove(self.join());
                task.run();
            }, delayMs, TimeUnit.MILLISECONDS);
            timers.add(f);
            self.complete(f);
            return f;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return null;
        }
    }

    // ---- exit, wait, reap ----

    void exited(KProcess p, int rawStatus) {
        synchronized (tableLock) {
            if (p.state == ProcessState.EXITED) {
                return;
            }
            Signal killed = p.killSignal();
            if (killed != null) {
                p.termSignal = killed;
                p.exitCode = null;
            } else {
                p.exitCode = rawStatus & 0xff;
            }
            p.exitedAtMs = now();
            p.state = ProcessState.EXITED;
            for (KProcess c : table.values()) {
                if (c.ppid == p.pid) {
                    c.ppid = 0;
                }
            }
            tableLock.notifyAll();
        }
        p.fds.closeAll();
        readiness.changed();
        KProcess parent = p.ppid == 0 ? null : process(p.ppid).orElse(null);
        if (parent != null && parent.alive()) {
            deliver(parent, Signal.SIGCHLD);
        }
        ProcessExit.Kind kind = p.timedOut ? ProcessExit.Kind.TIMED_OUT
                : p.termSignal != null ? ProcessExit.Kind.SIGNALLED : ProcessExit.Kind.EXITED;
        ProcessExit exit = new ProcessExit(p.pid, kind, p.exitCode, p.termSignal);
        p.exitFuture.complete(exit);
        if (p.io != null) {
            // The host keeps an exited process around for get/readOutput; it no longer counts as a process.
            releaseSlot(p);
            p.io.exit.complete(exit);
            if (!p.io.retains() || !schedule(() -> reap(p), ZOMBIE_TTL_MS)) {
                reap(p);
            }
            trimHostZombies();
        } else if (parent == null || !parent.alive()) {
            reap(p);
        }
        // Orphaned zombies nobody will wait for.
        List<KProcess> orphans = new ArrayList<>();
        synchronized (tableLock) {
            for (KProcess c : table.values()) {
                if (c.ppid == 0 && c.io == null && c.state == ProcessState.EXITED) {
                    orphans.add(c);
                }
            }
        }
        orphans.forEach(this::reap);
    }

    void reap(KProcess p) {
        boolean removed;
        synchronized (tableLock) {
            removed = table.remove(p.pid, p);
            tableLock.notifyAll();
        }
        if (removed) {
            releaseSlot(p);
        }
    }

    private void releaseSlot(KProcess p) {
        if (p.slotReleased.compareAndSet(false, true)) {
            processes.release();
        }
    }

    /** Exited host processes kept for replay are bounded too: beyond maxProcesses the oldest go first. */
    private void trimHostZombies() {
        List<KProcess> zombies = new ArrayList<>();
        synchronized (tableLock) {
            for (KProcess p : table.values()) {
                if (p.io != null && p.state == ProcessState.EXITED) {
                    zombies.add(p);
                }
            }
        }
        int excess = zombies.size() - limits().resources().maxProcesses();
        for (int i = 0; i < excess; i++) {
            reap(zombies.get(i));
        }
    }

    WaitStatus waitpid(KProcess parent, int target, int options) {
        while (true) {
            KProcess done = null;
            boolean hasChild = false;
            synchronized (tableLock) {
                for (KProcess c : table.values()) {
                    if (c.ppid != parent.pid) {
                        continue;
                    }
                    if (target > 0 && c.pid != target) {
                        continue;
                    }
                    if (target == 0 && c.pgid != parent.pgid) {
                        continue;
                    }
                    if (target < -1 && c.pgid != -target) {
                        continue;
                    }
                    hasChild = true;
                    if (c.state == ProcessState.EXITED) {
                        done = c;
                        break;
                    }
                }
                if (done == null && hasChild && (options & Syscalls.WNOHANG) == 0) {
                    try {
                        tableLock.wait(25);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ErrnoException(Errno.EINTR, "waitpid", null);
                    }
                }
            }
            if (done != null) {
                reap(done);
                return new WaitStatus(done.pid, done.exitCode, done.termSignal == null ? null : done.termSignal.number());
            }
            if (!hasChild) {
                throw new ErrnoException(Errno.ECHILD, "waitpid", null);
            }
            if ((options & Syscalls.WNOHANG) != 0) {
                return new WaitStatus(0, null, null);
            }
            parent.checkWakeup("waitpid");
        }
    }

    // ---- signals ----

    void kill(KProcess sender, int target, Signal sig) {
        if (sender != null) {
            perms.check(Scope.PROCESS, "kill", String.valueOf(target), "kill");
        }
        if (target > 0) {
            KProcess p = process(target).orElseThrow(() -> new ErrnoException(Errno.ESRCH, "kill", null, "no process " + target));
            deliver(p, sig);
            return;
        }
        int group = target == 0 ? (sender == null ? 0 : sender.pgid) : -target;
        if (target == -1) {
            for (KProcess p : snapshot()) {
                if (sender == null || p.pid != sender.pid) {
                    deliver(p, sig);
                }
            }
            return;
        }
        if (signalGroup(group, sig) == 0) {
            throw new ErrnoException(Errno.ESRCH, "kill", null, "no process in group " + group);
        }
    }

    int signalGroup(int pgid, Signal sig) {
        int n = 0;
        for (KProcess p : snapshot()) {
            if (p.pgid == pgid && p.alive()) {
                deliver(p, sig);
                n++;
            }
        }
        return n;
    }

    /** Applies a signal: SIGKILL and default fatal actions terminate, stop/continue, ignore, or hand to the program. */
    void deliver(KProcess p, Signal sig) {
        if (!p.alive()) {
            return;
        }
        if (sig == Signal.SIGKILL) {
            terminate(p, sig);
            return;
        }
        if (sig == Signal.SIGSTOP) {
            p.state = ProcessState.STOPPED;
            return;
        }
        if (sig == Signal.SIGCONT) {
            if (p.state == ProcessState.STOPPED) {
                p.state = ProcessState.RUNNING;
                readiness.changed();
            }
        }
        SignalAction action = p.action(sig);
        switch (action) {
            case IGNORE -> {
                return;
            }
            case CATCH -> {
                ExecutorProcess ep = p.executorProcess;
                if (ep != null) {
                    ep.signal(sig);
                }
                p.interrupt();
                return;
            }
            default -> {
                switch (sig) {
                    case SIGCHLD, SIGWINCH, SIGCONT -> {
                        return;
                    }
                    case SIGTSTP -> {
                        p.state = ProcessState.STOPPED;
                        return;
                    }
                    default -> terminate(p, sig);
                }
            }
        }
    }

    private void terminate(KProcess p, Signal sig) {
        p.markKilled(sig);
        if (p.state == ProcessState.STOPPED) {
            p.state = ProcessState.RUNNING;
        }
        ExecutorProcess ep = p.executorProcess;
        if (ep != null) {
            ep.terminate("killed by " + sig);
        }
    }

    // ---- table ----

    Optional<KProcess> process(int pid) {
        synchronized (tableLock) {
            return Optional.ofNullable(table.get(pid));
        }
    }

    List<KProcess> snapshot() {
        synchronized (tableLock) {
            return List.copyOf(table.values());
        }
    }

    // ---- pipes, PTYs ----

    Pipe newPipe() {
        pipes.acquire("pipe");
        return new Pipe(nextPipe.getAndIncrement(), limits().process().maxPipeBufferBytes(), readiness, pipes::release);
    }

    Pty newPty(int cols, int rows) {
        ptys.acquire("openpty");
        return new Pty(nextPty.getAndIncrement(), this, cols, rows, ptys::release);
    }

    /** Which filesystem a path lives on, for lock keys (inode numbers are unique per filesystem). */
    String deviceOf(String path) {
        String best = "/";
        for (MountInfo m : vfs.mounts()) {
            if (GuestPaths.isWithin(path, m.path()) && m.path().length() > best.length()) {
                best = m.path();
            }
        }
        return best;
    }

    // ---- disposal ----

    /** SIGTERM to every process, a short grace period, then SIGKILL; then the filesystem is flushed and closed. */
    void dispose() {
        disposed = true;
        for (KProcess p : snapshot()) {
            deliver(p, Signal.SIGTERM);
        }
        long deadline = System.nanoTime() + 100_000_000L;
        while (System.nanoTime() < deadline && snapshot().stream().anyMatch(KProcess::alive)) {
            readiness.await(readiness.version(), 10);
        }
        for (KProcess p : snapshot()) {
            if (p.alive()) {
                deliver(p, Signal.SIGKILL);
            }
        }
        deadline = System.nanoTime() + 100_000_000L;
        while (System.nanoTime() < deadline && snapshot().stream().anyMatch(KProcess::alive)) {
            readiness.await(readiness.version(), 10);
        }
        for (KProcess p : snapshot()) {
            if (p.alive()) {
                // The executor did not stop in time: account the process as killed so nothing waits on it.
                exited(p, 128 + Signal.SIGKILL.number());
            }
        }
        for (java.util.concurrent.Future<?> t : timers) {
            t.cancel(false);
        }
        timers.clear();
        vfs.close();
    }
}
