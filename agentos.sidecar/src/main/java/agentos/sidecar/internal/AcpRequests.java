package agentos.sidecar.internal;

import agentos.api.Subscription;
import agentos.api.Vm;
import agentos.api.session.HistoryQuery;
import agentos.api.session.OpenSessionOptions;
import agentos.api.session.PromptRequest;
import agentos.api.session.SessionStreamEntry;
import agentos.api.session.Sessions;
import agentos.wire.Frame;
import agentos.wire.Ownership;
import agentos.wire.Wire;
import agentos.wire.WireJson;
import com.google.gson.JsonObject;
import java.util.concurrent.CompletionStage;
import java.util.function.LongFunction;

/**
 * The {@code acp} extension namespace: the agents and sessions API as single requests inside {@code ext}
 * envelopes. The orchestration (handshake, turns, permissions, storage) runs here in the sidecar; the client only
 * forwards. Events come back as {@code ext} events carrying the client's subscription id.
 */
final class AcpRequests {
    static final String NAMESPACE = "acp";

    private final Connection connection;
    private final VmRequests vmRequests;

    AcpRequests(Connection connection, VmRequests vmRequests) {
        this.connection = connection;
        this.vmRequests = vmRequests;
    }

    /** Returns the reply payload, or a CompletionStage of it. */
    Object handle(Frame request, Vm vm, JsonObject p) {
        Ownership scope = request.ownership();
        String op = WireJson.string(p, "op");
        if (op.equals("agents_list")) {
            return WireJson.object("agents", vm.agents().list());
        }
        Sessions s = vm.sessions();
        return switch (op) {
            case "open" -> s.open(WireJson.field(p, "options", OpenSessionOptions.class)).thenApply(v -> new JsonObject());
            case "get" -> WireJson.object("session", s.get(id(p)).orElse(null));
            case "list" -> WireJson.object("page", s.list(p.has("cursor") && !p.get("cursor").isJsonNull()
                    ? p.get("cursor").getAsString() : null, WireJson.integer(p, "limit")));
            case "delete" -> {
                s.delete(id(p));
                yield new JsonObject();
            }
            case "unload" -> {
                s.unload(id(p));
                yield new JsonObject();
            }
            case "prompt" -> s.prompt(WireJson.field(p, "request", PromptRequest.class)).thenApply(r -> WireJson.object("result", r));
            case "cancel_prompt" -> WireJson.object("cancelled", s.cancelPrompt(id(p)));
            case "respond_permission" -> WireJson.object("response", s.respondPermission(id(p), WireJson.string(p, "request_id"),
                    WireJson.string(p, "option_id")));
            case "read_history" -> WireJson.object("page", s.readHistory(WireJson.field(p, "query", HistoryQuery.class)));
            case "get_config" -> WireJson.object("config", s.getConfig(id(p)));
            case "set_config_option" -> WireJson.object("config", s.setConfigOption(id(p), WireJson.string(p, "config_id"),
                    WireJson.string(p, "value")));
            case "get_capabilities" -> WireJson.object("capabilities", s.getCapabilities(id(p)).orElse(null));
            case "get_agent_info" -> WireJson.object("agent_info", s.getAgentInfo(id(p)).orElse(null));
            case "subscribe_events" -> subscribe(scope, p, sid -> s.onEvent(id(p), e -> emit(scope, sid, "event",
                    WireJson.GSON.toJsonTree(e, SessionStreamEntry.class))));
            case "subscribe_agent_exit" -> subscribe(scope, p, sid -> s.onAgentExit(id(p), e -> emit(scope, sid, "agent_exit", WireJson.tree(e))));
            case "subscribe_agent_stderr" -> subscribe(scope, p, sid -> s.onAgentStderr(id(p), e -> emit(scope, sid, "agent_stderr", WireJson.tree(e))));
            default -> throw new IllegalArgumentException("acp.op '" + op + "' is not one of agents_list, open, get, list, delete, "
                    + "unload, prompt, cancel_prompt, respond_permission, read_history, get_config, set_config_option, "
                    + "get_capabilities, get_agent_info, subscribe_events, subscribe_agent_exit, subscribe_agent_stderr");
        };
    }

    private static String id(JsonObject p) {
        return WireJson.string(p, "session_id");
    }

    private void emit(Ownership scope, long sid, String kind, com.google.gson.JsonElement value) {
        JsonObject e = WireJson.object("namespace", NAMESPACE, "subscription", sid, "kind", kind);
        e.add("value", value);
        connection.event(scope, Wire.EXT, e, true);
    }

    private JsonObject subscribe(Ownership scope, JsonObject p, LongFunction<Subscription> open) {
        return vmRequests.subscribe(p, open);
    }

    static Object wrap(Object result) {
        if (result instanceof CompletionStage<?> stage) {
            return stage.thenApply(r -> envelope((JsonObject) r));
        }
        return envelope((JsonObject) result);
    }

    private static JsonObject envelope(JsonObject payload) {
        JsonObject o = WireJson.object("namespace", NAMESPACE);
        o.add("payload", payload);
        return o;
    }
}
