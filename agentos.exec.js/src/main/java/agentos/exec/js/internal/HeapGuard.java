package agentos.exec.js.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Keeps {@code node} processes from exhausting the JVM heap. GraalJS community edition has no per-context heap
 * limit (Oracle GraalVM's {@code sandbox.MaxHeapMemory}), so this watches the JVM instead: every
 * {@value #POLL_MS} ms it compares the heap in use with a threshold; above it, it asks for a collection and, if
 * the heap is still above, cancels the {@code node} process whose event-loop thread allocated the most since it
 * started. The process ends with status 137 and a message on its stderr; other processes and the JVM go on.
 *
 * <p>What it guarantees: a node process that keeps allocating cannot take the JVM to an OutOfMemoryError as long
 * as the headroom above the threshold exceeds what it allocates in one poll interval. What it does not: a
 * per-process bound at {@code limits.jsRuntime.heapLimitMb} (retained size per context is not measurable on a
 * stock JVM), and allocation made on other threads is attributed to nobody.
 */
final class HeapGuard implements AutoCloseable {
    static final long POLL_MS = 50;

    private final LongSupplier threshold;
    private final Map<JsProcess, Long> processes = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Watches with a threshold of {@code fraction} of the maximum heap (system property agentos.js.heapGuardFraction). */
    static HeapGuard forFraction(double fraction) {
        long max = Runtime.getRuntime().maxMemory();
        return new HeapGuard(() -> (long) (max * fraction));
    }

    HeapGuard(LongSupplier thresholdBytes) {
        this.threshold = thresholdBytes;
        this.thread = new Thread(this::watch, "node-heap-guard");
        thread.setDaemon(true);
        thread.start();
    }

    void register(JsProcess p, long threadId) {
        processes.put(p, threads.getThreadAllocatedBytes(threadId));
        p.loopThreadId = threadId;
    }

    void unregister(JsProcess p) {
        processes.remove(p);
    }

    private void watch() {
        while (!closed) {
            try {
                Thread.sleep(POLL_MS);
                if (!processes.isEmpty() && memory.getHeapMemoryUsage().getUsed() > threshold.getAsLong()) {
                    memory.gc();
                    long used = memory.getHeapMemoryUsage().getUsed();
                    if (used > threshold.getAsLong()) {
                        cancelHeaviest(used);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // Keep watching; a process that vanished meanwhile is not an error.
            }
        }
    }

    private void cancelHeaviest(long used) {
        JsProcess heaviest = null;
        long most = -1;
        for (var e : processes.entrySet()) {
            long allocated = threads.getThreadAllocatedBytes(e.getKey().loopThreadId) - e.getValue();
            if (allocated > most) {
                most = allocated;
                heaviest = e.getKey();
            }
        }
        if (heaviest != null) {
            processes.remove(heaviest);
            heaviest.report("killed: the JVM heap is nearly full (" + (used >> 20) + " MiB in use, limit "
                    + (threshold.getAsLong() >> 20) + " MiB) and this process allocated the most (" + (most >> 20) + " MiB)");
            heaviest.terminate("heap guard");
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
