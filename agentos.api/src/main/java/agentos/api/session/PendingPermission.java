package agentos.api.session;

import java.util.List;

/** A permission request waiting for the host; {@code requestId} is Agent OS's, not the agent's JSON-RPC id. */
public record PendingPermission(String requestId, List<PermissionOption> options, String toolCallJson) {
    public PendingPermission {
        options = List.copyOf(options);
    }
}
