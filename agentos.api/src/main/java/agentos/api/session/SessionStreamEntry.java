package agentos.api.session;

import org.jspecify.annotations.Nullable;

/**
 * A session event. Durable entries are sequenced and stored (ACP session updates with the {@code sessionUpdate}
 * discriminator as {@code type}, {@code permission_request}, {@code permission_response}); ephemeral entries are
 * message/thought deltas that are only streamed. Reconnect = subscribe, then {@code readHistory(after: last)},
 * de-duplicating on (sessionId, sequence).
 */
public sealed interface SessionStreamEntry {
    String sessionId();

    /** The update type, e.g. {@code tool_call}, {@code agent_message_chunk}, {@code permission_request}. */
    String type();

    /** The entry's JSON (the flattened ACP update or the permission request/response). */
    String json();

    record Durable(String sessionId, long sequence, long timestampMs, String type, @Nullable String requestId, String json)
            implements SessionStreamEntry {}

    record Ephemeral(String sessionId, long afterSequence, String type, String json) implements SessionStreamEntry {}
}
