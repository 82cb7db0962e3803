package agentos.api.code;

import org.jspecify.annotations.Nullable;

/** A named persistent context whose globals survive between calls. */
public record ContextDescriptor(
        String contextId,
        ContextState state,
        Language language,
        long createdAtMs,
        @Nullable Long lastStartedAtMs,
        @Nullable Long lastCompletedAtMs) {}
