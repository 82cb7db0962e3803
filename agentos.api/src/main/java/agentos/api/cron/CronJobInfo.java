package agentos.api.cron;

import org.jspecify.annotations.Nullable;

/** A scheduled job; {@code actionType} is {@code exec}, {@code session} or {@code callback}. */
public record CronJobInfo(
        String id,
        String schedule,
        String actionType,
        OverlapPolicy overlap,
        @Nullable Long lastRunMs,
        @Nullable Long nextRunMs,
        long runCount,
        boolean running) {}
