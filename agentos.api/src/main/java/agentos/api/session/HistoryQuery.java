package agentos.api.session;

import org.jspecify.annotations.Nullable;

/** Reads stored history: entries before or after an (exclusive) sequence, never both, at most {@code limit}. */
public record HistoryQuery(String sessionId, @Nullable Long before, @Nullable Long after, int limit) {
    public HistoryQuery {
        if (before != null && after != null) {
            throw new IllegalArgumentException("history query takes 'before' or 'after', not both");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("history limit must be >= 1, got " + limit);
        }
    }
}
