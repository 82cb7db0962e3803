package agentos.api.session;

import agentos.api.Subscription;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.osgi.annotation.versioning.ProviderType;

/** The {@code sessions} namespace: durable ACP sessions with agents running in the VM. */
@ProviderType
public interface Sessions {

    /** Opens or restores a session; completes once the agent is negotiated (config, capabilities cached). */
    CompletionStage<Void> open(OpenSessionOptions options);

    Optional<SessionInfo> get(String sessionId);

    SessionPage list(@Nullable String cursor, int limit);

    /** Tears the session down and removes its history. Idempotent. */
    void delete(String sessionId);

    /** Stops the agent process but keeps the session; the next prompt restores it. */
    void unload(String sessionId);

    /** Runs one turn. The input is stored durably before it is dispatched. */
    CompletionStage<PromptResult> prompt(PromptRequest request);

    /** Cancels the running turn; {@code false} when no prompt was active. */
    boolean cancelPrompt(String sessionId);

    PermissionResponse respondPermission(String sessionId, String requestId, String optionId);

    HistoryPage readHistory(HistoryQuery query);

    SessionConfig getConfig(String sessionId);

    SessionConfig setConfigOption(String sessionId, String configId, String value);

    Optional<SessionCapabilities> getCapabilities(String sessionId);

    Optional<AgentImplementation> getAgentInfo(String sessionId);

    /** Durable and ephemeral entries from now on (no replay; read history for the past). */
    Subscription onEvent(String sessionId, Consumer<SessionStreamEntry> listener);

    Subscription onAgentExit(String sessionId, Consumer<AgentExitEvent> listener);

    Subscription onAgentStderr(String sessionId, Consumer<AgentStderrEvent> listener);
}
