package agentos.client.internal;

import agentos.api.LimitWarning;
import agentos.api.NotAvailableException;
import agentos.api.Subscription;
import agentos.api.Vm;
import agentos.api.VmInfo;
import agentos.api.VmLifecycleEvent;
import agentos.api.VmNotFoundException;
import agentos.api.VmState;
import agentos.api.code.Contexts;
import agentos.api.code.JavaScript;
import agentos.api.code.Python;
import agentos.api.code.TypeScript;
import agentos.api.config.VmConfig;
import agentos.api.cron.Cron;
import agentos.api.fs.Filesystem;
import agentos.api.host.HostFunctions;
import agentos.api.network.Network;
import agentos.api.process.OutputChannel;
import agentos.api.process.Processes;
import agentos.api.session.Agents;
import agentos.api.session.Sessions;
import agentos.api.software.Software;
import agentos.api.terminal.Terminals;
import agentos.wire.Frame;
import agentos.wire.Ownership;
import agentos.wire.Wire;
import agentos.wire.WireJson;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A VM in the sidecar. Every call is one request in VM scope. Namespaces the sidecar's runtime does not have
 * yet throw {@link NotAvailableException} here too, with the same wording as in-process.
 */
public final class ClientVm implements Vm {
    private final Transport transport;
    private final Ownership scope;
    private final String id;
    private final VmConfig config;
    private final Runnable onGone;
    private final List<Consumer<VmLifecycleEvent>> lifecycle = new CopyOnWriteArrayList<>();
    private final List<Consumer<LimitWarning>> warnings = new CopyOnWriteArrayList<>();
    /** Streamed exec output by exec request id. */
    final Map<Long, Consumer<JsonObject>> execStreams = new ConcurrentHashMap<>();
    private volatile boolean disposed;
    private final ClientProcesses processes;
    private final ClientFilesystem filesystem;
    private final ClientTerminals terminals;
    private final ClientSoftware software;
    private final ClientNetwork network;
    private final ClientContexts contexts;
    private final ClientSessions sessions;
    private final ClientJavaScript javascript;

    public ClientVm(Transport transport, Ownership scope, VmConfig config, Runnable onGone) {
        this.transport = transport;
        this.scope = scope;
        this.id = scope.vm();
        this.config = config;
        this.onGone = onGone;
        this.processes = new ClientProcesses(this);
        this.filesystem = new ClientFilesystem(this);
        this.terminals = new ClientTerminals(this);
        this.software = new ClientSoftware(this);
        this.network = new ClientNetwork(this);
        this.contexts = new ClientContexts(this);
        this.sessions = new ClientSessions(this);
        this.javascript = new ClientJavaScript(this);
        transport.onVmEvents(id, this::event);
    }

    Transport transport() {
        return transport;
    }

    Ownership scope() {
        return scope;
    }

    JsonObject call(String type, JsonObject payload) {
        requireLive();
        return transport.call(scope, type, payload);
    }

    private void event(Frame frame) {
        JsonObject p = frame.payload();
        switch (frame.type()) {
            case Wire.VM_LIFECYCLE -> {
                VmLifecycleEvent e = WireJson.GSON.fromJson(p, VmLifecycleEvent.class);
                for (Consumer<VmLifecycleEvent> l : lifecycle) {
                    l.accept(e);
                }
                if (e.state() == VmState.DISPOSED) {
                    gone();
                }
            }
            case Wire.LIMIT_WARNING -> {
                LimitWarning w = WireJson.GSON.fromJson(p, LimitWarning.class);
                for (Consumer<LimitWarning> l : warnings) {
                    l.accept(w);
                }
            }
            case Wire.PROCESS_OUTPUT -> {
                Consumer<JsonObject> stream = execStreams.get(WireJson.longValue(p, "exec_id", 0));
                if (stream != null) {
                    stream.accept(p);
                }
            }
            default -> { }
        }
    }

    private void gone() {
        disposed = true;
        transport.removeVmEvents(id);
        onGone.run();
    }

    private void requireLive() {
        if (disposed) {
            throw new VmNotFoundException(id);
        }
    }

    static OutputChannel channel(JsonObject p) {
        return WireJson.field(p, "channel", OutputChannel.class);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public VmInfo info() {
        return WireJson.field(call(Wire.VM_INFO, new JsonObject()), "info", VmInfo.class);
    }

    @Override
    public VmConfig config() {
        return config;
    }

    @Override
    public Processes process() {
        requireLive();
        return processes;
    }

    @Override
    public Filesystem filesystem() {
        requireLive();
        return filesystem;
    }

    @Override
    public Terminals terminal() {
        requireLive();
        return terminals;
    }

    @Override
    public Software software() {
        requireLive();
        return software;
    }

    // Not served by the sidecar until the runtime implements them (see KernelVm): same error as in-process.
    private static NotAvailableException missing(String namespace) {
        return new NotAvailableException("vm." + namespace + "()", "this namespace is not implemented in this build yet");
    }

    @Override
    public Network network() {
        requireLive();
        return network;
    }

    @Override
    public JavaScript javascript() {
        requireLive();
        return javascript;
    }

    @Override
    public TypeScript typescript() {
        throw missing("typescript");
    }

    @Override
    public Python python() {
        throw missing("python");
    }

    @Override
    public Contexts contexts() {
        requireLive();
        return contexts;
    }

    @Override
    public Agents agents() {
        requireLive();
        return sessions;
    }

    @Override
    public Sessions sessions() {
        requireLive();
        return sessions;
    }

    @Override
    public Cron cron() {
        throw missing("cron");
    }

    @Override
    public HostFunctions hostFunctions() {
        throw missing("hostFunctions");
    }

    @Override
    public Subscription onLimitWarning(Consumer<LimitWarning> listener) {
        warnings.add(listener);
        return () -> warnings.remove(listener);
    }

    @Override
    public Subscription onLifecycle(Consumer<VmLifecycleEvent> listener) {
        lifecycle.add(listener);
        return () -> lifecycle.remove(listener);
    }

    @Override
    public void dispose() {
        if (disposed) {
            return;
        }
        try {
            transport.call(scope, Wire.DISPOSE_VM, new JsonObject());
        } catch (VmNotFoundException e) {
            // Already gone: dispose is idempotent.
        }
        gone();
    }
}
