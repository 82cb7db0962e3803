package agentos.kernel.internal;

/**
 * A VM-wide "something became readable or writable" signal for poll: every pipe, PTY and process state change
 * bumps the version; pollers wait for a version newer than the one they saw.
 */
final class Readiness {
    private long version;

    synchronized void changed() {
        version++;
        notifyAll();
    }

    synchronized long version() {
        return version;
    }

    /** Waits up to {@code millis} for a change after {@code seen}. */
    synchronized void await(long seen, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (version == seen) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
