package agentos.acp.internal;

import agentos.api.Subscription;
import agentos.api.Vm;
import agentos.api.process.ProcessExit;
import agentos.api.session.AgentExitEvent;
import agentos.api.session.AgentImplementation;
import agentos.api.session.AgentInfo;
import agentos.api.session.AgentMessage;
import agentos.api.session.AgentStderrEvent;
import agentos.api.session.Agents;
import agentos.api.session.ContentBlock;
import agentos.api.session.HistoryPage;
import agentos.api.session.HistoryQuery;
import agentos.api.session.OpenSessionOptions;
import agentos.api.session.PendingPermission;
import agentos.api.session.PermissionOption;
import agentos.api.session.PermissionPolicyMode;
import agentos.api.session.PermissionResponse;
import agentos.api.session.PromptRequest;
import agentos.api.session.PromptResult;
import agentos.api.session.SessionCapabilities;
import agentos.api.session.SessionConfig;
import agentos.api.session.SessionConfigOption;
import agentos.api.session.SessionError;
import agentos.api.session.SessionException;
import agentos.api.session.SessionInfo;
import agentos.api.session.SessionPage;
import agentos.api.session.SessionState;
import agentos.api.session.SessionStreamEntry;
import agentos.api.session.Sessions;
import agentos.api.spi.AgentAdapter;
import agentos.api.spi.AgentBinding;
import agentos.api.spi.AgentLaunch;
import agentos.api.spi.AgentManifest;
import agentos.api.spi.PackageManifest;
import agentos.api.spi.StoredEvent;
import agentos.api.spi.StoredSession;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One VM's durable ACP sessions (upstream agentos 0.2.21's model): caller-chosen ids, rows and history in a
 * {@link JdbcSessionStore} under the VM's scope, the agent process spawned with {@code node} in the VM, idempotent
 * prompts whose input is stored before dispatch, durable and ephemeral events, permission requests answered by the
 * session's policy or by the host, and restore by native {@code session/load} or a transcript fallback.
 */
final class VmAgentSessions implements AgentBinding, Agents, Sessions {
    static final String INSTRUCTIONS = "/etc/agentos/instructions.md";
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,200}");
    private static final int IDEMPOTENCY_KEYS = 64;

    private final Vm vm;
    private final Supplier<List<PackageManifest>> packages;
    private final Function<String, @Nullable AgentAdapter> adapters;
    private final JdbcSessionStore store;
    private final String scope;
    private final boolean privateScope;
    private final AcpSettings settings;
    private final ExecutorService executor;
    private final Runnable onClose;
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final Map<String, Listeners> listeners = new ConcurrentHashMap<>();
    private volatile boolean open = true;

    VmAgentSessions(Vm vm, Supplier<List<PackageManifest>> packages, Function<String, @Nullable AgentAdapter> adapters,
            JdbcSessionStore store, String scope, boolean privateScope, AcpSettings settings, ExecutorService executor,
            Runnable onClose) {
        this.vm = vm;
        this.packages = packages;
        this.adapters = adapters;
        this.store = store;
        this.scope = scope;
        this.privateScope = privateScope;
        this.settings = settings;
        this.executor = executor;
        this.onClose = onClose;
        recoverStoredStates();
    }

    /** A turn that was running when the runtime stopped can't continue: mark it failed (waiting requests stay). */
    private void recoverStoredStates() {
        String cursor = null;
        do {
            List<StoredSession> page = store.list(scope, cursor, 200);
            for (StoredSession row : page) {
                JsonObject state = JsonParser.parseString(row.stateJson()).getAsJsonObject();
                if (state.getAsJsonObject("state").get("kind").getAsString().equals("running")) {
                    state.add("state", failedState(new SessionError("adapter_exited",
                            "the runtime stopped while a turn was running", null, true)));
                    store.put(withState(row, state, row.updatedAtMs()));
                }
            }
            cursor = page.size() < 200 ? null : JdbcSessionStore.cursor(page.get(page.size() - 1));
        } while (cursor != null);
    }

    // ---- AgentBinding

    @Override
    public Agents agents() {
        return this;
    }

    @Override
    public Sessions sessions() {
        return this;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close(String reason) {
        if (!open) {
            return;
        }
        open = false;
        for (Live s : live.values()) {
            stop(s, "vm_shutdown", reason);
        }
        live.clear();
        if (privateScope) {
            for (StoredSession row : allRows()) {
                store.delete(scope, row.sessionId());
            }
        }
        onClose.run();
    }

    private List<StoredSession> allRows() {
        List<StoredSession> out = new ArrayList<>();
        String cursor = null;
        do {
            List<StoredSession> page = store.list(scope, cursor, 200);
            out.addAll(page);
            cursor = page.size() < 200 ? null : JdbcSessionStore.cursor(page.get(page.size() - 1));
        } while (cursor != null);
        return out;
    }

    // ---- Agents

    @Override
    public List<AgentInfo> list() {
        List<AgentInfo> out = new ArrayList<>();
        for (PackageManifest p : packages.get()) {
            if (p.agent() != null) {
                out.add(new AgentInfo(p.agent().id(), true, p.name(), p.version()));
            }
        }
        return out;
    }

    private PackageManifest resolveAgent(String agent) {
        for (PackageManifest p : packages.get()) {
            if (p.agent() != null && p.agent().id().equals(agent)) {
                return p;
            }
        }
        List<String> ids = list().stream().map(AgentInfo::id).toList();
        throw new SessionException("agent_not_found", "no agent '" + agent + "' in this VM (agents: "
                + (ids.isEmpty() ? "none" : String.join(", ", ids)) + "); add its package to the VM, e.g. "
                + "VmConfig.software(\"" + agent + "\") or vm.software().link(\"…/package.aospkg\")");
    }

    // ---- Sessions: storage-only reads

    @Override
    public Optional<SessionInfo> get(String sessionId) {
        requireOpen();
        return store.get(scope, sessionId).map(VmAgentSessions::info);
    }

    @Override
    public SessionPage list(@Nullable String cursor, int limit) {
        requireOpen();
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("session list limit must be 1..1000, got " + limit);
        }
        List<StoredSession> rows = store.list(scope, cursor, limit + 1);
        boolean more = rows.size() > limit;
        List<StoredSession> page = more ? rows.subList(0, limit) : rows;
        return new SessionPage(page.stream().map(VmAgentSessions::info).toList(),
                more ? JdbcSessionStore.cursor(page.get(page.size() - 1)) : null);
    }

    @Override
    public HistoryPage readHistory(HistoryQuery q) {
        requireOpen();
        StoredSession row = store.get(scope, q.sessionId()).orElseThrow(() -> notFound(q.sessionId()));
        long oldest = store.oldestSequence(scope, q.sessionId());
        long cursor = q.after() != null ? q.after() : q.before() != null ? q.before() : -1;
        if (oldest > 1 && cursor >= 0 && cursor < oldest - 1) {
            throw new SessionException("expired_cursor", "history of session " + q.sessionId() + " before sequence " + oldest
                    + " was pruned (retention keeps " + settings.maxEventsPerSession() + " events); read from after=" + (oldest - 1));
        }
        int limit = Math.min(q.limit(), 1000);
        List<StoredEvent> events = q.before() != null
                ? store.events(scope, q.sessionId(), 0, q.before(), limit)
                : store.events(scope, q.sessionId(), q.after() == null ? 0 : q.after(), Long.MAX_VALUE, limit);
        List<SessionStreamEntry.Durable> out = events.stream().map(VmAgentSessions::durable).toList();
        long first = out.isEmpty() ? (q.before() != null ? q.before() : row.latestSequence() + 1) : out.get(0).sequence();
        long last = out.isEmpty() ? (q.after() != null ? q.after() : 0) : out.get(out.size() - 1).sequence();
        return new HistoryPage(out, first > Math.max(oldest, 1), last < row.latestSequence());
    }

    @Override
    public SessionConfig getConfig(String sessionId) {
        requireOpen();
        StoredSession row = store.get(scope, sessionId).orElseThrow(() -> notFound(sessionId));
        return config(JsonParser.parseString(row.stateJson()).getAsJsonObject());
    }

    @Override
    public Optional<SessionCapabilities> getCapabilities(String sessionId) {
        requireOpen();
        StoredSession row = store.get(scope, sessionId).orElseThrow(() -> notFound(sessionId));
        JsonObject state = JsonParser.parseString(row.stateJson()).getAsJsonObject();
        if (!state.has("capabilities")) {
            return Optional.empty();
        }
        JsonObject init = state.getAsJsonObject("capabilities");
        JsonObject caps = init.has("agentCapabilities") ? init.getAsJsonObject("agentCapabilities") : new JsonObject();
        JsonObject prompt = obj(caps, "promptCapabilities");
        JsonObject mcp = obj(caps, "mcpCapabilities");
        return Optional.of(new SessionCapabilities(init.has("protocolVersion") ? init.get("protocolVersion").getAsInt() : 1,
                bool(caps, "loadSession"), bool(prompt, "image"), bool(prompt, "audio"), bool(prompt, "embeddedContext"),
                bool(mcp, "http"), bool(mcp, "sse"), caps.toString()));
    }

    @Override
    public Optional<AgentImplementation> getAgentInfo(String sessionId) {
        requireOpen();
        StoredSession row = store.get(scope, sessionId).orElseThrow(() -> notFound(sessionId));
        JsonObject state = JsonParser.parseString(row.stateJson()).getAsJsonObject();
        if (!state.has("agentInfo")) {
            return Optional.empty();
        }
        JsonObject a = state.getAsJsonObject("agentInfo");
        return Optional.of(new AgentImplementation(a.has("name") ? a.get("name").getAsString() : "unknown", str(a, "title"), str(a, "version")));
    }

    // ---- open, unload, delete

    @Override
    public CompletionStage<Void> open(OpenSessionOptions options) {
        requireOpen();
        if (!SESSION_ID.matcher(options.sessionId()).matches()) {
            throw new IllegalArgumentException("session id must be 1..200 characters of [A-Za-z0-9._:@-], got '" + options.sessionId() + "'");
        }
        if (options.cwd() != null && !options.cwd().startsWith("/")) {
            throw new IllegalArgumentException("session cwd must be an absolute guest path, got '" + options.cwd() + "'");
        }
        return CompletableFuture.runAsync(() -> openNow(options), executor);
    }

    private void openNow(OpenSessionOptions o) {
        Live s = live.computeIfAbsent(o.sessionId(), Live::new);
        s.lock.lock();
        try {
            Optional<StoredSession> stored = store.get(scope, o.sessionId());
            boolean created = stored.isEmpty();
            if (stored.isPresent() && !stored.get().agent().equals(o.agent())) {
                throw new SessionException("session_exists", "session " + o.sessionId() + " exists with agent '"
                        + stored.get().agent() + "', not '" + o.agent() + "'; delete it or choose another id");
            }
            if (created) {
                resolveAgent(o.agent());
                long now = System.currentTimeMillis();
                String cwd = o.cwd() == null ? "/home/agentos" : o.cwd();
                JsonObject state = new JsonObject();
                state.add("state", idleState());
                store.put(new StoredSession(scope, o.sessionId(), o.agent(), cwd, o.additionalDirectories(), optionsJson(o),
                        state.toString(), null, 0, null, null, now, now));
            }
            s.options = o;
            try {
                ensurePeer(s);
            } catch (RuntimeException e) {
                if (created) {
                    store.delete(scope, o.sessionId());
                    live.remove(o.sessionId(), s);
                }
                throw e;
            }
        } finally {
            s.lock.unlock();
        }
    }

    @Override
    public void unload(String sessionId) {
        requireOpen();
        Live s = live.get(sessionId);
        if (s != null) {
            stop(s, "prompt_cancelled", "session unloaded");
        } else if (store.get(scope, sessionId).isEmpty()) {
            throw notFound(sessionId);
        }
    }

    @Override
    public void delete(String sessionId) {
        requireOpen();
        Live s = live.remove(sessionId);
        if (s != null) {
            stop(s, "session_deleted", "session deleted");
        }
        store.delete(scope, sessionId);
    }

    /** Ends the turn and the agent process of a live session, keeping its stored row. */
    private void stop(Live s, String permissionReason, String why) {
        AcpPeer peer;
        Turn turn;
        boolean shutdown = permissionReason.equals("vm_shutdown");
        synchronized (s) {
            peer = s.peer;
            s.peer = null;
            turn = s.turn;
            if (shutdown) {
                // The stored state stays as it is (a waiting session keeps its pending requests across a restart);
                // only the callers and the dying agent are answered.
                for (Pending p : s.permissions.values()) {
                    p.answer.complete(cancelledOutcome());
                }
                s.permissions.clear();
                if (turn != null) {
                    turn.done = true;
                    s.turn = null;
                }
            } else {
                resolvePending(s, permissionReason);
            }
        }
        if (turn != null && shutdown) {
            turn.result.completeExceptionally(new SessionException("vm_shutdown", "the turn ended: " + why));
        } else if (turn != null) {
            finishTurn(s, turn, null, new SessionException(permissionReason.equals("session_deleted") ? "session_deleted"
                    : "prompt_cancelled", "the turn ended: " + why));
        }
        if (peer != null) {
            s.expectedExit = peer;
            peer.close(new SessionException("adapter_stopped", why));
        }
    }

    private static JsonObject cancelledOutcome() {
        JsonObject outcome = new JsonObject();
        outcome.addProperty("outcome", "cancelled");
        JsonObject r = new JsonObject();
        r.add("outcome", outcome);
        return r;
    }

    // ---- the agent process

    /** Starts and negotiates the agent process when it is not running. Called with {@code s.lock} held. */
    private void ensurePeer(Live s) {
        synchronized (s) {
            if (s.peer != null && s.peer.isAlive()) {
                return;
            }
        }
        StoredSession row = store.get(scope, s.id).orElseThrow(() -> notFound(s.id));
        OpenSessionOptions o = s.options;
        if (o == null) {
            throw new SessionException("session_not_open", "session " + s.id + " was stored by an earlier run; open it again "
                    + "with its options (credentials in env are never stored) before prompting");
        }
        PackageManifest pkg = resolveAgent(row.agent());
        AgentManifest manifest = pkg.agent();
        Map<String, String> env = new LinkedHashMap<>(manifest.env());
        env.putIfAbsent("HOME", "/home/agentos");
        env.putAll(o.env());
        String instructions = null;
        if (!o.skipOsInstructions() || o.additionalInstructions() != null) {
            StringBuilder text = new StringBuilder();
            if (!o.skipOsInstructions()) {
                text.append(settings.baseInstructions().strip()).append("\n\n");
            }
            if (o.additionalInstructions() != null) {
                text.append(o.additionalInstructions().strip()).append("\n\n");
            }
            text.append("---\n");
            instructions = text.toString();
            vm.filesystem().mkdir("/etc/agentos", true);
            vm.filesystem().writeFile(INSTRUCTIONS, instructions.getBytes(StandardCharsets.UTF_8));
        }
        AgentLaunch launch = new AgentLaunch(manifest.acpEntrypoint(), manifest.launchArgs(), env);
        AgentAdapter adapter = adapters.apply(manifest.id());
        if (adapter != null) {
            launch = adapter.prepare(launch, Map.copyOf(env), instructions);
        }
        if (!vm.filesystem().exists(row.cwd())) {
            vm.filesystem().mkdir(row.cwd(), true);
        }
        AcpPeer peer = new AcpPeer(vm, launch.entrypoint(), launch.args(), launch.env(), row.cwd(), settings.maxLineBytes(),
                new PeerHandler(s));
        synchronized (s) {
            s.peer = peer;
        }
        try {
            JsonObject init = join(peer.request("initialize", initializeParams(), settings.initializeTimeoutMs(), "handshake_timeout"),
                    "initialize");
            JsonObject caps = init.has("agentCapabilities") ? init.getAsJsonObject("agentCapabilities") : new JsonObject();
            JsonObject state = stateOf(s.id);
            state.add("capabilities", init);
            if (init.has("agentInfo") && init.get("agentInfo").isJsonObject()) {
                state.add("agentInfo", init.get("agentInfo"));
            }
            String agentSessionId = row.agentSessionId();
            boolean restored = false;
            if (agentSessionId != null && bool(caps, "loadSession")) {
                JsonObject load = sessionParams(row, o);
                load.addProperty("sessionId", agentSessionId);
                s.loading = true;
                try {
                    JsonObject r = join(peer.request("session/load", load, settings.newSessionTimeoutMs(), "handshake_timeout"), "session/load");
                    applyConfig(state, r);
                    restored = true;
                } catch (SessionException e) {
                    if (!peer.isAlive()) {
                        throw e;
                    }
                    // the agent could not load it (e.g. its own store is gone): fall back to a transcript
                } finally {
                    s.loading = false;
                }
            }
            if (!restored) {
                JsonObject r = join(peer.request("session/new", sessionParams(row, o), settings.newSessionTimeoutMs(), "handshake_timeout"),
                        "session/new");
                if (!r.has("sessionId")) {
                    throw new SessionException("handshake_failed", "the agent's session/new result has no sessionId: " + r);
                }
                agentSessionId = r.get("sessionId").getAsString();
                applyConfig(state, r);
                if (row.agentSessionId() != null || row.latestSequence() > 0) {
                    state.addProperty("needsPreamble", true);
                }
            }
            StoredSession now = store.get(scope, s.id).orElseThrow(() -> notFound(s.id));
            store.put(new StoredSession(scope, s.id, now.agent(), now.cwd(), now.additionalDirectories(), now.optionsJson(),
                    state.toString(), agentSessionId, now.latestSequence(), now.title(), now.metadataJson(), now.createdAtMs(),
                    System.currentTimeMillis()));
            synchronized (s) {
                s.agentSessionId = agentSessionId;
            }
        } catch (RuntimeException e) {
            synchronized (s) {
                if (s.peer == peer) {
                    s.peer = null;
                }
            }
            s.expectedExit = peer;
            peer.close(e instanceof SessionException se ? se : new SessionException("handshake_failed", String.valueOf(e.getMessage())));
            if (e instanceof SessionException) {
                throw e;
            }
            throw new SessionException("handshake_failed", "starting agent '" + row.agent() + "' failed: " + e.getMessage()
                    + peer.stderrTailSuffix());
        }
    }

    private JsonObject initializeParams() {
        JsonObject p = new JsonObject();
        p.addProperty("protocolVersion", 1);
        JsonObject caps = new JsonObject();
        JsonObject fs = new JsonObject();
        fs.addProperty("readTextFile", true);
        fs.addProperty("writeTextFile", true);
        caps.add("fs", fs);
        caps.addProperty("terminal", true);
        p.add("clientCapabilities", caps);
        JsonObject info = new JsonObject();
        info.addProperty("name", "agentos-jvm");
        info.addProperty("title", "Agent OS for the JVM");
        info.addProperty("version", "0.1.0");
        p.add("clientInfo", info);
        return p;
    }

    private static JsonObject sessionParams(StoredSession row, OpenSessionOptions o) {
        JsonObject p = new JsonObject();
        p.addProperty("cwd", row.cwd());
        JsonArray mcp = new JsonArray();
        for (String m : o.mcpServersJson()) {
            mcp.add(JsonParser.parseString(m));
        }
        p.add("mcpServers", mcp);
        if (!row.additionalDirectories().isEmpty()) {
            JsonArray dirs = new JsonArray();
            row.additionalDirectories().forEach(dirs::add);
            p.add("additionalDirectories", dirs);
        }
        return p;
    }

    /** Caches config options from a session/new, session/load or set_config_option result (modes become option "mode"). */
    private static void applyConfig(JsonObject state, JsonObject result) {
        JsonArray options = new JsonArray();
        if (result.has("configOptions") && result.get("configOptions").isJsonArray()) {
            options = result.getAsJsonArray("configOptions");
        } else if (state.has("config")) {
            options = state.getAsJsonArray("config");
        }
        if (result.has("modes") && result.get("modes").isJsonObject()
                && options.asList().stream().noneMatch(e -> e.getAsJsonObject().get("id").getAsString().equals("mode"))) {
            JsonObject modes = result.getAsJsonObject("modes");
            JsonObject mode = new JsonObject();
            mode.addProperty("id", "mode");
            mode.addProperty("name", "Mode");
            mode.addProperty("category", "mode");
            mode.addProperty("type", "select");
            mode.add("currentValue", modes.get("currentModeId"));
            JsonArray choices = new JsonArray();
            for (JsonElement m : modes.getAsJsonArray("availableModes")) {
                JsonObject c = new JsonObject();
                c.add("value", m.getAsJsonObject().get("id"));
                c.add("name", m.getAsJsonObject().get("name"));
                choices.add(c);
            }
            mode.add("options", choices);
            mode.addProperty("_agentosFromModes", true);
            options = options.deepCopy();
            options.add(mode);
        }
        state.add("config", options);
        state.addProperty("configRevision", (state.has("configRevision") ? state.get("configRevision").getAsLong() : 0) + 1);
    }

    private static SessionConfig config(JsonObject state) {
        List<SessionConfigOption> out = new ArrayList<>();
        if (state.has("config")) {
            for (JsonElement e : state.getAsJsonArray("config")) {
                JsonObject o = e.getAsJsonObject();
                JsonElement cur = o.get("currentValue");
                out.add(new SessionConfigOption(o.get("id").getAsString(), o.has("name") ? o.get("name").getAsString() : o.get("id").getAsString(),
                        o.has("type") ? o.get("type").getAsString() : "select",
                        cur == null || cur.isJsonNull() ? null : cur.getAsString(), o.toString()));
            }
        }
        return new SessionConfig(state.has("configRevision") ? state.get("configRevision").getAsLong() : 0, out);
    }

    @Override
    public SessionConfig setConfigOption(String sessionId, String configId, String value) {
        requireOpen();
        Live s = restoreForUse(sessionId);
        AcpPeer peer;
        String agentSession;
        synchronized (s) {
            peer = s.peer;
            agentSession = s.agentSessionId;
        }
        if (peer == null || agentSession == null) {
            throw new SessionException("adapter_exited", "the agent of session " + sessionId + " is not running");
        }
        JsonObject state = stateOf(sessionId);
        JsonObject option = null;
        for (JsonElement e : state.has("config") ? state.getAsJsonArray("config") : new JsonArray()) {
            if (e.getAsJsonObject().get("id").getAsString().equals(configId)) {
                option = e.getAsJsonObject();
            }
        }
        if (option == null) {
            throw new SessionException("invalid_config_option", "session " + sessionId + " has no config option '" + configId
                    + "' (options: " + config(state).options().stream().map(SessionConfigOption::id).toList() + ")");
        }
        if (option.has("_agentosFromModes")) {
            JsonObject p = new JsonObject();
            p.addProperty("sessionId", agentSession);
            p.addProperty("modeId", value);
            join(peer.request("session/set_mode", p, settings.newSessionTimeoutMs(), "agent_timeout"), "session/set_mode");
            option.addProperty("currentValue", value);
            state.addProperty("configRevision", state.get("configRevision").getAsLong() + 1);
        } else {
            JsonObject p = new JsonObject();
            p.addProperty("sessionId", agentSession);
            p.addProperty("configId", configId);
            p.addProperty("value", value);
            JsonObject r = join(peer.request("session/set_config_option", p, settings.newSessionTimeoutMs(), "agent_timeout"),
                    "session/set_config_option");
            applyConfig(state, r);
        }
        putState(sessionId, state);
        return config(state);
    }

    /** The live session, restoring its agent process if it was unloaded. */
    private Live restoreForUse(String sessionId) {
        StoredSession row = store.get(scope, sessionId).orElseThrow(() -> notFound(sessionId));
        Live s = live.computeIfAbsent(sessionId, Live::new);
        restore(s, row);
        return s;
    }

    /** Starts the agent of {@code s} if it is not running (options from the row when this runtime never opened it). */
    private void restore(Live s, StoredSession row) {
        s.lock.lock();
        try {
            if (s.options == null) {
                s.options = optionsFromRow(row);
            }
            ensurePeer(s);
        } finally {
            s.lock.unlock();
        }
    }

    // ---- prompts

    @Override
    public CompletionStage<PromptResult> prompt(PromptRequest r) {
        requireOpen();
        StoredSession row = store.get(scope, r.sessionId()).orElseThrow(() -> notFound(r.sessionId()));
        Live s = live.computeIfAbsent(r.sessionId(), Live::new);
        Turn t;
        synchronized (s) {
            if (r.idempotencyKey() != null) {
                JsonObject earlier = idempotency(r.sessionId()).get(r.idempotencyKey());
                if (earlier != null) {
                    return CompletableFuture.completedFuture(result(r.sessionId(), earlier));
                }
                if (s.turn != null && r.idempotencyKey().equals(s.turn.idempotencyKey)) {
                    return s.turn.result;
                }
            }
            if (s.turn != null) {
                throw new SessionException("prompt_in_progress", "session " + r.sessionId()
                        + " is running a turn; wait for it or cancelPrompt first");
            }
            t = new Turn(r.idempotencyKey());
            s.turn = t;
            JsonObject input = new JsonObject();
            JsonArray content = new JsonArray();
            for (ContentBlock b : r.content()) {
                content.add(JsonParser.parseString(b.json()));
            }
            input.add("content", content);
            if (r.idempotencyKey() != null) {
                input.addProperty("idempotencyKey", r.idempotencyKey());
            }
            // Durably accepted before dispatch.
            record(s, "user_message", null, input);
            JsonObject state = stateOf(r.sessionId());
            state.add("state", runningState());
            putState(r.sessionId(), state);
        }
        CompletableFuture.runAsync(() -> runTurn(s, t, r, row), executor).exceptionally(e -> {
            finishTurn(s, t, null, unwrap(e));
            return null;
        });
        return t.result;
    }

    private void runTurn(Live s, Turn t, PromptRequest r, StoredSession row) {
        restore(s, row);
        AcpPeer peer;
        String agentSession;
        synchronized (s) {
            if (t.done) {
                return;
            }
            peer = s.peer;
            agentSession = s.agentSessionId;
        }
        JsonArray prompt = new JsonArray();
        JsonObject state = stateOf(s.id);
        if (state.has("needsPreamble") && state.get("needsPreamble").getAsBoolean()) {
            String path = "/tmp/agentos-transcript-" + s.id + ".md";
            vm.filesystem().mkdir("/tmp", true);
            vm.filesystem().writeFile(path, transcript(s.id).getBytes(StandardCharsets.UTF_8));
            JsonObject pre = new JsonObject();
            pre.addProperty("type", "text");
            pre.addProperty("text", "This conversation continues an earlier session that could not be restored in this agent process. "
                    + "Its transcript is in " + path + "; read it before you answer.\n\n");
            prompt.add(pre);
            state.remove("needsPreamble");
            putState(s.id, state);
        }
        for (ContentBlock b : r.content()) {
            prompt.add(JsonParser.parseString(b.json()));
        }
        JsonObject p = new JsonObject();
        p.addProperty("sessionId", agentSession);
        p.add("prompt", prompt);
        peer.request("session/prompt", p).whenComplete((res, err) -> finishTurn(s, t,
                res == null ? null : res.has("stopReason") ? res.get("stopReason").getAsString() : "end_turn",
                err == null ? null : unwrap(err)));
    }

    /** The durable history rendered for an agent that lost its own memory of the session. */
    private String transcript(String sessionId) {
        StringBuilder sb = new StringBuilder("# Transcript of session ").append(sessionId).append("\n\n");
        long after = 0;
        while (true) {
            List<StoredEvent> page = store.events(scope, sessionId, after, Long.MAX_VALUE, 500);
            for (StoredEvent e : page) {
                if (e.type().equals("user_message") || e.type().equals("agent_message")) {
                    sb.append(e.type().equals("user_message") ? "## User\n\n" : "## Assistant\n\n");
                    for (JsonElement c : JsonParser.parseString(e.json()).getAsJsonObject().getAsJsonArray("content")) {
                        JsonObject b = c.getAsJsonObject();
                        sb.append(b.has("text") ? b.get("text").getAsString() : "[" + b.get("type").getAsString() + "]");
                    }
                    sb.append("\n\n");
                } else if (e.type().equals("tool_call")) {
                    JsonObject j = JsonParser.parseString(e.json()).getAsJsonObject();
                    sb.append("(tool call: ").append(j.has("title") ? j.get("title").getAsString() : "?").append(")\n\n");
                }
                after = e.sequence();
            }
            if (page.size() < 500) {
                return sb.toString();
            }
        }
    }

    private void finishTurn(Live s, Turn t, @Nullable String stopReason, @Nullable SessionException error) {
        PromptResult result;
        synchronized (s) {
            if (t.done) {
                return;
            }
            t.done = true;
            if (s.turn == t) {
                s.turn = null;
            }
            if (t.thought.length() > 0) {
                JsonObject j = new JsonObject();
                j.add("content", textContent(t.thought.toString()));
                record(s, "agent_thought", null, j);
            }
            AgentMessage message = null;
            if (t.text.length() > 0) {
                JsonObject j = new JsonObject();
                j.addProperty("messageId", t.messageId);
                j.add("content", textContent(t.text.toString()));
                record(s, "agent_message", null, j);
                message = new AgentMessage(t.messageId, List.of(ContentBlock.text(t.text.toString())));
            }
            if (t.cancelled && error == null) {
                stopReason = "cancelled";
            }
            SessionException failure = error != null ? error : t.failure;
            JsonObject state = stateOf(s.id);
            if (failure != null) {
                boolean exited = failure.code().equals("adapter_exited");
                state.add("state", failedState(new SessionError(failure.code(), failure.getMessage(), null, exited)));
                result = null;
            } else {
                state.add("state", idleState());
                result = new PromptResult(s.id, message, stopReason == null ? "end_turn" : stopReason);
                if (t.idempotencyKey != null) {
                    JsonObject keys = state.has("idempotency") ? state.getAsJsonObject("idempotency") : new JsonObject();
                    JsonObject saved = new JsonObject();
                    saved.addProperty("stopReason", result.stopReason());
                    if (message != null) {
                        saved.addProperty("messageId", message.id());
                        saved.addProperty("text", t.text.toString());
                    }
                    keys.add(t.idempotencyKey, saved);
                    while (keys.size() > IDEMPOTENCY_KEYS) {
                        keys.remove(keys.keySet().iterator().next());
                    }
                    state.add("idempotency", keys);
                }
            }
            putState(s.id, state);
            store.prune(scope, s.id, settings.maxEventsPerSession());
        }
        // Completed after the state is stored, so a caller reading the session sees the turn's end.
        if (result != null) {
            t.result.complete(result);
        } else {
            t.result.completeExceptionally(error != null ? error : t.failure);
        }
    }

    private static JsonArray textContent(String text) {
        JsonArray a = new JsonArray();
        JsonObject b = new JsonObject();
        b.addProperty("type", "text");
        b.addProperty("text", text);
        a.add(b);
        return a;
    }

    private Map<String, JsonObject> idempotency(String sessionId) {
        JsonObject state = stateOf(sessionId);
        Map<String, JsonObject> out = new LinkedHashMap<>();
        if (state.has("idempotency")) {
            for (Map.Entry<String, JsonElement> e : state.getAsJsonObject("idempotency").entrySet()) {
                out.put(e.getKey(), e.getValue().getAsJsonObject());
            }
        }
        return out;
    }

    private static PromptResult result(String sessionId, JsonObject saved) {
        AgentMessage m = saved.has("messageId")
                ? new AgentMessage(saved.get("messageId").getAsString(), List.of(ContentBlock.text(saved.get("text").getAsString())))
                : null;
        return new PromptResult(sessionId, m, saved.get("stopReason").getAsString());
    }

    @Override
    public boolean cancelPrompt(String sessionId) {
        requireOpen();
        Live s = live.get(sessionId);
        if (s == null) {
            return false;
        }
        Turn t;
        AcpPeer peer;
        synchronized (s) {
            t = s.turn;
            if (t == null || t.cancelled) {
                return t != null;
            }
            t.cancelled = true;
            peer = s.peer;
            resolvePending(s, "prompt_cancelled");
            if (peer != null && s.agentSessionId != null) {
                JsonObject p = new JsonObject();
                p.addProperty("sessionId", s.agentSessionId);
                peer.notify("session/cancel", p);
            }
        }
        // ACP says the agent ends the turn with stopReason "cancelled"; if it does not, end it ourselves.
        CompletableFuture.delayedExecutor(settings.cancelGraceMs(), TimeUnit.MILLISECONDS, executor)
                .execute(() -> finishTurn(s, t, "cancelled", null));
        return true;
    }

    // ---- permissions

    @Override
    public PermissionResponse respondPermission(String sessionId, String requestId, String optionId) {
        requireOpen();
        Optional<StoredSession> row = store.get(scope, sessionId);
        if (row.isEmpty()) {
            return new PermissionResponse(false, "session_deleted");
        }
        Live s = live.get(sessionId);
        if (s == null) {
            return notPending(row.get(), requestId, "vm_shutdown");
        }
        Pending p;
        synchronized (s) {
            p = s.permissions.get(requestId);
            if (p == null) {
                String reason = s.resolved.get(requestId);
                return reason != null ? new PermissionResponse(false, reason) : notPending(row.get(), requestId, "adapter_exited");
            }
            if (p.options.stream().noneMatch(o -> o.optionId().equals(optionId))) {
                throw new SessionException("invalid_permission_option", "'" + optionId + "' is not an option of permission request "
                        + requestId + " (options: " + p.options.stream().map(PermissionOption::optionId).toList() + ")");
            }
            s.permissions.remove(requestId);
            s.resolved.put(requestId, "already_resolved");
            JsonObject outcome = selected(optionId);
            JsonObject j = new JsonObject();
            j.addProperty("requestId", requestId);
            j.addProperty("status", "accepted");
            j.add("outcome", outcome.getAsJsonObject("outcome"));
            record(s, "permission_response", requestId, j);
            updateWaitingState(s);
            p.answer.complete(outcome);
        }
        return new PermissionResponse(true, null);
    }

    /** Not pending: stored as waiting (its agent is gone, for {@code goneReason}), or unknown. */
    private static PermissionResponse notPending(StoredSession row, String requestId, String goneReason) {
        JsonObject state = JsonParser.parseString(row.stateJson()).getAsJsonObject().getAsJsonObject("state");
        boolean stored = state.get("kind").getAsString().equals("waiting")
                && state.getAsJsonArray("requests").asList().stream()
                        .anyMatch(e -> e.getAsJsonObject().get("requestId").getAsString().equals(requestId));
        return new PermissionResponse(false, stored ? goneReason : "request_not_found");
    }

    /** Answers every pending permission request of {@code s} as cancelled, recording why. Called holding {@code s}. */
    private void resolvePending(Live s, String reason) {
        if (s.permissions.isEmpty()) {
            return;
        }
        for (Pending p : List.copyOf(s.permissions.values())) {
            s.permissions.remove(p.requestId);
            s.resolved.put(p.requestId, reason);
            JsonObject j = new JsonObject();
            j.addProperty("requestId", p.requestId);
            j.addProperty("status", "not_pending");
            j.addProperty("reason", reason);
            JsonObject answer = cancelledOutcome();
            j.add("outcome", answer.get("outcome"));
            record(s, "permission_response", p.requestId, j);
            p.answer.complete(answer);
        }
        updateWaitingState(s);
    }

    private void updateWaitingState(Live s) {
        JsonObject state = stateOf(s.id);
        if (s.permissions.isEmpty()) {
            if (state.getAsJsonObject("state").get("kind").getAsString().equals("waiting")) {
                state.add("state", s.turn != null ? runningState() : idleState());
            }
        } else {
            JsonObject waiting = new JsonObject();
            waiting.addProperty("kind", "waiting");
            waiting.addProperty("waitingSinceMs", s.permissions.values().stream().mapToLong(p -> p.sinceMs).min().orElse(0));
            JsonArray requests = new JsonArray();
            for (Pending p : s.permissions.values()) {
                requests.add(p.json);
            }
            waiting.add("requests", requests);
            state.add("state", waiting);
        }
        putState(s.id, state);
    }

    private static JsonObject selected(String optionId) {
        JsonObject outcome = new JsonObject();
        outcome.addProperty("outcome", "selected");
        outcome.addProperty("optionId", optionId);
        JsonObject r = new JsonObject();
        r.add("outcome", outcome);
        return r;
    }

    private CompletionStage<JsonElement> requestPermission(Live s, JsonObject params) {
        List<PermissionOption> options = new ArrayList<>();
        for (JsonElement e : params.has("options") ? params.getAsJsonArray("options") : new JsonArray()) {
            JsonObject o = e.getAsJsonObject();
            options.add(new PermissionOption(o.get("optionId").getAsString(), o.has("name") ? o.get("name").getAsString() : "",
                    o.has("kind") ? o.get("kind").getAsString() : ""));
        }
        OpenSessionOptions o = s.options;
        PermissionPolicyMode mode = o == null ? PermissionPolicyMode.ALLOW_ALL : o.permissionPolicy();
        synchronized (s) {
            Turn t = s.turn;
            if (t == null || t.cancelled) {
                return CompletableFuture.completedFuture(cancelledOutcome());
            }
            if (mode == PermissionPolicyMode.ALLOW_ALL || mode == PermissionPolicyMode.REJECT_ALL) {
                String prefix = mode == PermissionPolicyMode.ALLOW_ALL ? "allow" : "reject";
                Optional<PermissionOption> pick = options.stream().filter(p -> p.kind().equals(prefix + "_once")).findFirst()
                        .or(() -> options.stream().filter(p -> p.kind().equals(prefix + "_always")).findFirst());
                if (pick.isPresent()) {
                    return CompletableFuture.completedFuture(selected(pick.get().optionId()));
                }
                t.failure = new SessionException("permission_policy_unsatisfied", "the agent asked for permission without a "
                        + prefix + " option (options: " + options + ") and the session's policy is " + mode);
                return CompletableFuture.completedFuture(cancelledOutcome());
            }
            String requestId = "perm_" + UUID.randomUUID();
            JsonObject j = new JsonObject();
            j.addProperty("requestId", requestId);
            j.add("options", params.has("options") ? params.get("options") : new JsonArray());
            j.add("toolCall", params.has("toolCall") ? params.get("toolCall") : new JsonObject());
            Pending p = new Pending(requestId, options, j, System.currentTimeMillis());
            s.permissions.put(requestId, p);
            record(s, "permission_request", requestId, j);
            updateWaitingState(s);
            return p.answer;
        }
    }

    // ---- events

    @Override
    public Subscription onEvent(String sessionId, Consumer<SessionStreamEntry> listener) {
        Listeners l = listeners.computeIfAbsent(sessionId, k -> new Listeners());
        l.events.add(listener);
        return () -> l.events.remove(listener);
    }

    @Override
    public Subscription onAgentExit(String sessionId, Consumer<AgentExitEvent> listener) {
        Listeners l = listeners.computeIfAbsent(sessionId, k -> new Listeners());
        l.exits.add(listener);
        return () -> l.exits.remove(listener);
    }

    @Override
    public Subscription onAgentStderr(String sessionId, Consumer<AgentStderrEvent> listener) {
        Listeners l = listeners.computeIfAbsent(sessionId, k -> new Listeners());
        l.stderr.add(listener);
        return () -> l.stderr.remove(listener);
    }

    private <T> void emit(List<Consumer<T>> to, T value) {
        for (Consumer<T> c : to) {
            try {
                c.accept(value);
            } catch (RuntimeException e) {
                // a listener's failure must not break the session
            }
        }
    }

    private Listeners listenersOf(String sessionId) {
        return listeners.computeIfAbsent(sessionId, k -> new Listeners());
    }

    /** The session's last durable sequence: read from the store once, then kept by {@link #record}. */
    private long latestSequence(Live s) {
        if (s.latestSequence < 0) {
            s.latestSequence = store.get(scope, s.id).orElseThrow(() -> notFound(s.id)).latestSequence();
        }
        return s.latestSequence;
    }

    /** Appends a durable entry and publishes it. Called holding {@code s}. */
    private void record(Live s, String type, @Nullable String requestId, JsonObject json) {
        long seq = latestSequence(s) + 1;
        long now = System.currentTimeMillis();
        json.addProperty("type", type);
        store.append(new StoredEvent(scope, s.id, seq, now, type, requestId, json.toString()));
        s.latestSequence = seq;
        emit(listenersOf(s.id).events, new SessionStreamEntry.Durable(s.id, seq, now, type, requestId, json.toString()));
    }

    /** The handler of one agent process's messages. */
    private final class PeerHandler implements AcpPeer.Handler {
        private final Live s;

        PeerHandler(Live s) {
            this.s = s;
        }

        @Override
        public void notification(String method, JsonObject params) {
            if (!method.equals("session/update") || !params.has("update")) {
                return;
            }
            JsonObject update = params.getAsJsonObject("update");
            String kind = update.has("sessionUpdate") ? update.get("sessionUpdate").getAsString() : "unknown";
            synchronized (s) {
                if (s.loading) {
                    return; // session/load replays history we already have
                }
                Turn t = s.turn;
                if (kind.equals("agent_message_chunk") || kind.equals("agent_thought_chunk")) {
                    JsonObject content = update.has("content") ? update.getAsJsonObject("content") : new JsonObject();
                    if (t != null && content.has("text")) {
                        (kind.equals("agent_message_chunk") ? t.text : t.thought).append(content.get("text").getAsString());
                    }
                    emit(listenersOf(s.id).events, new SessionStreamEntry.Ephemeral(s.id, latestSequence(s), kind, update.toString()));
                    return;
                }
                JsonObject flat = update.deepCopy();
                flat.remove("sessionUpdate");
                record(s, kind, null, flat);
                if (kind.equals("config_option_update") && update.has("configOptions")) {
                    JsonObject state = stateOf(s.id);
                    applyConfig(state, update);
                    putState(s.id, state);
                } else if (kind.equals("current_mode_update") && update.has("currentModeId")) {
                    JsonObject state = stateOf(s.id);
                    for (JsonElement e : state.has("config") ? state.getAsJsonArray("config") : new JsonArray()) {
                        if (e.getAsJsonObject().get("id").getAsString().equals("mode")) {
                            e.getAsJsonObject().add("currentValue", update.get("currentModeId"));
                        }
                    }
                    state.addProperty("configRevision", state.get("configRevision").getAsLong() + 1);
                    putState(s.id, state);
                } else if (kind.equals("session_info_update") && update.has("title") && !update.get("title").isJsonNull()) {
                    StoredSession row = store.get(scope, s.id).orElseThrow();
                    store.put(new StoredSession(scope, s.id, row.agent(), row.cwd(), row.additionalDirectories(), row.optionsJson(),
                            row.stateJson(), row.agentSessionId(), row.latestSequence(), update.get("title").getAsString(),
                            row.metadataJson(), row.createdAtMs(), System.currentTimeMillis()));
                }
            }
        }

        @Override
        public CompletionStage<JsonElement> request(String method, JsonObject params) {
            return switch (method) {
                case "session/request_permission" -> requestPermission(s, params);
                case "fs/read_text_file" -> CompletableFuture.completedFuture(ClientMethods.readTextFile(vm, params));
                case "fs/write_text_file" -> CompletableFuture.completedFuture(ClientMethods.writeTextFile(vm, params));
                default -> {
                    if (method.startsWith("terminal/")) {
                        yield s.terminals.handle(method, params);
                    }
                    yield CompletableFuture.failedFuture(new AcpPeer.RpcError(-32601, "method not found: " + method));
                }
            };
        }

        @Override
        public void stderr(byte[] chunk) {
            emit(listenersOf(s.id).stderr, new AgentStderrEvent(s.id, chunk));
        }

        @Override
        public void ended(@Nullable ProcessExit exit, @Nullable SessionException error) {
            AcpPeer peer = null;
            Turn turn;
            boolean unexpected;
            synchronized (s) {
                unexpected = s.peer != null && !s.peer.isAlive();
                if (unexpected) {
                    peer = s.peer;
                    s.peer = null;
                }
                turn = s.turn;
                if (unexpected) {
                    resolvePending(s, "adapter_exited");
                }
            }
            s.terminals.releaseAll();
            if (!unexpected || peer == s.expectedExit) {
                return;
            }
            // Exit listeners hear of it before the prompt's caller does.
            StoredSession row = store.get(scope, s.id).orElse(null);
            emit(listenersOf(s.id).exits, new AgentExitEvent(s.id, row == null ? "?" : row.agent(), peer.pid(),
                    exit == null ? null : exit.exitCode()));
            if (turn != null) {
                finishTurn(s, turn, null, error != null ? error : new SessionException("adapter_exited", "the agent process exited"));
            } else {
                JsonObject state = stateOf(s.id);
                state.add("state", failedState(new SessionError("adapter_exited",
                        error == null ? "the agent process exited" : error.getMessage(), null, true)));
                putState(s.id, state);
            }
        }
    }

    // ---- state helpers

    private JsonObject stateOf(String sessionId) {
        StoredSession row = store.get(scope, sessionId).orElseThrow(() -> notFound(sessionId));
        return JsonParser.parseString(row.stateJson()).getAsJsonObject();
    }

    private void putState(String sessionId, JsonObject state) {
        StoredSession row = store.get(scope, sessionId).orElseThrow(() -> notFound(sessionId));
        store.put(withState(row, state, System.currentTimeMillis()));
    }

    private static StoredSession withState(StoredSession row, JsonObject state, long updatedAt) {
        return new StoredSession(row.scope(), row.sessionId(), row.agent(), row.cwd(), row.additionalDirectories(),
                row.optionsJson(), state.toString(), row.agentSessionId(), row.latestSequence(), row.title(), row.metadataJson(),
                row.createdAtMs(), updatedAt);
    }

    private static JsonObject runningState() {
        JsonObject o = new JsonObject();
        o.addProperty("kind", "running");
        o.addProperty("startedAtMs", System.currentTimeMillis());
        return o;
    }

    private static JsonObject idleState() {
        JsonObject o = new JsonObject();
        o.addProperty("kind", "idle");
        return o;
    }

    private static JsonObject failedState(SessionError e) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", "failed");
        o.addProperty("code", e.code());
        o.addProperty("message", e.message());
        o.addProperty("retryable", e.retryable());
        return o;
    }

    private static SessionInfo info(StoredSession row) {
        JsonObject st = JsonParser.parseString(row.stateJson()).getAsJsonObject().getAsJsonObject("state");
        SessionState state = switch (st.get("kind").getAsString()) {
            case "running" -> new SessionState.Running(st.get("startedAtMs").getAsLong());
            case "waiting" -> {
                List<PendingPermission> requests = new ArrayList<>();
                for (JsonElement e : st.getAsJsonArray("requests")) {
                    JsonObject r = e.getAsJsonObject();
                    List<PermissionOption> options = new ArrayList<>();
                    for (JsonElement oe : r.getAsJsonArray("options")) {
                        JsonObject o = oe.getAsJsonObject();
                        options.add(new PermissionOption(o.get("optionId").getAsString(), o.has("name") ? o.get("name").getAsString() : "",
                                o.has("kind") ? o.get("kind").getAsString() : ""));
                    }
                    requests.add(new PendingPermission(r.get("requestId").getAsString(), options, r.get("toolCall").toString()));
                }
                yield new SessionState.Waiting(st.get("waitingSinceMs").getAsLong(), requests);
            }
            case "failed" -> new SessionState.Failed(new SessionError(st.get("code").getAsString(), st.get("message").getAsString(),
                    null, st.get("retryable").getAsBoolean()));
            default -> new SessionState.Idle();
        };
        return new SessionInfo(row.sessionId(), row.agent(), row.cwd(), row.additionalDirectories(), state, row.latestSequence(),
                row.title(), row.metadataJson(), row.createdAtMs(), row.updatedAtMs());
    }

    private static SessionStreamEntry.Durable durable(StoredEvent e) {
        return new SessionStreamEntry.Durable(e.sessionId(), e.sequence(), e.timestampMs(), e.type(), e.requestId(), e.json());
    }

    /** Options are stored without env values: credentials never reach the session store. */
    private static String optionsJson(OpenSessionOptions o) {
        JsonObject j = new JsonObject();
        j.addProperty("permissionPolicy", o.permissionPolicy().name());
        j.addProperty("skipOsInstructions", o.skipOsInstructions());
        if (o.additionalInstructions() != null) {
            j.addProperty("additionalInstructions", o.additionalInstructions());
        }
        JsonArray mcp = new JsonArray();
        o.mcpServersJson().forEach(m -> mcp.add(JsonParser.parseString(m)));
        j.add("mcpServers", mcp);
        JsonArray envNames = new JsonArray();
        o.env().keySet().stream().sorted().forEach(envNames::add);
        j.add("envNames", envNames);
        return j.toString();
    }

    private static OpenSessionOptions optionsFromRow(StoredSession row) {
        JsonObject j = JsonParser.parseString(row.optionsJson()).getAsJsonObject();
        if (j.getAsJsonArray("envNames").size() > 0) {
            throw new SessionException("session_not_open", "session " + row.sessionId() + " was opened with env "
                    + j.getAsJsonArray("envNames") + ", which is never stored; open it again with its env first");
        }
        List<String> mcp = j.getAsJsonArray("mcpServers").asList().stream().map(JsonElement::toString).toList();
        return new OpenSessionOptions(row.sessionId(), row.agent(), row.cwd(), row.additionalDirectories(), Map.of(), mcp,
                PermissionPolicyMode.valueOf(j.get("permissionPolicy").getAsString()), j.get("skipOsInstructions").getAsBoolean(),
                j.has("additionalInstructions") ? j.get("additionalInstructions").getAsString() : null);
    }

    private static JsonObject join(CompletableFuture<JsonObject> f, String method) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw unwrapTo(e, method);
        }
    }

    private static SessionException unwrapTo(Throwable e, String method) {
        Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (c instanceof SessionException se) {
            return se;
        }
        if (c instanceof AcpPeer.RpcError r) {
            return new SessionException("agent_error", "the agent answered " + method + " with error " + r.code + ": " + r.getMessage());
        }
        return new SessionException("internal_error", method + " failed: " + c);
    }

    private static SessionException unwrap(Throwable e) {
        return unwrapTo(e, "session/prompt");
    }

    private static SessionException notFound(String sessionId) {
        return new SessionException("session_not_found", "no session '" + sessionId + "' in this VM's session store; open it first");
    }

    private void requireOpen() {
        if (!open) {
            throw new SessionException("vm_shutdown", "this VM's sessions are closed");
        }
    }

    private static JsonObject obj(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonObject() ? o.getAsJsonObject(key) : new JsonObject();
    }

    private static boolean bool(JsonObject o, String key) {
        return o.has(key) && o.get(key) instanceof JsonPrimitive p && p.isBoolean() && p.getAsBoolean();
    }

    private static @Nullable String str(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
    }

    // ---- live state

    private final class Live {
        final String id;
        final ReentrantLock lock = new ReentrantLock();
        volatile @Nullable OpenSessionOptions options;
        @Nullable AcpPeer peer;
        volatile @Nullable AcpPeer expectedExit;
        @Nullable String agentSessionId;
        @Nullable Turn turn;
        volatile boolean loading;
        /** Cached latest durable sequence ({@code -1}: not read yet); only this runtime appends to its scope. */
        long latestSequence = -1;
        final Map<String, Pending> permissions = new LinkedHashMap<>();
        final Map<String, String> resolved = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > 256;
            }
        };
        final Terminals terminals;

        Live(String id) {
            this.id = id;
            this.terminals = new Terminals(vm, settings.maxTerminalOutputBytes());
        }
    }

    private static final class Turn {
        final CompletableFuture<PromptResult> result = new CompletableFuture<>();
        final String messageId = "msg_" + UUID.randomUUID();
        final @Nullable String idempotencyKey;
        final StringBuilder text = new StringBuilder();
        final StringBuilder thought = new StringBuilder();
        boolean cancelled;
        boolean done;
        @Nullable SessionException failure;

        Turn(@Nullable String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
        }
    }

    private record Pending(String requestId, List<PermissionOption> options, JsonObject json, long sinceMs,
            CompletableFuture<JsonElement> answer) {
        Pending(String requestId, List<PermissionOption> options, JsonObject json, long sinceMs) {
            this(requestId, options, json, sinceMs, new CompletableFuture<>());
        }
    }

    private static final class Listeners {
        final List<Consumer<SessionStreamEntry>> events = new CopyOnWriteArrayList<>();
        final List<Consumer<AgentExitEvent>> exits = new CopyOnWriteArrayList<>();
        final List<Consumer<AgentStderrEvent>> stderr = new CopyOnWriteArrayList<>();
    }
}
