package agentos.client;

import agentos.api.AgentOs;
import agentos.api.AgentOsException;
import agentos.api.Vm;
import agentos.api.VmInfo;
import agentos.api.VmNotFoundException;
import agentos.api.config.VmConfig;
import agentos.client.internal.ClientVm;
import agentos.client.internal.SidecarProcess;
import agentos.client.internal.Transport;
import agentos.wire.FrameCodec;
import agentos.wire.Ownership;
import agentos.wire.Wire;
import agentos.wire.WireJson;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@link AgentOs} in a separate sidecar process ({@code java -jar agentos.jar sidecar}), for plain Java programs.
 * VMs returned by {@link #create} implement the same {@link Vm} interface as in-process; every call is one
 * request over the sidecar's stdin/stdout. Thread-safe: many threads may share one client.
 *
 * <pre>{@code
 * try (AgentOsClient os = AgentOsClient.start()) {
 *     Vm vm = os.create();
 *     vm.filesystem().writeFile("/workspace/a.txt", "hi\n");
 *     System.out.print(vm.process().exec("cat /workspace/a.txt").toCompletableFuture().join().stdoutText());
 * }
 * }</pre>
 *
 * If the sidecar dies, pending and later calls fail with an {@link AgentOsException} that says why (with its
 * exit status and last stderr lines). {@link #close()} disposes the VMs and ends the sidecar process.
 */
public final class AgentOsClient implements AgentOs, AutoCloseable {
    private final Transport transport;
    private final @Nullable SidecarProcess process;
    private final Ownership session;
    private final Map<String, ClientVm> vms = new LinkedHashMap<>();
    private final String connectionId;

    private AgentOsClient(Transport transport, @Nullable SidecarProcess process) {
        this.transport = transport;
        this.process = process;
        try {
            JsonObject auth = transport.call(Ownership.NONE, Wire.AUTHENTICATE, WireJson.object(
                    "build_id", Wire.buildId(), "client_name", "agentos.client", "heartbeat_ms", transport.heartbeatMs()));
            connectionId = WireJson.string(auth, "connection_id");
            transport.peerHeartbeat(WireJson.longValue(auth, "heartbeat_ms", transport.heartbeatMs()));
            Ownership connection = Ownership.connection(connectionId);
            JsonObject opened = transport.call(connection, Wire.OPEN_SESSION, new JsonObject());
            session = connection.withSession(WireJson.string(opened, "session_id"));
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /** Starts a sidecar with default {@link Options}. */
    public static AgentOsClient start() {
        return start(Options.builder().build());
    }

    /** Starts a sidecar process and completes the handshake. */
    public static AgentOsClient start(Options options) {
        SidecarProcess p = SidecarProcess.start(options.jar, options.java, options.jvmArgs, options.heartbeatMs, options.echoStderr);
        Transport t;
        try {
            t = new Transport(p.stdout(), p.stdin(), FrameCodec.DEFAULT_MAX_FRAME_BYTES, options.heartbeatMs,
                    options.sidecarRequestHandlers, p::diagnostics);
        } catch (RuntimeException e) {
            p.stop(0);
            throw e;
        }
        return new AgentOsClient(t, p);
    }

    /**
     * Speaks the protocol over streams someone else connected to a sidecar (e.g. a socket, or tests). Closing the
     * client closes both streams.
     */
    public static AgentOsClient connect(InputStream fromSidecar, OutputStream toSidecar, Options options) {
        OutputStream out = toSidecar;
        Transport t = new Transport(fromSidecar, out, FrameCodec.DEFAULT_MAX_FRAME_BYTES, options.heartbeatMs,
                options.sidecarRequestHandlers, () -> "");
        AgentOsClient c;
        try {
            c = new AgentOsClient(t, null);
        } catch (RuntimeException e) {
            try {
                toSidecar.close();
            } catch (java.io.IOException ignored) {
                // closing anyway
            }
            throw e;
        }
        c.closeStreams = List.of(toSidecar, fromSidecar);
        return c;
    }

    private List<java.io.Closeable> closeStreams = List.of();

    /** This connection's id in the sidecar ({@code conn-N}). */
    public String connectionId() {
        return connectionId;
    }

    /** The process id of the sidecar JVM, if this client started it. */
    public Optional<Long> sidecarPid() {
        return process == null ? Optional.empty() : Optional.of(process.pid());
    }

    @Override
    public Vm create(VmConfig config) {
        JsonObject r = transport.call(session, Wire.CREATE_VM, WireJson.object("config", config));
        String vmId = WireJson.string(r, "vm_id");
        ClientVm vm = new ClientVm(transport, session.withVm(vmId), config, () -> forget(vmId));
        synchronized (vms) {
            vms.put(vmId, vm);
        }
        return vm;
    }

    private void forget(String vmId) {
        synchronized (vms) {
            vms.remove(vmId);
        }
    }

    @Override
    public Optional<Vm> get(String vmId) {
        ClientVm vm;
        synchronized (vms) {
            vm = vms.get(vmId);
        }
        if (vm == null) {
            return Optional.empty();
        }
        try {
            vm.info();
            return Optional.of(vm);
        } catch (VmNotFoundException e) {
            forget(vmId);
            return Optional.empty();
        }
    }

    /** The VMs of this client (a sidecar shows each client only its own). */
    @Override
    public List<VmInfo> list() {
        return WireJson.field(transport.call(session, Wire.LIST_VMS, new JsonObject()), "vms",
                new TypeToken<List<VmInfo>>() {}.getType());
    }

    @Override
    public void dispose(String vmId) {
        ClientVm vm;
        synchronized (vms) {
            vm = vms.get(vmId);
        }
        if (vm == null) {
            throw new VmNotFoundException(vmId);
        }
        vm.dispose();
    }

    /** Disposes this client's VMs and stops the sidecar (waiting up to 10 s before killing it). Idempotent. */
    @Override
    public void close() {
        List<ClientVm> live;
        synchronized (vms) {
            live = new ArrayList<>(vms.values());
        }
        if (transport.failure() == null) {
            for (ClientVm vm : live) {
                try {
                    vm.dispose();
                } catch (RuntimeException e) {
                    // The sidecar disposes whatever is left when its input closes.
                }
            }
        }
        closeQuietly();
    }

    private void closeQuietly() {
        if (process != null) {
            process.stop(10_000);
        }
        for (java.io.Closeable stream : closeStreams) {
            try {
                stream.close();
            } catch (java.io.IOException ignored) {
                // already closed
            }
        }
        transport.close();
    }

    /** How to start the sidecar. */
    public static final class Options {
        final @Nullable Path jar;
        final @Nullable Path java;
        final List<String> jvmArgs;
        final long heartbeatMs;
        final boolean echoStderr;
        final Map<String, Function<String, String>> sidecarRequestHandlers;

        private Options(Builder b) {
            this.jar = b.jar;
            this.java = b.java;
            this.jvmArgs = List.copyOf(b.jvmArgs);
            this.heartbeatMs = b.heartbeatMs;
            this.echoStderr = b.echoStderr;
            this.sidecarRequestHandlers = Map.copyOf(b.handlers);
        }

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            private @Nullable Path jar;
            private @Nullable Path java;
            private final List<String> jvmArgs = new ArrayList<>();
            private long heartbeatMs = 5_000;
            private boolean echoStderr;
            private final Map<String, Function<String, String>> handlers = new LinkedHashMap<>();

            private Builder() {}

            /**
             * The sidecar jar. Default: system property {@code agentos.jar}, then environment variable
             * {@code AGENTOS_JAR}, then {@code launcher/target/agentos.jar} in the current directory or a parent
             * (a checkout of this repository).
             */
            public Builder jar(Path v) {
                jar = v;
                return this;
            }

            /**
             * The {@code java} executable (21 or newer). Default: {@code AGENTOS_JAVA}, else the running JVM's
             * when it is 21+, else {@code JAVA_HOME}'s.
             */
            public Builder java(Path v) {
                java = v;
                return this;
            }

            /** Extra JVM options for the sidecar (e.g. {@code -Xmx2g}). */
            public Builder jvmArg(String v) {
                jvmArgs.add(v);
                return this;
            }

            /** Both sides beat at this interval and give up on a peer silent for three of them. Default 5 s. */
            public Builder heartbeatMs(long v) {
                if (v < 10) {
                    throw new IllegalArgumentException("heartbeatMs must be >= 10, got " + v);
                }
                heartbeatMs = v;
                return this;
            }

            /** Copy the sidecar's stderr (its log) to this process's stderr. Default off: kept for error messages. */
            public Builder echoStderr(boolean v) {
                echoStderr = v;
                return this;
            }

            /**
             * Answers sidecar requests of {@code type} (JSON payload in, JSON object out); the hook host functions
             * and agent callbacks arrive through. Unhandled types are rejected as unsupported.
             */
            public Builder onSidecarRequest(String type, Function<String, String> handler) {
                handlers.put(type, handler);
                return this;
            }

            public Options build() {
                return new Options(this);
            }
        }
    }
}
