package agentos.api.process;

/** Where a chunk of output came from. */
public enum OutputChannel {
    STDOUT,
    STDERR,
    PTY
}
