package agentos.client.internal;

import agentos.api.Subscription;
import agentos.api.session.AgentExitEvent;
import agentos.api.session.AgentImplementation;
import agentos.api.session.AgentInfo;
import agentos.api.session.AgentStderrEvent;
import agentos.api.session.Agents;
import agentos.api.session.HistoryPage;
import agentos.api.session.HistoryQuery;
import agentos.api.session.OpenSessionOptions;
import agentos.api.session.PermissionResponse;
import agentos.api.session.PromptRequest;
import agentos.api.session.PromptResult;
import agentos.api.session.SessionCapabilities;
import agentos.api.session.SessionConfig;
import agentos.api.session.SessionInfo;
import agentos.api.session.SessionPage;
import agentos.api.session.SessionStreamEntry;
import agentos.api.session.Sessions;
import agentos.wire.Wire;
import agentos.wire.WireJson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The {@code agents} and {@code sessions} namespaces over the wire: each call is one {@code ext} request in
 * namespace {@code acp}; the sidecar runs the ACP orchestration.
 */
final class ClientSessions implements Sessions, Agents {
    private final ClientVm vm;

    ClientSessions(ClientVm vm) {
        this.vm = vm;
    }

    private static JsonObject envelope(JsonObject payload) {
        JsonObject p = WireJson.object("namespace", "acp");
        p.add("payload", payload);
        return p;
    }

    private JsonObject call(JsonObject payload) {
        return vm.call(Wire.EXT, envelope(payload)).getAsJsonObject("payload");
    }

    private CompletionStage<JsonObject> callAsync(JsonObject payload) {
        Transport t = vm.transport();
        return t.callAsync(vm.scope(), Wire.EXT, envelope(payload), false, t.nextId()).thenApply(r -> r.getAsJsonObject("payload"));
    }

    private static <T> Optional<T> optional(JsonObject r, String field, Class<T> type) {
        JsonElement e = r.get(field);
        return e == null || e.isJsonNull() ? Optional.empty() : Optional.of(WireJson.GSON.fromJson(e, type));
    }

    @Override
    public List<AgentInfo> list() {
        return WireJson.field(call(WireJson.object("op", "agents_list")), "agents", new TypeToken<List<AgentInfo>>() {}.getType());
    }

    @Override
    public CompletionStage<Void> open(OpenSessionOptions options) {
        return callAsync(WireJson.object("op", "open", "options", options)).thenApply(r -> null);
    }

    @Override
    public Optional<SessionInfo> get(String sessionId) {
        return optional(call(WireJson.object("op", "get", "session_id", sessionId)), "session", SessionInfo.class);
    }

    @Override
    public SessionPage list(@Nullable String cursor, int limit) {
        JsonObject p = WireJson.object("op", "list", "limit", limit);
        if (cursor != null) {
            p.addProperty("cursor", cursor);
        }
        return WireJson.field(call(p), "page", SessionPage.class);
    }

    @Override
    public void delete(String sessionId) {
        call(WireJson.object("op", "delete", "session_id", sessionId));
    }

    @Override
    public void unload(String sessionId) {
        call(WireJson.object("op", "unload", "session_id", sessionId));
    }

    @Override
    public CompletionStage<PromptResult> prompt(PromptRequest request) {
        return callAsync(WireJson.object("op", "prompt", "request", request)).thenApply(r -> WireJson.field(r, "result", PromptResult.class));
    }

    @Override
    public boolean cancelPrompt(String sessionId) {
        return call(WireJson.object("op", "cancel_prompt", "session_id", sessionId)).get("cancelled").getAsBoolean();
    }

    @Override
    public PermissionResponse respondPermission(String sessionId, String requestId, String optionId) {
        return WireJson.field(call(WireJson.object("op", "respond_permission", "session_id", sessionId, "request_id", requestId,
                "option_id", optionId)), "response", PermissionResponse.class);
    }

    @Override
    public HistoryPage readHistory(HistoryQuery query) {
        return WireJson.field(call(WireJson.object("op", "read_history", "query", query)), "page", HistoryPage.class);
    }

    @Override
    public SessionConfig getConfig(String sessionId) {
        return WireJson.field(call(WireJson.object("op", "get_config", "session_id", sessionId)), "config", SessionConfig.class);
    }

    @Override
    public SessionConfig setConfigOption(String sessionId, String configId, String value) {
        return WireJson.field(call(WireJson.object("op", "set_config_option", "session_id", sessionId, "config_id", configId,
                "value", value)), "config", SessionConfig.class);
    }

    @Override
    public Optional<SessionCapabilities> getCapabilities(String sessionId) {
        return optional(call(WireJson.object("op", "get_capabilities", "session_id", sessionId)), "capabilities", SessionCapabilities.class);
    }

    @Override
    public Optional<AgentImplementation> getAgentInfo(String sessionId) {
        return optional(call(WireJson.object("op", "get_agent_info", "session_id", sessionId)), "agent_info", AgentImplementation.class);
    }

    @Override
    public Subscription onEvent(String sessionId, Consumer<SessionStreamEntry> listener) {
        return subscribe("subscribe_events", sessionId, v -> listener.accept(WireJson.GSON.fromJson(v, SessionStreamEntry.class)));
    }

    @Override
    public Subscription onAgentExit(String sessionId, Consumer<AgentExitEvent> listener) {
        return subscribe("subscribe_agent_exit", sessionId, v -> listener.accept(WireJson.GSON.fromJson(v, AgentExitEvent.class)));
    }

    @Override
    public Subscription onAgentStderr(String sessionId, Consumer<AgentStderrEvent> listener) {
        return subscribe("subscribe_agent_stderr", sessionId, v -> listener.accept(WireJson.GSON.fromJson(v, AgentStderrEvent.class)));
    }

    private Subscription subscribe(String op, String sessionId, Consumer<JsonElement> listener) {
        return ClientProcesses.subscribe(vm, Wire.EXT, envelope(WireJson.object("op", op, "session_id", sessionId)),
                e -> listener.accept(e.get("value")), true);
    }
}
