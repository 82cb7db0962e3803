package agentos.api.cron;

import org.jspecify.annotations.Nullable;

/**
 * A job: {@code schedule} is a cron expression (5 fields, or 6 with seconds) or an ISO-8601 instant in the future
 * for a one-shot job. {@code id} is generated when {@code null}.
 */
public record CronJobOptions(@Nullable String id, String schedule, CronAction action, OverlapPolicy overlap) {
    public static CronJobOptions of(String schedule, CronAction action) {
        return new CronJobOptions(null, schedule, action, OverlapPolicy.ALLOW);
    }
}
