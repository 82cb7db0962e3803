package agentos.api.cron;

import org.jspecify.annotations.Nullable;

/** A job fired, completed (with its duration) or failed (with the error). */
public record CronEvent(Kind kind, String jobId, long timeMs, @Nullable Long durationMs, @Nullable String error) {
    public enum Kind {
        FIRE,
        COMPLETE,
        ERROR
    }
}
