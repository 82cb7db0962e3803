package agentos.api.spi;

import org.jspecify.annotations.Nullable;

/** A durable session event of a {@link SessionStore}, sequenced per session from 1. */
public record StoredEvent(
        String scope, String sessionId, long sequence, long timestampMs, String type, @Nullable String requestId, String json) {}
