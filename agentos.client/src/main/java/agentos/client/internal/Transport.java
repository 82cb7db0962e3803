package agentos.client.internal;

import agentos.api.AgentOsException;
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
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The client end of one connection: multiplexes calls from any number of threads by request id, delivers
 * events in arrival order on one dispatch thread (listeners never block the reader, so responses keep
 * flowing), answers the sidecar's requests, and fails every pending call promptly when the sidecar goes away.
 */
public final class Transport implements AutoCloseable {
    private final FrameCodec codec;
    private final Object writeLock = new Object();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Map<Long, Consumer<JsonObject>> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Consumer<Frame>> vmEventListeners = new ConcurrentHashMap<>();
    private final Map<String, Function<String, String>> sidecarRequestHandlers;
    private final ExecutorService dispatch;
    private final ExecutorService handlers;
    private final ScheduledExecutorService heartbeat;
    private final Thread reader;
    private final AtomicReference<@Nullable AgentOsException> failure = new AtomicReference<>();
    private final Supplier<String> diagnostics;
    private volatile long lastReceivedNanos = System.nanoTime();
    private volatile long peerTimeoutMs;
    private final long heartbeatMs;

    private record Pending(String type, CompletableFuture<JsonObject> future, boolean ordered) {}

    /**
     * @param diagnostics appended to failure messages (e.g. the sidecar's exit status and last stderr lines)
     */
    public Transport(InputStream in, OutputStream out, int maxFrameBytes, long heartbeatMs,
            Map<String, Function<String, String>> sidecarRequestHandlers, Supplier<String> diagnostics) {
        this.codec = new FrameCodec(in, out, maxFrameBytes);
        this.heartbeatMs = heartbeatMs;
        this.peerTimeoutMs = heartbeatMs * 3;
        this.sidecarRequestHandlers = Map.copyOf(sidecarRequestHandlers);
        this.diagnostics = diagnostics;
        this.dispatch = Executors.newSingleThreadExecutor(daemon("agentos-client-events"));
        this.handlers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("agentos-client-sidecar-req-", 0).factory());
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("agentos-client-heartbeat"));
        this.reader = daemon("agentos-client-reader").newThread(this::readLoop);
        reader.start();
        heartbeat.scheduleWithFixedDelay(this::beat, heartbeatMs, heartbeatMs, TimeUnit.MILLISECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The sidecar announced its heartbeat interval: it is silent after three missed beats. */
    public void peerHeartbeat(long ms) {
        peerTimeoutMs = Math.max(1_000, ms * 3);
    }

    public long heartbeatMs() {
        return heartbeatMs;
    }

    public long nextId() {
        return ids.incrementAndGet();
    }

    /** Sends a request and waits for its response; rejections are rethrown as the matching API exception. */
    public JsonObject call(Ownership scope, String type, JsonObject payload) {
        return join(callAsync(scope, type, payload, false, nextId()));
    }

    /** Waits for a call; a failure is rethrown with the caller's stack trace. */
    public static JsonObject join(CompletableFuture<JsonObject> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                r.fillInStackTrace();
                throw r;
            }
            throw e;
        }
    }

    /**
     * Sends a request with id {@code id}. With {@code ordered}, the response is delivered on the event thread,
     * after every event that arrived before it (an exec's streamed output before its result).
     */
    public CompletableFuture<JsonObject> callAsync(Ownership scope, String type, JsonObject payload, boolean ordered, long id) {
        CompletableFuture<JsonObject> f = new CompletableFuture<>();
        AgentOsException failed = failure.get();
        if (failed != null) {
            f.completeExceptionally(copy(failed));
            return f;
        }
        pending.put(id, new Pending(type, f, ordered));
        try {
            send(Frame.request(id, scope, type, payload));
        } catch (IOException e) {
            fail("cannot write to the sidecar: " + e.getMessage());
        } catch (RuntimeException e) {
            pending.remove(id);
            f.completeExceptionally(e);
        }
        // fail() may have run between the check and put(); make sure this call does not wait forever.
        AgentOsException late = failure.get();
        if (late != null && pending.remove(id) != null) {
            f.completeExceptionally(copy(late));
        }
        return f;
    }

    private void send(Frame frame) throws IOException {
        byte[] encoded;
        try {
            encoded = codec.encode(frame);
        } catch (WireException e) {
            throw new IllegalArgumentException(e.getMessage() + "; send less at once", e);
        }
        synchronized (writeLock) {
            codec.write(encoded);
        }
    }

    public void subscribe(long subscription, Consumer<JsonObject> listener) {
        subscriptions.put(subscription, listener);
    }

    public void unsubscribe(long subscription) {
        subscriptions.remove(subscription);
    }

    /** Events of one VM (lifecycle, limit warnings, streamed exec output). */
    public void onVmEvents(String vmId, Consumer<Frame> listener) {
        vmEventListeners.put(vmId, listener);
    }

    /** Stops delivering a VM's events once those already received have been delivered. */
    public void removeVmEvents(String vmId) {
        try {
            dispatch.execute(() -> vmEventListeners.remove(vmId));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            vmEventListeners.remove(vmId);
        }
    }

    public @Nullable AgentOsException failure() {
        return failure.get();
    }

    private void readLoop() {
        while (failure.get() == null) {
            Frame frame;
            try {
                frame = codec.read();
            } catch (WireException e) {
                if (e.kind() == WireException.Kind.INVALID) {
                    continue; // a malformed frame from the sidecar would be a bug there; skip it
                }
                fail("broken frame from the sidecar: " + e.getMessage());
                return;
            } catch (IOException e) {
                fail("reading from the sidecar failed: " + e.getMessage());
                return;
            }
            if (frame == null) {
                fail("the sidecar closed the connection");
                return;
            }
            lastReceivedNanos = System.nanoTime();
            switch (frame.kind()) {
                case RESPONSE -> respond(frame);
                case EVENT -> event(frame);
                case SIDECAR_REQUEST -> handlers.execute(() -> answer(frame));
                default -> { }
            }
        }
    }

    private void respond(Frame frame) {
        Pending p = pending.remove(frame.id());
        if (p == null) {
            return;
        }
        Runnable complete = () -> {
            if (frame.rejected()) {
                p.future().completeExceptionally(Rejection.toException(p.type(), frame.payload()));
            } else {
                p.future().complete(frame.payload());
            }
        };
        if (p.ordered()) {
            dispatch.execute(complete);
        } else {
            complete.run();
        }
    }

    private void event(Frame frame) {
        switch (frame.type()) {
            case Wire.HEARTBEAT -> { }
            case Wire.CLOSING -> fail("the sidecar closed the connection: "
                    + WireJson.string(frame.payload(), "code") + ": " + WireJson.string(frame.payload(), "message"));
            default -> dispatch.execute(() -> deliver(frame));
        }
    }

    private void deliver(Frame frame) {
        try {
            long sid = WireJson.longValue(frame.payload(), "subscription", 0);
            if (sid != 0) {
                Consumer<JsonObject> l = subscriptions.get(sid);
                if (l != null) {
                    l.accept(frame.payload());
                }
                return;
            }
            String vm = frame.ownership().vm();
            Consumer<Frame> l = vm == null ? null : vmEventListeners.get(vm);
            if (l != null) {
                l.accept(frame);
            }
        } catch (RuntimeException e) {
            // A listener's exception must not stop event delivery.
        }
    }

    private void answer(Frame request) {
        Frame reply;
        try {
            if (request.type().equals(Wire.CLIENT_PING)) {
                reply = request.reply(Wire.CLIENT_PING, new JsonObject());
            } else {
                Function<String, String> h = sidecarRequestHandlers.get(request.type());
                if (h == null) {
                    reply = request.reject(RejectCode.UNSUPPORTED, "this client has no handler for sidecar request '" + request.type() + "'");
                } else {
                    String answer = h.apply(WireJson.GSON.toJson(request.payload()));
                    reply = request.reply(request.type(), JsonParser.parseString(answer).getAsJsonObject());
                }
            }
        } catch (RuntimeException e) {
            reply = request.reply(Wire.REJECTED, Rejection.of(e));
        }
        try {
            send(reply);
        } catch (IOException | RuntimeException e) {
            fail("cannot write to the sidecar: " + e.getMessage());
        }
    }

    private void beat() {
        long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastReceivedNanos);
        if (silentMs > peerTimeoutMs) {
            fail("the sidecar sent nothing for " + silentMs + " ms (heartbeat timeout " + peerTimeoutMs + " ms)");
            return;
        }
        try {
            send(Frame.event(Ownership.NONE, Wire.HEARTBEAT, new JsonObject()));
        } catch (IOException | RuntimeException e) {
            fail("cannot write to the sidecar: " + e.getMessage());
        }
    }

    /** Marks the connection dead and fails every pending and future call with {@code reason}. Idempotent. */
    public void fail(String reason) {
        String extra = diagnostics.get();
        AgentOsException e = new AgentOsException("agentos sidecar connection lost: " + reason + (extra.isEmpty() ? "" : "; " + extra));
        if (!failure.compareAndSet(null, e)) {
            return;
        }
        for (Long id : pending.keySet()) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.future().completeExceptionally(copy(e));
            }
        }
        heartbeat.shutdownNow();
    }

    private static AgentOsException copy(AgentOsException e) {
        return new AgentOsException(e.getMessage());
    }

    /** Stops the threads; the caller closes the streams (or the process) first so the reader ends. */
    @Override
    public void close() {
        fail("the client was closed");
        heartbeat.shutdownNow();
        handlers.shutdownNow();
        dispatch.shutdown();
        try {
            reader.join(2_000);
            heartbeat.awaitTermination(2, TimeUnit.SECONDS);
            handlers.awaitTermination(2, TimeUnit.SECONDS);
            dispatch.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dispatch.shutdownNow();
    }
}
