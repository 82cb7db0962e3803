package agentos.api.session;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of sessions ordered by last update; {@code nextCursor} is {@code null} on the last page. */
public record SessionPage(List<SessionInfo> sessions, @Nullable String nextCursor) {
    public SessionPage {
        sessions = List.copyOf(sessions);
    }
}
