package agentos.sidecar.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.AgentOs;
import agentos.api.spi.Executor;
import agentos.kernel.internal.VmRegistry;
import agentos.vfs.internal.VfsFactory;
import agentos.wire.Frame;
import agentos.wire.FrameKind;
import agentos.wire.Ownership;
import agentos.wire.Wire;
import agentos.wire.WireJson;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

/** The sidecar's protocol behaviour, driven with raw frames over OS pipes against an in-process kernel. */
class SidecarProtocolTest {
    private AgentOs agentOs;
    private Sidecar sidecar;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (p, m, a) -> m.getReturnType() == boolean.class ? Boolean.FALSE : null);
        List<Executor> executors = List.of(new FloodExecutor());
        agentOs = new VmRegistry(64, logger, System::currentTimeMillis, new VfsFactory(), () -> executors, List::of, List::of);
        sidecar = new Sidecar(agentOs, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        agentOs.list().forEach(v -> agentOs.dispose(v.vmId()));
    }

    private RawClient client() throws Exception {
        return new RawClient(sidecar, Connection.Options.DEFAULT);
    }

    private static String code(Frame f) {
        assertTrue(f.rejected(), "expected a rejection, got " + f.type() + " " + f.payload());
        return WireJson.string(f.payload(), "code");
    }

    @Test
    void handshakeThenFilesystemAndVmList() throws Exception {
        try (RawClient c = client().handshake(5_000)) {
            String vm = c.createVm();
            Ownership scope = c.sessionScope().withVm(vm);
            byte[] data = {0, 1, 2, (byte) 0xff};
            Frame w = c.call(scope, Wire.FILESYSTEM, WireJson.object("op", "write_file", "path", "/workspace/b.bin", "content", data));
            assertEquals(Wire.FILESYSTEM, w.type());
            assertEquals(scope, w.ownership(), "responses echo the ownership");
            Frame r = c.call(scope, Wire.FILESYSTEM, WireJson.object("op", "read_file", "path", "/workspace/b.bin"));
            assertArrayEquals(data, WireJson.field(r.payload(), "content", byte[].class));
            Frame list = c.call(c.sessionScope(), Wire.LIST_VMS, new JsonObject());
            assertEquals(vm, list.payload().getAsJsonArray("vms").get(0).getAsJsonObject().get("vm_id").getAsString());
            Frame missing = c.call(scope, Wire.FILESYSTEM, WireJson.object("op", "read_file", "path", "/nope"));
            assertEquals("kernel_error", code(missing));
            assertEquals("ENOENT", WireJson.string(missing.payload(), "errno"));
        }
    }

    @Test
    void everyRequestBeforeAuthenticateIsUnauthorized() throws Exception {
        try (RawClient c = client()) {
            assertEquals("unauthorized", code(c.call(Ownership.connection("conn-1"), Wire.OPEN_SESSION, new JsonObject())));
            Frame wrongBuild = c.call(Ownership.NONE, Wire.AUTHENTICATE, WireJson.object("build_id", "0.0.1+other"));
            assertEquals("unauthorized", code(wrongBuild));
            assertTrue(WireJson.string(wrongBuild.payload(), "message").contains(Wire.buildId()));
            c.handshake(5_000);
            assertEquals("invalid_state", code(c.call(Ownership.NONE, Wire.AUTHENTICATE, WireJson.object("build_id", Wire.buildId()))));
        }
    }

    @Test
    void invalidJsonAndUnknownTypesAreRejectedAndTheConnectionGoesOn() throws Exception {
        try (RawClient c = client().handshake(5_000)) {
            byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
            c.sendRaw(new byte[] {0, 0, 0, (byte) garbage.length});
            c.sendRaw(garbage);
            Frame bad = c.await(FrameKind.RESPONSE, 0);
            assertEquals("invalid_request", code(bad));
            Frame unknown = c.call(Ownership.connection(c.connectionId), "frobnicate", new JsonObject());
            assertEquals("unsupported", code(unknown));
            assertTrue(WireJson.string(unknown.payload(), "message").contains("frobnicate"));
            Frame missingField = c.call(c.sessionScope().withVm(c.createVm()), Wire.FILESYSTEM, WireJson.object("op", "read_file"));
            assertEquals("invalid_request", code(missingField));
            assertTrue(WireJson.string(missingField.payload(), "message").contains("'path'"));
            assertEquals(Wire.PING, c.call(Ownership.connection(c.connectionId), Wire.PING, new JsonObject()).type());
            assertTrue(log.toString(StandardCharsets.UTF_8).isEmpty(), "no stack traces for client mistakes: " + log);
        }
    }

    @Test
    void aVmOfAnotherConnectionIsForbidden() throws Exception {
        try (RawClient a = client().handshake(5_000); RawClient b = client().handshake(5_000)) {
            String vmOfA = a.createVm();
            Frame stolen = b.call(b.sessionScope().withVm(vmOfA), Wire.VM_INFO, new JsonObject());
            assertEquals("forbidden", code(stolen));
            Frame spoofed = b.call(Ownership.connection(a.connectionId).withSession(a.session).withVm(vmOfA), Wire.VM_INFO, new JsonObject());
            assertEquals("forbidden", code(spoofed));
            assertEquals(0, b.call(b.sessionScope(), Wire.LIST_VMS, new JsonObject()).payload().getAsJsonArray("vms").size());
        }
    }

    @Test
    void endOfInputDisposesTheConnectionsVms() throws Exception {
        RawClient c = client().handshake(5_000);
        c.createVm();
        c.createVm();
        assertEquals(2, agentOs.list().size());
        c.closeInput();
        assertTrue(c.closeReason().contains("end of input"));
        assertEquals(0, agentOs.list().size());
        assertEquals(0, sidecar.openConnections());
    }

    @Test
    void anOversizeFrameClosesWithAReasonAndDisposesVms() throws Exception {
        RawClient c = new RawClient(sidecar, new Connection.Options(64 * 1024, 5_000, 1 << 20)).handshake(5_000);
        c.createVm();
        c.sendRaw(new byte[] {0x7f, 0, 0, 0});
        Frame closing = c.event(Wire.CLOSING);
        assertEquals("frame_too_large", WireJson.string(closing.payload(), "code"));
        assertTrue(c.closeReason().contains("exceeds the limit of 65536"));
        assertEquals(0, agentOs.list().size());
    }

    @Test
    void aTruncatedFrameClosesTheConnection() throws Exception {
        RawClient c = client().handshake(5_000);
        c.createVm();
        c.sendRaw(new byte[] {0, 0, 0, 100, '{', '"'});
        c.closeInput();
        assertTrue(c.closeReason().contains("stream ended inside a frame"), c.closeReason());
        assertEquals(0, agentOs.list().size());
    }

    @Test
    void aSilentClientIsDisconnectedAndAnsweringClientPingsKeepsItAlive() throws Exception {
        RawClient c = new RawClient(sidecar, new Connection.Options(1 << 20, 50, 1 << 20));
        // The client announces 1 s heartbeats, so the sidecar gives up after 3 s of silence: long enough that a
        // busy build machine answering pings late does not look silent.
        Frame auth = c.call(Ownership.NONE, Wire.AUTHENTICATE, WireJson.object("build_id", Wire.buildId(), "heartbeat_ms", 1000));
        String conn = WireJson.string(auth.payload(), "connection_id");
        // The sidecar asks the client (negative ids); a client that answers stays connected.
        for (int i = 0; i < 25; i++) {
            Frame ping = null;
            while (ping == null) {
                Frame f = c.received.poll(RawClient.WAIT_S, java.util.concurrent.TimeUnit.SECONDS);
                if (f == null) {
                    throw new AssertionError("no client_ping within " + RawClient.WAIT_S + " s");
                }
                if (f.kind() == FrameKind.SIDECAR_REQUEST) {
                    ping = f;
                } else {
                    c.skipped.add(f);
                }
            }
            assertEquals(Wire.CLIENT_PING, ping.type());
            assertTrue(ping.id() < 0, "sidecar request ids are negative");
            c.sendRaw(new agentos.wire.FrameCodec(null, null, 1 << 20).encode(ping.reply(Wire.CLIENT_PING, new JsonObject())));
        }
        assertEquals(Wire.PING, c.call(Ownership.connection(conn), Wire.PING, new JsonObject()).type());
        // Then silence: the sidecar gives up after 3 of the client's heartbeats and says why.
        Frame closing = c.event(Wire.CLOSING);
        assertTrue(WireJson.string(closing.payload(), "message").contains("heartbeat timeout"));
        assertTrue(c.closeReason().contains("sent nothing"));
    }

    @Test
    void controlFramesOvertakeQueuedOutput() throws Exception {
        // A big bulk bound so that lots of output queues up while the client is not reading.
        RawClient c = new RawClient(sidecar, new Connection.Options(1 << 20, 5_000, 16L << 20)).handshake(5_000);
        String vm = c.createVm();
        Ownership scope = c.sessionScope().withVm(vm);
        c.call(scope, Wire.FILESYSTEM, WireJson.object("op", "write_file", "path", "/workspace/flood", "content", FloodExecutor.PROGRAM));
        c.call(scope, Wire.FILESYSTEM, WireJson.object("op", "chmod", "path", "/workspace/flood", "mode", 0755));
        Frame spawned = c.call(scope, Wire.SPAWN, WireJson.object("file", "/workspace/flood",
                "options", WireJson.object("retain_output", false, "env", new JsonObject())));
        int pid = spawned.payload().getAsJsonObject("process").get("pid").getAsInt();
        c.pauseReading();
        long subscribe = c.send(scope, Wire.SUBSCRIBE_OUTPUT, WireJson.object("pid", pid, "subscription", 1));
        Thread.sleep(500); // let output pile up behind the paused reader
        long kill = c.send(scope, Wire.SIGNAL, WireJson.object("pid", pid, "signal", "SIGKILL"));
        Thread.sleep(200);
        c.resumeReading();
        c.await(FrameKind.RESPONSE, subscribe);
        c.skipped.clear();
        Frame killed = c.await(FrameKind.RESPONSE, kill);
        assertEquals(Wire.SIGNAL, killed.type());
        long outputBefore = c.skipped.stream().filter(f -> f.type().equals(Wire.PROCESS_OUTPUT)).count();
        // Everything still queued arrives after the kill's response.
        long outputAfter = 0;
        Frame f;
        while ((f = c.received.poll(1, java.util.concurrent.TimeUnit.SECONDS)) != null) {
            if (f.type().equals(Wire.PROCESS_OUTPUT)) {
                outputAfter++;
            }
        }
        assertTrue(outputAfter > 4 * (outputBefore + 1),
                "the kill's response overtook the queued output (" + outputBefore + " chunks before it, " + outputAfter + " after)");
        c.close();
    }
}
