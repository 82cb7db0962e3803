package agentos.api;

/**
 * Base of every error the Agent OS API throws to its host-side callers. Messages say what was wrong
 * and, where the caller can fix it, what to do.
 */
public class AgentOsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AgentOsException(String message) {
        super(message);
    }

    public AgentOsException(String message, Throwable cause) {
        super(message, cause);
    }
}
