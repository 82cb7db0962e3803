package agentos.api.session;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Stored facts about a session; reading them never starts the agent. */
public record SessionInfo(
        String sessionId,
        String agent,
        String cwd,
        List<String> additionalDirectories,
        SessionState state,
        long latestSequence,
        @Nullable String title,
        @Nullable String metadataJson,
        long createdAtMs,
        long updatedAtMs) {
    public SessionInfo {
        additionalDirectories = List.copyOf(additionalDirectories);
    }
}
