package agentos.api.process;

/** How an execution ended: exit status 0, non-zero or error, cancelled by the caller, or its timeout fired. */
public enum Outcome {
    SUCCEEDED,
    FAILED,
    CANCELLED,
    TIMED_OUT
}
