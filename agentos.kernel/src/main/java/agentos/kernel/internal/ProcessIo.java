package agentos.kernel.internal;

import agentos.api.process.OutputChannel;
import agentos.api.process.OutputReplay;
import agentos.api.process.ProcessExit;
import agentos.api.process.ProcessOutput;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The host's view of a host-started process: its output bus (live listeners plus bounded retention for replay,
 * sequenced per process), the kernel-held write end of its stdin, and its exit.
 */
final class ProcessIo {
    private final boolean retain;
    private final long retainLimit;
    private final LongSupplier clock;
    private final List<Consumer<ProcessOutput>> listeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<ProcessOutput> retained = new ArrayDeque<>();
    private final List<Consumer<ProcessExit>> exitListeners = new CopyOnWriteArrayList<>();
    private long retainedBytes;
    private boolean truncated;
    private long sequence;
    volatile int pid;
    volatile Pipe.End stdin;
    volatile Pty.End ptyMaster;
    final CompletableFuture<ProcessExit> exit = new CompletableFuture<>();
    /** Completes once a PTY's output has been copied out (at once for pipe-based processes). */
    final CompletableFuture<Void> ptyDone = new CompletableFuture<>();

    ProcessIo(boolean retain, long retainLimit, LongSupplier clock) {
        this.retain = retain;
        this.retainLimit = retainLimit;
        this.clock = clock;
    }

    /** Whether output is retained for replay (spawned processes), so the exited process is worth keeping. */
    boolean retains() {
        return retain;
    }

    Consumer<byte[]> channel(OutputChannel ch) {
        return chunk -> publish(ch, chunk);
    }

    /** Sequences, retains and delivers a chunk; listeners run in order under the lock, so nobody sees gaps. */
    synchronized void publish(OutputChannel ch, byte[] chunk) {
        ProcessOutput out = new ProcessOutput(pid, ++sequence, ch, chunk, clock.getAsLong());
        if (retain) {
            retained.addLast(out);
            retainedBytes += chunk.length;
            while (retainedBytes > retainLimit && !retained.isEmpty()) {
                retainedBytes -= retained.removeFirst().chunk().length;
                truncated = true;
            }
        }
        for (Consumer<ProcessOutput> l : listeners) {
            deliver(l, out);
        }
    }

    private static void deliver(Consumer<ProcessOutput> l, ProcessOutput out) {
        try {
            l.accept(out);
        } catch (RuntimeException e) {
            // A failing listener must not break the guest's write.
        }
    }

    void addListener(Consumer<ProcessOutput> l) {
        listeners.add(l);
    }

    /** Subscribes after first replaying everything retained, atomically: no chunk is missed or seen twice. */
    synchronized void addListenerWithReplay(Consumer<ProcessOutput> l) {
        for (ProcessOutput o : retained) {
            deliver(l, o);
        }
        listeners.add(l);
    }

    void removeListener(Consumer<ProcessOutput> l) {
        listeners.remove(l);
    }

    synchronized OutputReplay replay(long after, int maxEvents) {
        List<ProcessOutput> page = new ArrayList<>();
        long next = after;
        boolean more = false;
        for (ProcessOutput o : retained) {
            if (o.sequence() <= after) {
                continue;
            }
            if (page.size() >= maxEvents) {
                more = true;
                break;
            }
            page.add(o);
            next = o.sequence();
        }
        boolean lost = truncated && (retained.isEmpty() ? after < sequence : retained.peekFirst().sequence() > after + 1);
        return new OutputReplay(page, next, more, lost);
    }

    void onExit(Consumer<ProcessExit> l) {
        exitListeners.add(l);
        exit.thenAccept(e -> {
            if (exitListeners.remove(l)) {
                l.accept(e);
            }
        });
    }

    void removeExitListener(Consumer<ProcessExit> l) {
        exitListeners.remove(l);
    }
}
