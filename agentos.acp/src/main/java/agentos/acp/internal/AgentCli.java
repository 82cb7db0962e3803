package agentos.acp.internal;

import agentos.api.Subscription;
import agentos.api.Vm;
import agentos.api.config.PermissionMode;
import agentos.api.config.PermissionPolicy;
import agentos.api.config.PermissionRule;
import agentos.api.config.ScopePolicy;
import agentos.api.config.VmConfig;
import agentos.api.session.OpenSessionOptions;
import agentos.api.session.PendingPermission;
import agentos.api.session.PermissionOption;
import agentos.api.session.PermissionPolicyMode;
import agentos.api.session.PromptRequest;
import agentos.api.session.PromptResult;
import agentos.api.session.SessionStreamEntry;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** What the {@code prompt} and {@code quickstart} modes share: provider network rules and one streamed turn. */
final class AgentCli {
    static final int EX_USAGE = 2;
    static final int EX_CONFIG = 78;
    static final String DEFAULT_BASE_URL = "https://api.anthropic.com";

    private AgentCli() {}

    /** Opens exactly the provider's host (and its DNS name) to the VM; a loopback provider becomes an exempt port. */
    static VmConfig.Builder forProvider(VmConfig.Builder config, String baseUrl) {
        URI uri = URI.create(baseUrl);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("ANTHROPIC_BASE_URL must be an absolute URL, got '" + baseUrl + "'");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
        String host = uri.getHost();
        if (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.equals("[::1]")) {
            return config.loopbackExemptPort(port);
        }
        return config.permissions(PermissionPolicy.INHERIT.withNetwork(ScopePolicy.of(PermissionMode.DENY,
                PermissionRule.of(PermissionMode.ALLOW, "listen", "**"),
                PermissionRule.of(PermissionMode.ALLOW, "connect", "tcp://" + host + ":" + port),
                PermissionRule.of(PermissionMode.ALLOW, "dns", "dns://" + host))));
    }

    /**
     * Runs one turn, streaming the agent's text and tool calls to {@code out}; permission requests
     * (policy ask) are put to the user on {@code in}. Returns the result, or throws the turn's failure.
     */
    static PromptResult turn(Vm vm, String sessionId, String text, PrintStream out, PrintStream err, BufferedReader in)
            throws InterruptedException, ExecutionException {
        java.util.Set<String> toolsSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Subscription events = vm.sessions().onEvent(sessionId, e -> show(e, out, toolsSeen));
        try {
            CompletableFuture<PromptResult> result = vm.sessions().prompt(PromptRequest.text(sessionId, text)).toCompletableFuture();
            while (true) {
                try {
                    return result.get(200, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException waiting) {
                    var state = vm.sessions().get(sessionId).orElseThrow().state();
                    if (state instanceof agentos.api.session.SessionState.Waiting w) {
                        for (PendingPermission p : w.requests()) {
                            answer(vm, sessionId, p, out, err, in);
                        }
                    }
                }
            }
        } finally {
            events.close();
            out.flush();
        }
    }

    private static void answer(Vm vm, String sessionId, PendingPermission p, PrintStream out, PrintStream err, BufferedReader in) {
        JsonObject tool = JsonParser.parseString(p.toolCallJson()).getAsJsonObject();
        String title = tool.has("title") ? tool.get("title").getAsString() : tool.toString();
        out.flush();
        err.print("\n[permission] the agent wants to: " + title + " — allow? [y/N] ");
        err.flush();
        String line;
        try {
            line = in.readLine();
        } catch (IOException e) {
            line = null;
        }
        boolean yes = line != null && line.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y");
        String prefix = yes ? "allow" : "reject";
        PermissionOption pick = p.options().stream().filter(o -> o.kind().startsWith(prefix)).findFirst().orElse(p.options().get(0));
        vm.sessions().respondPermission(sessionId, p.requestId(), pick.optionId());
    }

    /** Prints the agent's text as it streams and each tool call once when it starts and once when it ends. */
    private static void show(SessionStreamEntry e, PrintStream out, java.util.Set<String> toolsSeen) {
        JsonObject j = JsonParser.parseString(e.json()).getAsJsonObject();
        String toolId = j.has("toolCallId") ? j.get("toolCallId").getAsString() : "";
        switch (e.type()) {
            case "agent_message_chunk" -> {
                if (e instanceof SessionStreamEntry.Ephemeral && j.has("content") && j.getAsJsonObject("content").has("text")) {
                    out.print(j.getAsJsonObject("content").get("text").getAsString());
                }
            }
            case "tool_call" -> {
                if (toolsSeen.add(toolId + ":start")) {
                    out.println("\n   [tool] " + (j.has("title") ? j.get("title").getAsString() : "?") + " started");
                }
            }
            case "tool_call_update" -> {
                String status = j.has("status") ? j.get("status").getAsString() : "";
                if ((status.equals("completed") || status.equals("failed")) && toolsSeen.add(toolId + ":end")) {
                    // The input is complete only by now (models stream it).
                    String detail = j.has("rawInput") && j.get("rawInput").isJsonObject() && j.getAsJsonObject("rawInput").has("command")
                            ? ": " + j.getAsJsonObject("rawInput").get("command").getAsString() : "";
                    out.print("   [tool] " + status + detail + "\n   ");
                }
            }
            default -> {
                // plans, usage and config updates are in the session's history
            }
        }
        out.flush();
    }

    static OpenSessionOptions options(String sessionId, String agent, String cwd, Map<String, String> env, PermissionPolicyMode policy) {
        return new OpenSessionOptions(sessionId, agent, cwd, List.of(), env, List.of(), policy, false, null);
    }
}
