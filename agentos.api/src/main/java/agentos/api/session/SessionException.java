package agentos.api.session;

import agentos.api.AgentOsException;

/** A typed session failure, e.g. {@code invalid_permission_option} or {@code expired_cursor}. */
public class SessionException extends AgentOsException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public SessionException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
