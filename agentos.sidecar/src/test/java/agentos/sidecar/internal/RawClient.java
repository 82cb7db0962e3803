package agentos.sidecar.internal;

import agentos.wire.Frame;
import agentos.wire.FrameCodec;
import agentos.wire.FrameKind;
import agentos.wire.Ownership;
import agentos.wire.Wire;
import agentos.wire.WireJson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A test client that speaks raw frames to a {@link Connection} over OS pipes (bounded like real stdio), with a
 * reader thread that can be paused to let the sidecar's output back up.
 */
final class RawClient implements AutoCloseable {
    static final long WAIT_S = 30;

    final Connection connection;
    final CompletableFuture<String> served = new CompletableFuture<>();
    final BlockingQueue<Frame> received = new LinkedBlockingQueue<>();
    private final OutputStream toSidecar;
    private final FrameCodec codec;
    private final Semaphore reading = new Semaphore(1);
    private long ids;
    String connectionId = "";
    String session = "";

    RawClient(Sidecar sidecar, Connection.Options options) throws IOException {
        Pipe up = Pipe.open();
        Pipe down = Pipe.open();
        toSidecar = Channels.newOutputStream(up.sink());
        InputStream fromSidecar = Channels.newInputStream(down.source());
        connection = sidecar.connect(Channels.newInputStream(up.source()), Channels.newOutputStream(down.sink()), options);
        codec = new FrameCodec(fromSidecar, toSidecar, Integer.MAX_VALUE - 8);
        Thread serve = new Thread(() -> served.complete(connection.serve()), "test-serve");
        serve.setDaemon(true);
        serve.start();
        Thread reader = new Thread(() -> {
            try {
                while (true) {
                    reading.acquireUninterruptibly();
                    reading.release();
                    Frame f = codec.read();
                    if (f == null) {
                        return;
                    }
                    received.add(f);
                }
            } catch (IOException e) {
                // closed
            }
        }, "test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    void pauseReading() {
        reading.acquireUninterruptibly();
    }

    void resumeReading() {
        reading.release();
    }

    void sendRaw(byte[] bytes) throws IOException {
        toSidecar.write(bytes);
        toSidecar.flush();
    }

    void closeInput() throws IOException {
        toSidecar.close();
    }

    long send(Ownership scope, String type, JsonObject payload) throws IOException {
        long id = ++ids;
        sendRaw(codec.encode(Frame.request(id, scope, type, payload)));
        return id;
    }

    /** The next frame of {@code kind} with {@code id} (others are kept in {@link #skipped}). */
    Frame await(FrameKind kind, long id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (System.nanoTime() < deadline) {
            Frame f = received.poll(100, TimeUnit.MILLISECONDS);
            if (f == null) {
                continue;
            }
            if (f.kind() == kind && f.id() == id) {
                return f;
            }
            skipped.add(f);
        }
        throw new AssertionError("no " + kind + " frame with id " + id + " within " + WAIT_S + " s");
    }

    final java.util.List<Frame> skipped = new java.util.concurrent.CopyOnWriteArrayList<>();

    Frame call(Ownership scope, String type, JsonObject payload) throws Exception {
        return await(FrameKind.RESPONSE, send(scope, type, payload));
    }

    Frame event(String type) throws InterruptedException {
        for (Frame f : skipped) {
            if (f.kind() == FrameKind.EVENT && f.type().equals(type)) {
                skipped.remove(f);
                return f;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (System.nanoTime() < deadline) {
            Frame f = received.poll(100, TimeUnit.MILLISECONDS);
            if (f != null && f.kind() == FrameKind.EVENT && f.type().equals(type)) {
                return f;
            }
            if (f != null) {
                skipped.add(f);
            }
        }
        throw new AssertionError("no " + type + " event within " + WAIT_S + " s");
    }

    /** authenticate + open_session. */
    RawClient handshake(long heartbeatMs) throws Exception {
        Frame auth = call(Ownership.NONE, Wire.AUTHENTICATE, WireJson.object("build_id", Wire.buildId(), "heartbeat_ms", heartbeatMs));
        connectionId = WireJson.string(auth.payload(), "connection_id");
        Frame s = call(Ownership.connection(connectionId), Wire.OPEN_SESSION, new JsonObject());
        session = WireJson.string(s.payload(), "session_id");
        return this;
    }

    Ownership sessionScope() {
        return Ownership.connection(connectionId).withSession(session);
    }

    String createVm() throws Exception {
        Frame r = call(sessionScope(), Wire.CREATE_VM, new JsonObject());
        return WireJson.string(r.payload(), "vm_id");
    }

    String closeReason() throws Exception {
        return served.get(WAIT_S, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        connection.close("test finished", null);
    }
}
