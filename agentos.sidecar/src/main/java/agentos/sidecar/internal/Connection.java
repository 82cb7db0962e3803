package agentos.sidecar.internal;

import agentos.api.AgentOs;
import agentos.api.Subscription;
import agentos.api.Vm;
import agentos.api.VmInfo;
import agentos.api.config.VmConfig;
import agentos.wire.Frame;
import agentos.wire.FrameCodec;
import agentos.wire.FrameKind;
import agentos.wire.Ownership;
import agentos.wire.RejectCode;
import agentos.wire.Rejection;
import agentos.wire.Wire;
import agentos.wire.WireException;
import agentos.wire.WireJson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One client connection: reads frames on its own thread, runs each request on a virtual thread (so a long
 * exec never blocks a kill), writes through an {@link Outbox}. Owns the sessions and VMs it created and
 * disposes them when it closes, whatever the reason (EOF, a broken frame, a silent peer).
 */
final class Connection {
    /** Settings of one connection. */
    record Options(int maxFrameBytes, long heartbeatMs, long maxBulkBytes) {
        static final Options DEFAULT = new Options(FrameCodec.DEFAULT_MAX_FRAME_BYTES, 5_000, 8L * 1024 * 1024);
    }

    private final Sidecar sidecar;
    private final AgentOs agentOs;
    private final Options options;
    private final FrameCodec codec;
    private final Outbox outbox;
    private final PrintStream log;
    private final String id;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("agentos-sidecar-req-", 0).factory());
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile @Nullable String closeReason;

    private volatile boolean authenticated;
    private volatile long peerTimeoutMs;
    private volatile long lastReceivedNanos = System.nanoTime();
    private final Map<String, Boolean> sessions = new ConcurrentHashMap<>();
    /** vm id → owning session, in creation order of insertion. */
    private final Map<String, String> vms = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    private final Map<String, List<Subscription>> vmSubscriptions = new ConcurrentHashMap<>();
    private final Map<Long, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final AtomicLong sidecarRequestIds = new AtomicLong();
    private final Map<Long, CompletableFuture<Frame>> pendingSidecarRequests = new ConcurrentHashMap<>();
    private final AtomicLong framesIn = new AtomicLong();
    private final AtomicLong framesOut = new AtomicLong();
    private final ScheduledExecutorService heartbeat;
    private @Nullable ScheduledFuture<?> heartbeatTask;
    private final VmRequests vmRequests;
    private final AcpRequests acpRequests;

    Connection(Sidecar sidecar, String id, InputStream in, OutputStream out, Options options) {
        this.sidecar = sidecar;
        this.agentOs = sidecar.agentOs();
        this.options = options;
        this.id = id;
        this.log = sidecar.log();
        this.codec = new FrameCodec(in, out, options.maxFrameBytes());
        this.outbox = new Outbox(frame -> {
            codec.write(frame);
            framesOut.incrementAndGet();
        }, options.maxBulkBytes(), "agentos-sidecar-writer-" + id, e -> close("the client's input is closed (" + e.getMessage() + ")", null));
        this.peerTimeoutMs = options.heartbeatMs() * 3;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "agentos-sidecar-heartbeat-" + id);
            t.setDaemon(true);
            return t;
        });
        this.vmRequests = new VmRequests(this);
        this.acpRequests = new AcpRequests(this, vmRequests);
    }

    String id() {
        return id;
    }

    /** Serves until the connection closes; returns the reason. */
    String serve() {
        Thread reader = new Thread(this::readLoop, "agentos-sidecar-reader-" + id);
        reader.setDaemon(true);
        reader.start();
        heartbeatTask = heartbeat.scheduleWithFixedDelay(this::beat, options.heartbeatMs(), options.heartbeatMs(), TimeUnit.MILLISECONDS);
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close("interrupted", null);
        }
        String reason = closeReason;
        return reason == null ? "closed" : reason;
    }

    private void readLoop() {
        while (!closing.get()) {
            Frame frame;
            try {
                frame = codec.read();
            } catch (WireException e) {
                if (e.kind() == WireException.Kind.INVALID) {
                    lastReceivedNanos = System.nanoTime();
                    send(Frame.request(e.frameId(), Ownership.NONE, "?", new JsonObject())
                            .reject(RejectCode.INVALID_REQUEST, e.getMessage()), true);
                    continue;
                }
                close(e.getMessage(), e.kind() == WireException.Kind.TOO_LARGE ? RejectCode.FRAME_TOO_LARGE : RejectCode.INVALID_REQUEST);
                return;
            } catch (IOException e) {
                close("reading from the client failed: " + e.getMessage(), null);
                return;
            }
            if (frame == null) {
                // Requests already read still get their responses (bounded), then the connection closes.
                awaitInFlight(END_OF_INPUT_DRAIN_MS);
                close("the client closed the connection (end of input)", null);
                return;
            }
            lastReceivedNanos = System.nanoTime();
            framesIn.incrementAndGet();
            switch (frame.kind()) {
                case REQUEST -> {
                    if (frame.id() <= 0) {
                        send(frame.reject(RejectCode.INVALID_REQUEST, "client request ids must be positive, got " + frame.id()), true);
                    } else {
                        inFlight.incrementAndGet();
                        workers.execute(() -> handle(frame));
                    }
                }
                case SIDECAR_RESPONSE -> {
                    CompletableFuture<Frame> pending = pendingSidecarRequests.remove(frame.id());
                    if (pending != null) {
                        pending.complete(frame);
                    }
                }
                case EVENT -> {
                    // Heartbeats only refresh lastReceivedNanos; clients send no other events yet.
                }
                default -> send(frame.reject(RejectCode.INVALID_REQUEST,
                        "a client may send request, event or sidecar_response frames, not " + frame.kind().wireName()), true);
            }
        }
    }

    private void handle(Frame request) {
        Object result;
        try {
            result = dispatch(request);
        } catch (RuntimeException e) {
            reject(request, e);
            answered();
            return;
        }
        if (result instanceof Ordered ordered) {
            ordered.stage().whenComplete((payload, failure) -> {
                Frame reply = failure != null ? request.reply(Wire.REJECTED, rejection(request, unwrap(failure)))
                        : request.reply(request.type(), payload);
                send(reply, false);
                answered();
            });
        } else if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete((payload, failure) -> {
                if (failure != null) {
                    reject(request, unwrap(failure));
                } else {
                    send(request.reply(request.type(), (JsonObject) payload), true);
                }
                answered();
            });
        } else {
            send(request.reply(request.type(), (JsonObject) result), true);
            answered();
        }
    }

    /** How long a connection whose input ended waits for the responses of requests it already read. */
    private static final long END_OF_INPUT_DRAIN_MS = 10_000;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final Object inFlightLock = new Object();

    private void answered() {
        if (inFlight.decrementAndGet() == 0) {
            synchronized (inFlightLock) {
                inFlightLock.notifyAll();
            }
        }
    }

    private void awaitInFlight(long maxMs) {
        long deadline = System.nanoTime() + maxMs * 1_000_000L;
        synchronized (inFlightLock) {
            while (inFlight.get() > 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return;
                }
                try {
                    inFlightLock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A response that must follow the output events queued before it (an exec whose output was streamed). */
    record Ordered(CompletionStage<JsonObject> stage) {}

    private void reject(Frame request, Throwable e) {
        send(request.reply(Wire.REJECTED, rejection(request, e)), true);
    }

    private JsonObject rejection(Frame request, Throwable e) {
        if (e instanceof Unauthorized) {
            return Rejection.payload(RejectCode.UNAUTHORIZED, e.getMessage());
        }
        if (e instanceof Forbidden) {
            return Rejection.payload(RejectCode.FORBIDDEN, e.getMessage());
        }
        JsonObject payload = Rejection.of(e);
        if ("internal_error".equals(payload.get("code").getAsString())) {
            log.println("agentos sidecar: " + request.type() + " failed unexpectedly:");
            e.printStackTrace(log);
        }
        return payload;
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private Object dispatch(Frame request) {
        String type = request.type();
        JsonObject p = request.payload();
        if (type.equals(Wire.AUTHENTICATE)) {
            return authenticate(p);
        }
        if (!authenticated) {
            throw new Unauthorized("authenticate first: the first request on a connection must be 'authenticate'");
        }
        Ownership scope = request.ownership();
        if (!id.equals(scope.connection())) {
            throw new Forbidden("ownership.connection must be this connection's id '" + id + "', got '" + scope.connection() + "'");
        }
        return switch (type) {
            case Wire.OPEN_SESSION -> openSession();
            case Wire.PING -> WireJson.object("connection", id);
            case Wire.CREATE_VM -> createVm(requireSession(scope), p);
            case Wire.LIST_VMS -> listVms(scope.session());
            case Wire.EXT -> ext(request, scope, p);
            case Wire.UNSUBSCRIBE -> {
                Subscription s = subscriptions.remove(WireJson.longValue(p, "subscription", -1));
                if (s != null) {
                    s.close();
                }
                yield new JsonObject();
            }
            default -> {
                if (!VmRequests.TYPES.contains(type)) {
                    throw new UnsupportedOperationException("unknown request type '" + type + "'");
                }
                yield vmRequests.handle(request, requireVm(scope), p);
            }
        };
    }

    private JsonObject authenticate(JsonObject p) {
        if (authenticated) {
            throw new IllegalStateException("this connection is already authenticated");
        }
        String clientBuild = WireJson.string(p, "build_id");
        if (!Wire.buildId().equals(clientBuild)) {
            throw new Unauthorized("client build " + clientBuild + " does not match sidecar build " + Wire.buildId()
                    + "; the client and the sidecar (agentos.jar) must come from the same build: rebuild both with "
                    + "./build install -DskipTests -pl agentos.client,launcher -am");
        }
        long clientHeartbeat = WireJson.longValue(p, "heartbeat_ms", options.heartbeatMs());
        peerTimeoutMs = Math.max(1_000, clientHeartbeat * 3);
        authenticated = true;
        return WireJson.object("connection_id", id, "sidecar_id", sidecar.id(), "build_id", Wire.buildId(),
                "max_frame_bytes", options.maxFrameBytes(), "heartbeat_ms", options.heartbeatMs());
    }

    private JsonObject openSession() {
        String session = sidecar.nextSessionId();
        sessions.put(session, Boolean.TRUE);
        return WireJson.object("session_id", session, "owner_connection_id", id);
    }

    private String requireSession(Ownership scope) {
        String session = scope.session();
        if (session == null) {
            throw new IllegalArgumentException("this request needs session scope: set ownership.session (open_session returns one)");
        }
        if (!sessions.containsKey(session)) {
            throw new Forbidden("session '" + session + "' is not owned by connection " + id);
        }
        return session;
    }

    private Vm requireVm(Ownership scope) {
        String vmId = scope.vm();
        if (vmId == null) {
            throw new IllegalArgumentException("this request needs VM scope: set ownership.vm (create_vm returns one)");
        }
        String owner = vms.get(vmId);
        if (owner == null) {
            if (agentOs.get(vmId).isPresent()) {
                throw new Forbidden(vmId + " is not owned by connection " + id);
            }
            throw new agentos.api.VmNotFoundException(vmId);
        }
        if (!owner.equals(scope.session())) {
            throw new Forbidden(vmId + " belongs to session " + owner + ", not '" + scope.session() + "'");
        }
        return agentOs.require(vmId);
    }

    private JsonObject createVm(String session, JsonObject p) {
        VmConfig config = p.has("config") ? WireJson.field(p, "config", VmConfig.class) : VmConfig.defaults();
        Vm vm = agentOs.create(config);
        vms.put(vm.id(), session);
        Ownership scope = Ownership.connection(id).withSession(session).withVm(vm.id());
        List<Subscription> subs = new ArrayList<>();
        subs.add(vm.onLifecycle(e -> {
            send(Frame.event(scope, Wire.VM_LIFECYCLE, (JsonObject) WireJson.tree(e)), true);
            if (e.state() == agentos.api.VmState.DISPOSED) {
                forget(e.vmId());
            }
        }));
        subs.add(vm.onLimitWarning(w -> send(Frame.event(scope, Wire.LIMIT_WARNING, (JsonObject) WireJson.tree(w)), true)));
        vmSubscriptions.put(vm.id(), subs);
        return WireJson.object("vm_id", vm.id(), "info", vm.info());
    }

    private void forget(String vmId) {
        vms.remove(vmId);
        List<Subscription> subs = vmSubscriptions.remove(vmId);
        if (subs != null) {
            subs.forEach(Subscription::close);
        }
    }

    private JsonObject listVms(@Nullable String session) {
        List<String> mine;
        synchronized (vms) {
            mine = vms.entrySet().stream().filter(e -> session == null || e.getValue().equals(session)).map(Map.Entry::getKey).toList();
        }
        List<VmInfo> infos = new ArrayList<>();
        for (String vmId : mine) {
            agentOs.get(vmId).ifPresent(vm -> infos.add(vm.info()));
        }
        return WireJson.object("vms", infos);
    }

    private Object ext(Frame request, Ownership scope, JsonObject p) {
        String namespace = WireJson.string(p, "namespace");
        JsonObject payload = p.has("payload") && p.get("payload").isJsonObject() ? p.getAsJsonObject("payload") : new JsonObject();
        if (namespace.equals("sidecar")) {
            return WireJson.object("namespace", namespace, "payload", stats());
        }
        if (namespace.equals(AcpRequests.NAMESPACE)) {
            return AcpRequests.wrap(acpRequests.handle(request, requireVm(scope), payload));
        }
        throw new UnsupportedOperationException("no handler for ext namespace '" + namespace + "' in this sidecar");
    }

    private JsonObject stats() {
        return WireJson.object("connection", id, "frames_in", framesIn.get(), "frames_out", framesOut.get(),
                "vms", vms.size(), "subscriptions", subscriptions.size());
    }

    // ---- used by VmRequests ----

    void subscribe(long sid, Subscription s) {
        if (subscriptions.putIfAbsent(sid, s) != null) {
            throw new IllegalStateException("subscription id " + sid + " is already in use on this connection");
        }
    }

    void dropSubscription(long sid) {
        subscriptions.remove(sid);
    }

    /** Sends an event; bulk events wait while the bulk queue is full (back-pressure). */
    void event(Ownership scope, String type, JsonObject payload, boolean bulk) {
        Frame frame = Frame.event(scope, type, payload);
        if (bulk) {
            byte[] encoded = encode(frame);
            if (encoded != null) {
                outbox.bulk(encoded, true);
            }
        } else {
            send(frame, true);
        }
    }

    // ---- sidecar requests ----

    /** Asks the client; completes with its response frame, or exceptionally when the connection closes. */
    CompletableFuture<Frame> ask(String type, JsonObject payload) {
        long rid = -sidecarRequestIds.incrementAndGet();
        CompletableFuture<Frame> f = new CompletableFuture<>();
        pendingSidecarRequests.put(rid, f);
        send(new Frame(FrameKind.SIDECAR_REQUEST, rid, Ownership.connection(id), type, payload), true);
        if (closing.get()) {
            pendingSidecarRequests.remove(rid);
            f.completeExceptionally(new IllegalStateException("connection closed"));
        }
        return f;
    }

    private void beat() {
        long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastReceivedNanos);
        if (silentMs > peerTimeoutMs) {
            close("the client sent nothing for " + silentMs + " ms (heartbeat timeout " + peerTimeoutMs + " ms)", RejectCode.INVALID_STATE);
            return;
        }
        if (authenticated) {
            ask(Wire.CLIENT_PING, new JsonObject()).orTimeout(peerTimeoutMs, TimeUnit.MILLISECONDS)
                    .whenComplete((r, e) -> { });
        } else {
            send(Frame.event(Ownership.connection(id), Wire.HEARTBEAT, new JsonObject()), true);
        }
    }

    private @Nullable byte[] encode(Frame frame) {
        try {
            return codec.encode(frame);
        } catch (WireException e) {
            if (frame.kind() == FrameKind.RESPONSE && !frame.rejected()) {
                return encode(frame.reply(Wire.REJECTED, Rejection.payload(RejectCode.FRAME_TOO_LARGE,
                        e.getMessage() + "; read or write less at once")));
            }
            log.println("agentos sidecar: dropped a frame: " + e.getMessage());
            return null;
        }
    }

    void send(Frame frame, boolean control) {
        byte[] encoded = encode(frame);
        if (encoded == null) {
            return;
        }
        if (control) {
            outbox.control(encoded);
        } else {
            outbox.bulk(encoded, false);
        }
    }

    /**
     * Closes once: tells the client why (when {@code code} is set), disposes this connection's VMs, stops the
     * threads. Safe from any thread.
     */
    void close(String reason, @Nullable RejectCode code) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closeReason = reason;
        log.println("agentos sidecar: connection " + id + " closing: " + reason);
        if (code != null) {
            send(Frame.event(Ownership.connection(id), Wire.CLOSING, WireJson.object("code", code.wireName(), "message", reason)), true);
        }
        ScheduledFuture<?> task = heartbeatTask;
        if (task != null) {
            task.cancel(false);
        }
        heartbeat.shutdownNow();
        subscriptions.values().forEach(Subscription::close);
        subscriptions.clear();
        List<String> owned;
        synchronized (vms) {
            owned = List.copyOf(vms.keySet());
        }
        for (String vmId : owned) {
            try {
                agentOs.dispose(vmId);
            } catch (RuntimeException e) {
                // Already gone.
            }
            forget(vmId);
        }
        pendingSidecarRequests.values().forEach(f -> f.completeExceptionally(new IllegalStateException("connection closed: " + reason)));
        workers.shutdownNow();
        outbox.close(2_000);
        sidecar.closed(this);
        closed.countDown();
    }

    static final class Unauthorized extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unauthorized(String message) {
            super(message);
        }
    }

    static final class Forbidden extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Forbidden(String message) {
            super(message);
        }
    }
}
