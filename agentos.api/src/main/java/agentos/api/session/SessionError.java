package agentos.api.session;

import org.jspecify.annotations.Nullable;

/** A typed session failure ({@code adapter_exited}, {@code permission_policy_unsatisfied}, …). */
public record SessionError(String code, String message, @Nullable String detailsJson, boolean retryable) {}
