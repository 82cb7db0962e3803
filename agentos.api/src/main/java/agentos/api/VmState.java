package agentos.api;

/** Lifecycle of a VM: creating → ready → disposing → disposed, or failed when creation did not complete. */
public enum VmState {
    CREATING,
    READY,
    DISPOSING,
    DISPOSED,
    FAILED
}
