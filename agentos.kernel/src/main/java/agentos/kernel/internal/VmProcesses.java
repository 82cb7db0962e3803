package agentos.kernel.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.Subscription;
import agentos.api.config.VmConfig;
import agentos.api.fs.GuestPaths;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import agentos.api.process.ExecutionError;
import agentos.api.process.OutputCapture;
import agentos.api.process.OutputChannel;
import agentos.api.process.OutputReplay;
import agentos.api.process.ProcessDescriptor;
import agentos.api.process.ProcessExit;
import agentos.api.process.ProcessOutput;
import agentos.api.process.ProcessTreeNode;
import agentos.api.process.Processes;
import agentos.api.process.PtySize;
import agentos.api.process.Signal;
import agentos.api.process.SpawnOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** The host's {@code process} namespace of a VM. */
final class VmProcesses implements Processes {
    static final int REPLAY_PAGE = 1000;

    private final Kernel kernel;

    VmProcesses(Kernel kernel) {
        this.kernel = kernel;
    }

    // ---- starting host processes ----

    /** Starts {@code argv} for the host: stdin from a kernel-held pipe (or a PTY), stdout/stderr into {@code io}. */
    KProcess startHost(List<String> argv, Map<String, String> extraEnv, String cwdOrNull, PtySize pty, ProcessIo io) {
        VmConfig config = kernel.config();
        String cwd = cwdOrNull == null ? config.cwd() : GuestPaths.requireCanonical("spawn", cwdOrNull);
        Map<String, String> env = new LinkedHashMap<>(kernel.baseEnv(cwd));
        env.putAll(extraEnv);
        if (pty != null) {
            env.putIfAbsent("TERM", "xterm-256color");
        }
        OpenFile[] stdio = new OpenFile[3];
        Pty.End master = null;
        if (pty == null) {
            Pipe in = kernel.newPipe();
            stdio[0] = in.readEnd();
            io.stdin = in.writeEnd();
            stdio[1] = new OutputSink("pipe:[stdout]", io.channel(OutputChannel.STDOUT), () -> {});
            stdio[2] = new OutputSink("pipe:[stderr]", io.channel(OutputChannel.STDERR), () -> {});
        } else {
            Pty t = kernel.newPty(pty.cols(), pty.rows());
            master = t.master();
            Pty.End slave = t.slave();
            stdio[0] = slave;
            stdio[1] = slave.retain();
            stdio[2] = slave.retain();
            io.ptyMaster = master;
        }
        KProcess p;
        try {
            p = kernel.spawnHost(argv, env, cwd, stdio, io);
        } catch (RuntimeException e) {
            if (io.stdin != null) {
                io.stdin.release();
                io.stdin = null;
            }
            if (master != null) {
                master.release();
                io.ptyMaster = null;
            }
            throw e;
        }
        if (master != null) {
            master.pty().setForeground(p.pgid);
            Pty.End m = master;
            Thread.ofVirtual().name("agentos-" + kernel.vmId() + "-pty-" + p.pid).start(() -> pump(m, io));
        }
        return p;
    }

    /** Copies PTY output to the process's output bus until the terminal's last slave closes. */
    private static void pump(Pty.End master, ProcessIo io) {
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = master.read(null, buf, 0, buf.length)) > 0) {
                io.publish(OutputChannel.PTY, java.util.Arrays.copyOf(buf, n));
            }
        } catch (RuntimeException e) {
            // The terminal went away; nothing more to copy.
        } finally {
            io.ptyDone.complete(null);
        }
    }

    private void feedStdin(ProcessIo io, byte[] data) {
        Pipe.End w = io.stdin;
        if (w == null) {
            if (io.ptyMaster != null && data != null) {
                io.ptyMaster.write(null, data, 0, data.length);
            }
            return;
        }
        io.stdin = null;
        if (data == null || data.length == 0) {
            w.release();
            return;
        }
        Thread.ofVirtual().name("agentos-" + kernel.vmId() + "-stdin-" + io.pid).start(() -> {
            try {
                int off = 0;
                while (off < data.length) {
                    off += w.write(null, data, off, data.length - off);
                }
            } catch (ErrnoException e) {
                // The reader went away (EPIPE): the rest of the input has nowhere to go.
            } finally {
                w.release();
            }
        });
    }

    // ---- exec ----

    private static final class Capture {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final long limit;
        private boolean truncated;

        Capture(long limit) {
            this.limit = limit;
        }

        synchronized void add(byte[] chunk) {
            long room = limit - out.size();
            if (room <= 0) {
                truncated |= chunk.length > 0;
                return;
            }
            int n = (int) Math.min(room, chunk.length);
            out.write(chunk, 0, n);
            truncated |= n < chunk.length;
        }

        synchronized byte[] bytes() {
            return out.toByteArray();
        }
    }

    @Override
    public CompletionStage<ExecResult> exec(String command, ExecOptions options) {
        return execFile("sh", List.of("-c", command), options);
    }

    @Override
    public CompletionStage<ExecResult> execFile(String file, List<String> args, ExecOptions options) {
        long limit = kernel.limits().process().capturedOutputLimitBytes();
        Capture out = new Capture(limit);
        Capture err = new Capture(limit);
        OutputCapture capture = options.capture();
        ProcessIo io = new ProcessIo(false, 0, kernel::now);
        io.addListener(o -> {
            boolean isErr = o.channel() == OutputChannel.STDERR;
            if (isErr) {
                if (capture != OutputCapture.NONE) {
                    err.add(o.chunk());
                }
                if (options.onStderr() != null) {
                    options.onStderr().accept(o.chunk());
                }
            } else {
                if (capture == OutputCapture.ALL) {
                    out.add(o.chunk());
                }
                if (options.onStdout() != null) {
                    options.onStdout().accept(o.chunk());
                }
            }
        });
        if (options.stdin() != null && options.stdin().length > kernel.limits().process().pendingStdinBytes()) {
            return CompletableFuture.failedFuture(new ErrnoException(Errno.E2BIG, "exec", file,
                    "stdin is larger than limits.process.pendingStdinBytes=" + kernel.limits().process().pendingStdinBytes()));
        }
        List<String> argv = new ArrayList<>();
        argv.add(file);
        argv.addAll(args);
        KProcess p;
        try {
            p = startHost(argv, options.env(), options.cwd(), options.pty(), io);
        } catch (ErrnoException e) {
            return CompletableFuture.completedFuture(notStarted(file, e, capture));
        }
        if (options.pty() == null) {
            io.ptyDone.complete(null);
        }
        feedStdin(io, options.stdin() == null ? new byte[0] : options.stdin());
        if (options.pty() != null && options.stdin() != null) {
            // Input typed into the terminal, then end-of-file.
            io.ptyMaster.write(null, new byte[] {4}, 0, 1);
        }
        if (options.timeoutMs() > 0) {
            kernel.killAfter(p, options.timeoutMs());
        }
        return io.exit.thenCombine(io.ptyDone, (exit, done) -> {
            if (io.ptyMaster != null) {
                io.ptyMaster.release();
            }
            return result(exit, out, err, capture, options.timeoutMs());
        });
    }

    private static ExecResult notStarted(String file, ErrnoException e, OutputCapture capture) {
        int status = e.errno() == Errno.ENOENT ? 127 : 126;
        String message = status == 127 ? file + ": command not found\n" : file + ": " + e.getMessage() + "\n";
        byte[] stderr = capture == OutputCapture.NONE ? null : message.getBytes(StandardCharsets.UTF_8);
        return new ExecResult(agentos.api.process.Outcome.FAILED, status, capture == OutputCapture.ALL ? new byte[0] : null,
                stderr, false, false, new ExecutionError(e.errno().name(), "SpawnError", message.strip(), null));
    }

    private static ExecResult result(ProcessExit exit, Capture out, Capture err, OutputCapture capture, long timeoutMs) {
        byte[] stdout = capture == OutputCapture.ALL ? out.bytes() : null;
        byte[] stderr = capture == OutputCapture.NONE ? null : err.bytes();
        int status = exit.status();
        agentos.api.process.Outcome outcome;
        ExecutionError error = null;
        if (exit.kind() == ProcessExit.Kind.TIMED_OUT) {
            outcome = agentos.api.process.Outcome.TIMED_OUT;
            error = new ExecutionError("ETIMEDOUT", "TimeoutError",
                    timeoutMs > 0 ? "killed after its timeout of " + timeoutMs + " ms" : "killed at limits.process.wallClockLimitMs", null);
        } else if (status == 0) {
            outcome = agentos.api.process.Outcome.SUCCEEDED;
        } else {
            outcome = agentos.api.process.Outcome.FAILED;
            error = exit.kind() == ProcessExit.Kind.SIGNALLED
                    ? new ExecutionError("signal", "ProcessSignalled", "killed by " + exit.signal(), null)
                    : new ExecutionError("exit_status", "ProcessFailed", "exited with status " + status, null);
        }
        return new ExecResult(outcome, exit.kind() == ProcessExit.Kind.TIMED_OUT ? null : status, stdout, stderr,
                out.truncated, err.truncated, error);
    }

    // ---- spawn and control ----

    @Override
    public ProcessDescriptor spawn(String file, List<String> args, SpawnOptions options) {
        ProcessIo io = new ProcessIo(options.retainOutput(), kernel.limits().process().retainedOutputBytes(), kernel::now);
        List<String> argv = new ArrayList<>();
        argv.add(file);
        argv.addAll(args);
        KProcess p = startHost(argv, options.env(), options.cwd(), options.pty(), io);
        if (options.pty() == null) {
            io.ptyDone.complete(null);
        }
        if (options.timeoutMs() > 0) {
            kernel.killAfter(p, options.timeoutMs());
        }
        return descriptor(p);
    }

    static ProcessDescriptor descriptor(KProcess p) {
        List<String> args = p.argv.size() > 1 ? p.argv.subList(1, p.argv.size()) : List.of();
        return new ProcessDescriptor(p.pid, p.ppid, p.pgid, p.sid, p.state, p.programPath, args, p.executorId, p.cwd(),
                p.startedAtMs, p.exitCode != null ? p.exitCode : p.termSignal != null ? 128 + p.termSignal.number() : null);
    }

    private KProcess require(int pid, String op) {
        return kernel.process(pid).orElseThrow(() -> new ErrnoException(Errno.ESRCH, op, null, "no process " + pid + " in " + kernel.vmId()));
    }

    private ProcessIo hostIo(int pid, String op) {
        KProcess p = require(pid, op);
        if (p.io == null) {
            throw new ErrnoException(Errno.EPERM, op, null, "process " + pid + " was started by a guest, not by the host");
        }
        return p.io;
    }

    @Override
    public Optional<ProcessDescriptor> get(int pid) {
        return kernel.process(pid).map(VmProcesses::descriptor);
    }

    @Override
    public List<ProcessDescriptor> list() {
        return kernel.snapshot().stream().map(VmProcesses::descriptor).toList();
    }

    @Override
    public List<ProcessTreeNode> tree() {
        List<KProcess> all = kernel.snapshot();
        List<ProcessTreeNode> roots = new ArrayList<>();
        for (KProcess p : all) {
            boolean hasParent = p.ppid != 0 && all.stream().anyMatch(q -> q.pid == p.ppid);
            if (!hasParent) {
                roots.add(node(p, all));
            }
        }
        return roots;
    }

    private static ProcessTreeNode node(KProcess p, List<KProcess> all) {
        List<ProcessTreeNode> children = new ArrayList<>();
        for (KProcess c : all) {
            if (c.ppid == p.pid && c.pid != p.pid) {
                children.add(node(c, all));
            }
        }
        return new ProcessTreeNode(descriptor(p), children);
    }

    @Override
    public CompletionStage<ProcessExit> waitFor(int pid) {
        Optional<KProcess> p = kernel.process(pid);
        if (p.isEmpty()) {
            return CompletableFuture.failedFuture(new ErrnoException(Errno.ESRCH, "wait", null, "no process " + pid));
        }
        return p.get().exitFuture.copy();
    }

    @Override
    public void signal(int pid, Signal signal) {
        kernel.kill(null, pid, signal);
    }

    @Override
    public void writeStdin(int pid, byte[] data) {
        ProcessIo io = hostIo(pid, "writeStdin");
        if (io.ptyMaster != null) {
            io.ptyMaster.write(null, data, 0, data.length);
            return;
        }
        Pipe.End w = io.stdin;
        if (w == null) {
            throw new ErrnoException(Errno.EPIPE, "writeStdin", null, "stdin of process " + pid + " is closed");
        }
        long limit = kernel.limits().process().pendingStdinBytes();
        if (w.pipe().buffered() + (long) data.length > limit) {
            throw new ErrnoException(Errno.EAGAIN, "writeStdin", null,
                    "process " + pid + " has not read its stdin; limits.process.pendingStdinBytes=" + limit);
        }
        int off = 0;
        while (off < data.length) {
            off += w.write(null, data, off, data.length - off);
        }
    }

    @Override
    public void closeStdin(int pid) {
        ProcessIo io = hostIo(pid, "closeStdin");
        if (io.ptyMaster != null) {
            io.ptyMaster.write(null, new byte[] {4}, 0, 1);
            return;
        }
        Pipe.End w;
        synchronized (io) {
            w = io.stdin;
            io.stdin = null;
        }
        if (w != null) {
            w.release();
        }
    }

    @Override
    public void resizePty(int pid, PtySize size) {
        ProcessIo io = hostIo(pid, "resizePty");
        if (io.ptyMaster == null) {
            throw new ErrnoException(Errno.ENOTTY, "resizePty", null, "process " + pid + " has no terminal");
        }
        io.ptyMaster.pty().resize(size.cols(), size.rows());
    }

    @Override
    public OutputReplay readOutput(int pid, long after) {
        return hostIo(pid, "readOutput").replay(after, REPLAY_PAGE);
    }

    @Override
    public Subscription onOutput(int pid, Consumer<ProcessOutput> listener) {
        ProcessIo io = hostIo(pid, "onOutput");
        io.addListener(listener);
        return () -> io.removeListener(listener);
    }

    @Override
    public Subscription onExit(int pid, Consumer<ProcessExit> listener) {
        KProcess p = require(pid, "onExit");
        AtomicBoolean active = new AtomicBoolean(true);
        p.exitFuture.thenAccept(e -> {
            if (active.getAndSet(false)) {
                listener.accept(e);
            }
        });
        return () -> active.set(false);
    }
}
