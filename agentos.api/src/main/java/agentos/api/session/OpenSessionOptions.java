package agentos.api.session;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Opens (or restores) a durable session. Idempotent for the same {@code sessionId}.
 *
 * @param sessionId caller-chosen id, default {@code main}
 * @param agent agent id, e.g. {@code pi}
 * @param cwd the agent's working directory (default {@code /home/agentos})
 * @param additionalDirectories more directories the agent may work in
 * @param env environment for the agent process (provider keys, base URLs)
 * @param mcpServersJson ACP {@code McpServer} values, each as JSON
 * @param permissionPolicy how permission requests are answered
 * @param skipOsInstructions do not inject the base OS instructions
 * @param additionalInstructions appended to the OS instructions
 */
public record OpenSessionOptions(
        String sessionId,
        String agent,
        @Nullable String cwd,
        List<String> additionalDirectories,
        Map<String, String> env,
        List<String> mcpServersJson,
        PermissionPolicyMode permissionPolicy,
        boolean skipOsInstructions,
        @Nullable String additionalInstructions) {
    public static final String DEFAULT_SESSION_ID = "main";

    public OpenSessionOptions {
        additionalDirectories = List.copyOf(additionalDirectories);
        env = Map.copyOf(env);
        mcpServersJson = List.copyOf(mcpServersJson);
    }

    /** Session {@code main} of {@code agent} with every other option at its default. */
    public static OpenSessionOptions of(String agent) {
        return new OpenSessionOptions(
                DEFAULT_SESSION_ID, agent, null, List.of(), Map.of(), List.of(), PermissionPolicyMode.ALLOW_ALL, false, null);
    }
}
