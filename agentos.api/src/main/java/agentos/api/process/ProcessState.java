package agentos.api.process;

/** A process is running (or stopped by a signal) until it exits; exited processes stay listed until reaped. */
public enum ProcessState {
    RUNNING,
    STOPPED,
    EXITED
}
