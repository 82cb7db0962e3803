package agentos.api.cron;

import agentos.api.AgentOsException;

/** The schedule is neither a valid cron expression nor a future ISO-8601 instant. */
public class InvalidScheduleException extends AgentOsException {
    private static final long serialVersionUID = 1L;

    public InvalidScheduleException(String message) {
        super(message);
    }
}
