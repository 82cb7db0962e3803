package agentos.sidecar.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The single writer of a connection. Control frames (responses, lifecycle, heartbeats) always go before bulk
 * frames (process output), so a flood of output never delays a kill's response; bulk frames are bounded in
 * bytes and a producer waits (back-pressure into the guest's write) while the bound is reached.
 */
final class Outbox {
    interface Sink {
        void write(byte[] frame) throws IOException;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition bulkSpace = lock.newCondition();
    private final ArrayDeque<byte[]> control = new ArrayDeque<>();
    private final ArrayDeque<byte[]> bulk = new ArrayDeque<>();
    private final long maxBulkBytes;
    private long bulkBytes;
    private boolean closed;
    private final Thread writer;

    Outbox(Sink sink, long maxBulkBytes, String name, Consumer<IOException> onFailure) {
        this.maxBulkBytes = maxBulkBytes;
        this.writer = new Thread(() -> drain(sink, onFailure), name);
        writer.setDaemon(true);
        writer.start();
    }

    void control(byte[] frame) {
        lock.lock();
        try {
            if (!closed) {
                control.add(frame);
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues a bulk frame. With {@code mayWait}, waits while the bulk queue is full (returns false if the
     * connection closed meanwhile); without, queues regardless (for the few frames that must keep their order
     * after output, like an exec's final response).
     */
    boolean bulk(byte[] frame, boolean mayWait) {
        lock.lock();
        try {
            while (mayWait && !closed && bulkBytes > 0 && bulkBytes + frame.length > maxBulkBytes) {
                bulkSpace.awaitUninterruptibly();
            }
            if (closed) {
                return false;
            }
            bulk.add(frame);
            bulkBytes += frame.length;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Stops accepting frames; frames already queued are still written (bounded by {@code flushMs}). */
    void close(long flushMs) {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            bulkSpace.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            writer.join(flushMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.interrupt();
    }

    private void drain(Sink sink, Consumer<IOException> onFailure) {
        while (true) {
            byte[] next;
            lock.lock();
            try {
                while (control.isEmpty() && bulk.isEmpty() && !closed) {
                    notEmpty.awaitUninterruptibly();
                }
                next = control.poll();
                if (next == null) {
                    next = bulk.poll();
                    if (next != null) {
                        bulkBytes -= next.length;
                        bulkSpace.signalAll();
                    }
                }
                if (next == null) {
                    return; // closed and drained
                }
            } finally {
                lock.unlock();
            }
            try {
                sink.write(next);
            } catch (IOException e) {
                lock.lock();
                try {
                    closed = true;
                    control.clear();
                    bulk.clear();
                    bulkSpace.signalAll();
                } finally {
                    lock.unlock();
                }
                onFailure.accept(e);
                return;
            }
        }
    }
}
