package agentos.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.AgentOsException;
import agentos.wire.Frame;
import agentos.wire.FrameCodec;
import agentos.wire.FrameKind;
import agentos.wire.Ownership;
import agentos.wire.Wire;
import agentos.wire.WireJson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted fake sidecar: failures, sidecar requests and heartbeats. */
class AgentOsClientTest {
    private static final long WAIT_S = 30;

    /** Answers the handshake; everything else is queued for the test to answer (or not). */
    static final class FakeSidecar {
        final FrameCodec codec;
        final Pipe toClient;
        final Pipe fromClient;
        final BlockingQueue<Frame> requests = new LinkedBlockingQueue<>();
        final BlockingQueue<Frame> responses = new LinkedBlockingQueue<>();
        final long heartbeatMs;
        final java.util.concurrent.atomic.AtomicInteger heartbeats = new java.util.concurrent.atomic.AtomicInteger();

        FakeSidecar(long heartbeatMs) throws IOException {
            this.heartbeatMs = heartbeatMs;
            toClient = Pipe.open();
            fromClient = Pipe.open();
            codec = new FrameCodec(Channels.newInputStream(fromClient.source()), Channels.newOutputStream(toClient.sink()), 1 << 20);
            Thread t = new Thread(this::serve, "fake-sidecar");
            t.setDaemon(true);
            t.start();
        }

        AgentOsClient connect(AgentOsClient.Options options) {
            return AgentOsClient.connect(Channels.newInputStream(toClient.source()), Channels.newOutputStream(fromClient.sink()), options);
        }

        private void serve() {
            try {
                Frame f;
                while ((f = codec.read()) != null) {
                    if (f.kind() == FrameKind.EVENT && f.type().equals(Wire.HEARTBEAT)) {
                        heartbeats.incrementAndGet();
                    } else if (f.kind() == FrameKind.SIDECAR_RESPONSE) {
                        responses.add(f);
                    } else if (f.kind() == FrameKind.REQUEST && f.type().equals(Wire.AUTHENTICATE)) {
                        send(f.reply(Wire.AUTHENTICATE, WireJson.object("connection_id", "conn-1", "heartbeat_ms", heartbeatMs)));
                    } else if (f.kind() == FrameKind.REQUEST && f.type().equals(Wire.OPEN_SESSION)) {
                        send(f.reply(Wire.OPEN_SESSION, WireJson.object("session_id", "session-1")));
                    } else if (f.kind() == FrameKind.REQUEST) {
                        requests.add(f);
                    }
                }
            } catch (IOException e) {
                // client went away
            }
        }

        synchronized void send(Frame f) throws IOException {
            codec.write(codec.encode(f));
        }

        void die() throws IOException {
            toClient.sink().close();
        }
    }

    private AgentOsClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        var leaked = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("agentos-client-")).map(Thread::getName).toList();
        assertTrue(leaked.isEmpty(), "client threads outlive close(): " + leaked);
    }

    @Test
    void pendingCallsFailPromptlyWhenTheSidecarDies() throws Exception {
        FakeSidecar fake = new FakeSidecar(5_000);
        client = fake.connect(AgentOsClient.Options.builder().build());
        CompletableFuture<Object> listing = CompletableFuture.supplyAsync(() -> client.list());
        Frame request = fake.requests.poll(WAIT_S, TimeUnit.SECONDS);
        assertEquals(Wire.LIST_VMS, request.type());
        fake.die();
        var failure = assertThrows(java.util.concurrent.ExecutionException.class, () -> listing.get(WAIT_S, TimeUnit.SECONDS));
        AgentOsException e = (AgentOsException) failure.getCause();
        assertTrue(e.getMessage().contains("sidecar connection lost"), e.getMessage());
        AgentOsException later = assertThrows(AgentOsException.class, () -> client.create());
        assertTrue(later.getMessage().contains("sidecar connection lost"), later.getMessage());
    }

    @Test
    void rejectionsArriveAsApiExceptionsWithTheCallersStack() throws Exception {
        FakeSidecar fake = new FakeSidecar(5_000);
        client = fake.connect(AgentOsClient.Options.builder().build());
        CompletableFuture<Object> creating = CompletableFuture.supplyAsync(() -> client.create());
        Frame request = fake.requests.poll(WAIT_S, TimeUnit.SECONDS);
        assertEquals(Wire.CREATE_VM, request.type());
        assertEquals(new Ownership("conn-1", "session-1", null), request.ownership());
        fake.send(request.reject(agentos.wire.RejectCode.INVALID_REQUEST, "limits.resources.maxProcesses must be >= 1"));
        var failure = assertThrows(java.util.concurrent.ExecutionException.class, () -> creating.get(WAIT_S, TimeUnit.SECONDS));
        assertEquals(IllegalArgumentException.class, failure.getCause().getClass());
        assertEquals("limits.resources.maxProcesses must be >= 1", failure.getCause().getMessage());
    }

    @Test
    void sidecarRequestsAreAnsweredByHandlersOrRejected() throws Exception {
        FakeSidecar fake = new FakeSidecar(5_000);
        client = fake.connect(AgentOsClient.Options.builder()
                .onSidecarRequest("host_call", json -> "{\"echo\":" + json + "}").build());
        fake.send(new Frame(FrameKind.SIDECAR_REQUEST, -1, Ownership.connection("conn-1"), Wire.CLIENT_PING, new JsonObject()));
        fake.send(new Frame(FrameKind.SIDECAR_REQUEST, -2, Ownership.connection("conn-1"), "host_call", WireJson.object("n", 42)));
        fake.send(new Frame(FrameKind.SIDECAR_REQUEST, -3, Ownership.connection("conn-1"), "tool_invocation", new JsonObject()));
        java.util.Map<Long, Frame> byId = new java.util.HashMap<>();
        for (int i = 0; i < 3; i++) {
            Frame r = fake.responses.poll(WAIT_S, TimeUnit.SECONDS);
            byId.put(r.id(), r);
        }
        assertEquals(Wire.CLIENT_PING, byId.get(-1L).type());
        assertEquals(42, byId.get(-2L).payload().getAsJsonObject("echo").get("n").getAsInt());
        assertTrue(byId.get(-3L).rejected());
        assertEquals("unsupported", byId.get(-3L).payload().get("code").getAsString());
    }

    @Test
    void aSilentSidecarFailsCallsAfterItsHeartbeatTimeout() throws Exception {
        FakeSidecar fake = new FakeSidecar(20); // announces 20 ms beats, then never beats
        client = fake.connect(AgentOsClient.Options.builder().heartbeatMs(50).build());
        CompletableFuture<Object> listing = CompletableFuture.supplyAsync(() -> client.list());
        var failure = assertThrows(java.util.concurrent.ExecutionException.class, () -> listing.get(WAIT_S, TimeUnit.SECONDS));
        assertTrue(failure.getCause().getMessage().contains("heartbeat timeout"), failure.getCause().getMessage());
    }

    @Test
    void theClientBeatsWhileIdle() throws Exception {
        FakeSidecar fake = new FakeSidecar(60_000);
        client = fake.connect(AgentOsClient.Options.builder().heartbeatMs(20).build());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (fake.heartbeats.get() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(fake.heartbeats.get() >= 3, "heartbeats seen: " + fake.heartbeats.get());
    }
}
