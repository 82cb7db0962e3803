package agentos.exec.js.internal;

import agentos.api.ErrnoException;
import agentos.api.process.Signal;
import agentos.api.spi.ExecutorProcess;
import agentos.api.spi.GuestExit;
import agentos.api.spi.LaunchContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.jspecify.annotations.Nullable;

/**
 * One {@code node} process: a GraalJS context used only by this process's event-loop thread. Host I/O (timers,
 * pipe reads, child exits) completes on other threads and is queued back as tasks; the loop ends when nothing
 * holds it open (Node's ref counting), then the process exits with {@code process.exitCode}.
 *
 * <p>Isolation: the context has no host class lookup, no host IO, no native access, no threads, no polyglot
 * access and no environment; it reaches the outside only through {@link Host}, i.e. the kernel's syscalls.
 * A kill cancels the context (also inside a runaway loop), ending this process only.
 */
final class JsProcess implements ExecutorProcess {
    private static final Source RUNTIME = load("node-runtime.js");

    private final Engine engine;
    private final HeapGuard guard;
    final LaunchContext launch;
    volatile long loopThreadId;
    private final Thread thread;
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    /** Handles keeping the loop alive: referenced timers, readers, children. */
    final AtomicInteger refs = new AtomicInteger();
    private volatile @Nullable Context context;

    @Nullable
    Context context() {
        return context;
    }
    private volatile @Nullable Host host;
    private volatile boolean terminated;
    private volatile int status;

    private JsProcess(Engine engine, HeapGuard guard, LaunchContext launch) {
        this.engine = engine;
        this.guard = guard;
        this.launch = launch;
        this.thread = new Thread(this::run, "node-" + launch.vmId() + "-" + launch.pid());
        thread.setDaemon(true);
    }

    static JsProcess start(Engine engine, HeapGuard guard, LaunchContext launch) {
        JsProcess p = new JsProcess(engine, guard, launch);
        p.thread.start();
        return p;
    }

    private static Source load(String name) {
        try (InputStream in = JsProcess.class.getResourceAsStream("/agentos/exec/js/" + name)) {
            if (in == null) {
                throw new IllegalStateException("agentos.exec.js lacks its runtime resource " + name);
            }
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), "node:internal/" + name)
                    .internal(false).buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HostAccess hostAccess() {
        try {
            return HostAccess.newBuilder(HostAccess.NONE)
                    .allowAccessAnnotatedBy(HostAccess.Export.class)
                    .allowBufferAccess(true)
                    .allowArrayAccess(true)
                    .allowAccess(ErrnoException.class.getMethod("errno"))
                    .allowAccess(ErrnoException.class.getMethod("syscall"))
                    .allowAccess(ErrnoException.class.getMethod("path"))
                    .allowAccess(agentos.api.Errno.class.getMethod("code"))
                    .allowAccess(Enum.class.getMethod("name"))
                    .allowAccess(Throwable.class.getMethod("getMessage"))
                    .build();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final HostAccess HOST_ACCESS = hostAccess();

    private Context newContext(Host host) {
        return Context.newBuilder("js").engine(engine)
                .allowHostAccess(HOST_ACCESS)
                .allowHostClassLookup(name -> false)
                .allowIO(IOAccess.newBuilder().fileSystem(new ModuleFileSystem(host::moduleSource)).build())
                .allowNativeAccess(false)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .option("js.load", "false")
                .option("js.print", "false")
                .option("js.text-encoding", "true")
                // V8's stack trace API (Error.captureStackTrace with Error.prepareStackTrace receiving CallSites):
                // npm packages such as depd (under express) read their caller's file through it.
                .option("js.v8-compat", "true")
                // AsyncLocalStorage needs a context that follows await; GraalJS implements the TC39 AsyncContext
                // proposal behind this (experimental) option.
                .allowExperimentalOptions(true)
                .option("js.async-context", "true")
                // node:vm contexts are realms of this context (V8's d8 Realm API; the runtime hides the global).
                .option("js.v8-realm-builtin", "true")
                .build();
    }

    private void run() {
        Host host = new Host(this);
        this.host = host;
        // Like node: a write to a closed socket or pipe is an EPIPE error, not death by SIGPIPE.
        launch.syscalls().sigaction(agentos.api.process.Signal.SIGPIPE, agentos.api.spi.SignalAction.IGNORE);
        guard.register(this, Thread.currentThread().threadId());
        try (Context c = newContext(host)) {
            context = c;
            if (terminated) {
                status = 137;
                return;
            }
            Value dispatch = c.eval(RUNTIME).execute(host);
            host.dispatch = dispatch;
            dispatch.execute("main");
            while (!host.exiting) {
                Runnable task = tasks.poll();
                if (task == null) {
                    if (refs.get() <= 0) {
                        dispatch.execute("beforeExit");
                        // Like Node, only referenced work keeps the loop alive after beforeExit: an unref'd timer
                        // whose event is already queued does not run.
                        if (refs.get() <= 0) {
                            break;
                        }
                        continue;
                    }
                    task = tasks.poll(100, TimeUnit.MILLISECONDS);
                    if (task == null) {
                        continue;
                    }
                }
                task.run();
            }
            if (!host.exiting) {
                dispatch.execute("exit");
            }
            status = host.exitCode;
        } catch (PolyglotException e) {
            status = exitStatus(e, host);
        } catch (GuestExit e) {
            status = e.status();
        } catch (InterruptedException e) {
            status = 128 + Signal.SIGKILL.number();
        } catch (RuntimeException e) {
            if (terminated) {
                status = 128 + Signal.SIGKILL.number();
            } else {
                report("internal error: " + e);
                status = 1;
            }
        } finally {
            guard.unregister(this);
            context = null;
            host.close();
        }
    }

    private int exitStatus(PolyglotException e, Host host) {
        if (e.isHostException() && e.asHostException() instanceof GuestExit exit) {
            return exit.status();
        }
        if (terminated || e.isCancelled() || e.isInterrupted()) {
            return 128 + Signal.SIGKILL.number();
        }
        if (host.exiting) {
            return host.exitCode;
        }
        if (e.isResourceExhausted()) {
            report("resource exhausted: " + e.getMessage());
            return 134;
        }
        // Errors escaping the runtime's own handlers (e.g. a syntax error in the bootstrap): print like node.
        report(e.getMessage());
        return 1;
    }

    void report(String message) {
        try {
            byte[] b = ("node: " + message + "\n").getBytes(StandardCharsets.UTF_8);
            launch.syscalls().write(2, b, 0, b.length);
        } catch (RuntimeException ignored) {
            // stderr is gone; the exit status still tells
        }
    }

    /** Queues work for the loop thread (from timer, reader and child-watcher threads). */
    void post(Runnable task) {
        tasks.add(task);
    }

    @Override
    public int awaitExit() throws InterruptedException {
        thread.join();
        return status;
    }

    @Override
    public void signal(Signal signal) {
        Host h = host;
        if (h != null) {
            post(() -> h.deliverSignal(signal));
        }
    }

    @Override
    public void terminate(String reason) {
        terminated = true;
        Context c = context;
        if (c != null) {
            try {
                c.close(true);
            } catch (RuntimeException e) {
                // Already closing; the loop thread ends either way.
            }
        }
        thread.interrupt();
    }
}
