package agentos.kernel.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.Subscription;
import agentos.api.process.OutputChannel;
import agentos.api.process.ProcessOutput;
import agentos.api.process.Signal;
import agentos.api.terminal.ShellOptions;
import agentos.api.terminal.Terminals;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The {@code terminal} namespace: shells on PTYs, each its own process group and the terminal's foreground.
 * {@code onData} first replays the output retained so far, so a prompt printed before subscribing is seen.
 */
final class VmTerminals implements Terminals {
    private static final long CLOSE_GRACE_MS = 500;

    private final Kernel kernel;
    private final VmProcesses processes;
    private final ScheduledExecutorService scheduler;

    VmTerminals(Kernel kernel, VmProcesses processes, ScheduledExecutorService scheduler) {
        this.kernel = kernel;
        this.processes = processes;
        this.scheduler = scheduler;
    }

    private KProcess shell(String shellId) {
        if (shellId.startsWith("shell-")) {
            try {
                int pid = Integer.parseInt(shellId.substring(6));
                KProcess p = kernel.process(pid).orElse(null);
                if (p != null && p.io != null && p.io.ptyMaster != null) {
                    return p;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new ErrnoException(Errno.ESRCH, "terminal", null, "no shell '" + shellId + "' in " + kernel.vmId());
    }

    @Override
    public String open(ShellOptions options) {
        List<String> argv = new ArrayList<>();
        argv.add(options.command() == null ? kernel.config().user().shell() : options.command());
        argv.addAll(options.args());
        ProcessIo io = new ProcessIo(true, kernel.limits().process().retainedOutputBytes(), kernel::now);
        KProcess p = processes.startHost(argv, options.env(), options.cwd(), options.size(), io);
        return "shell-" + p.pid;
    }

    @Override
    public void write(String shellId, byte[] data) {
        KProcess p = shell(shellId);
        p.io.ptyMaster.write(null, data, 0, data.length);
    }

    @Override
    public void resize(String shellId, int cols, int rows) {
        if (cols < 1 || rows < 1) {
            throw new IllegalArgumentException("terminal size must be at least 1x1, got " + cols + "x" + rows);
        }
        shell(shellId).io.ptyMaster.pty().resize(cols, rows);
    }

    @Override
    public CompletionStage<Integer> waitFor(String shellId) {
        return shell(shellId).exitFuture.thenApply(e -> e.status());
    }

    @Override
    public void close(String shellId) {
        KProcess p = shell(shellId);
        kernel.signalGroup(p.pgid, Signal.SIGHUP);
        scheduler.schedule(() -> {
            if (p.alive()) {
                kernel.deliver(p, Signal.SIGKILL);
            }
        }, CLOSE_GRACE_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public Subscription onData(String shellId, Consumer<byte[]> listener) {
        KProcess p = shell(shellId);
        Consumer<ProcessOutput> l = o -> {
            if (o.channel() == OutputChannel.PTY) {
                listener.accept(o.chunk());
            }
        };
        // Shell output that came before the first subscriber (the prompt) is not lost.
        p.io.addListenerWithReplay(l);
        return () -> p.io.removeListener(l);
    }

    @Override
    public Subscription onExit(String shellId, IntConsumer listener) {
        KProcess p = shell(shellId);
        java.util.concurrent.atomic.AtomicBoolean active = new java.util.concurrent.atomic.AtomicBoolean(true);
        p.exitFuture.thenAccept(e -> {
            if (active.getAndSet(false)) {
                listener.accept(e.status());
            }
        });
        return () -> active.set(false);
    }
}
