package agentos.api.session;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@link Sessions#respondPermission}: accepted, or not pending with a reason ({@code already_resolved},
 * {@code prompt_cancelled}, {@code adapter_exited}, {@code session_deleted}, {@code vm_shutdown},
 * {@code request_not_found}).
 */
public record PermissionResponse(boolean accepted, @Nullable String reason) {}
