package agentos.kernel.internal;

import agentos.api.LimitWarning;
import agentos.api.NotAvailableException;
import agentos.api.Subscription;
import agentos.api.Vm;
import agentos.api.VmInfo;
import agentos.api.VmLifecycleEvent;
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
import agentos.api.process.Processes;
import agentos.api.session.Agents;
import agentos.api.session.Sessions;
import agentos.api.software.Software;
import agentos.api.terminal.Terminals;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One VM. Its namespaces are filled in as the runtime grows; until a namespace exists, calling it throws
 * {@link NotAvailableException} naming it. State changes are published to lifecycle listeners.
 */
final class KernelVm implements Vm {
    private final String id;
    private final long sequence;
    private final VmConfig config;
    private final LongSupplier clock;
    private final long createdAtMs;
    private final BiConsumer<KernelVm, String> disposer;
    private final AtomicReference<VmState> state = new AtomicReference<>(VmState.CREATING);
    private final List<Consumer<VmLifecycleEvent>> lifecycleListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<LimitWarning>> limitListeners = new CopyOnWriteArrayList<>();

    KernelVm(String id, VmConfig config, LongSupplier clock, BiConsumer<KernelVm, String> disposer) {
        this.id = id;
        this.sequence = Long.parseLong(id.substring(id.indexOf('-') + 1));
        this.config = config;
        this.clock = clock;
        this.createdAtMs = clock.getAsLong();
        this.disposer = disposer;
    }

    long sequence() {
        return sequence;
    }

    void markReady() {
        transition(VmState.READY, null);
    }

    /** Called by the registry once the VM is out of the registry. */
    void shutdown(String reason) {
        transition(VmState.DISPOSING, reason);
        transition(VmState.DISPOSED, reason);
        lifecycleListeners.clear();
        limitListeners.clear();
    }

    private void transition(VmState next, @Nullable String reason) {
        state.set(next);
        VmLifecycleEvent event = new VmLifecycleEvent(id, next, clock.getAsLong(), reason);
        for (Consumer<VmLifecycleEvent> l : lifecycleListeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                // A listener's failure must not stop the VM's lifecycle or other listeners.
            }
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public VmInfo info() {
        return new VmInfo(id, state.get(), createdAtMs, 0, List.of(), List.of());
    }

    @Override
    public VmConfig config() {
        return config;
    }

    private NotAvailableException missing(String namespace) {
        return new NotAvailableException("vm." + namespace + "()", "this namespace is not implemented in this build yet");
    }

    @Override
    public Processes process() {
        throw missing("process");
    }

    @Override
    public Filesystem filesystem() {
        throw missing("filesystem");
    }

    @Override
    public Terminals terminal() {
        throw missing("terminal");
    }

    @Override
    public Network network() {
        throw missing("network");
    }

    @Override
    public JavaScript javascript() {
        throw missing("javascript");
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
        throw missing("contexts");
    }

    @Override
    public Software software() {
        throw missing("software");
    }

    @Override
    public Agents agents() {
        throw missing("agents");
    }

    @Override
    public Sessions sessions() {
        throw missing("sessions");
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
        limitListeners.add(listener);
        return () -> limitListeners.remove(listener);
    }

    @Override
    public Subscription onLifecycle(Consumer<VmLifecycleEvent> listener) {
        lifecycleListeners.add(listener);
        return () -> lifecycleListeners.remove(listener);
    }

    @Override
    public void dispose() {
        disposer.accept(this, "disposed by caller");
    }
}
