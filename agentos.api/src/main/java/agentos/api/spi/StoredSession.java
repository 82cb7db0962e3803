package agentos.api.spi;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A session row of a {@link SessionStore}. {@code stateJson} is the serialised session state;
 * {@code agentSessionId} is the agent's own ACP session id (for {@code session/load}).
 */
public record StoredSession(
        String scope,
        String sessionId,
        String agent,
        String cwd,
        List<String> additionalDirectories,
        String optionsJson,
        String stateJson,
        @Nullable String agentSessionId,
        long latestSequence,
        @Nullable String title,
        @Nullable String metadataJson,
        long createdAtMs,
        long updatedAtMs) {
    public StoredSession {
        additionalDirectories = List.copyOf(additionalDirectories);
    }
}
