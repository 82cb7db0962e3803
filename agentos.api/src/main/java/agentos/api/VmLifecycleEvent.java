package agentos.api;

import org.jspecify.annotations.Nullable;

/** A VM changed lifecycle state; {@code reason} explains failures and disposals where known. */
public record VmLifecycleEvent(String vmId, VmState state, long timestampMs, @Nullable String reason) {}
