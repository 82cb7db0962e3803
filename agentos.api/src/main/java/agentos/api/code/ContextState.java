package agentos.api.code;

/** State of a persistent execution context. */
public enum ContextState {
    IDLE,
    RUNNING,
    RESETTING,
    DELETING,
    FAILED
}
