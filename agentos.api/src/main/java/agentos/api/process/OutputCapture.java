package agentos.api.process;

/** Which output streams an execution keeps for its result. */
public enum OutputCapture {
    NONE,
    STDERR,
    ALL
}
