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
import agentos.api.config.MountConfig;
import agentos.api.fs.MountInfo;
import agentos.api.spi.AgentBinding;
import agentos.api.spi.AgentLayer;
import agentos.api.spi.Executor;
import agentos.api.spi.MountPlugin;
import agentos.api.spi.SoftwarePackage;
import agentos.api.spi.VfsSpec;
import agentos.api.spi.VirtualFilesystem;
import agentos.api.spi.VirtualFilesystemFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
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

    private final Kernel kernel;
    private final VmFilesystem filesystem;
    private final VmProcesses processes;
    private final VmNetwork network;
    private final VmTerminals terminals;
    private final VmSoftware software;
    private final VmJavaScript javascript;
    private final Supplier<@Nullable AgentLayer> agentLayer;
    private @Nullable AgentLayer boundLayer;
    private @Nullable AgentBinding binding;

    KernelVm(String id, VmConfig config, LongSupplier clock, BiConsumer<KernelVm, String> disposer,
            VirtualFilesystemFactory vfsFactory, Supplier<List<Executor>> executors, Supplier<List<MountPlugin>> plugins,
            Supplier<List<SoftwarePackage>> packages, ScheduledExecutorService scheduler,
            Supplier<@Nullable AgentLayer> agentLayer) {
        this.agentLayer = agentLayer;
        this.id = id;
        this.sequence = Long.parseLong(id.substring(id.indexOf('-') + 1));
        this.config = config;
        this.clock = clock;
        this.createdAtMs = clock.getAsLong();
        this.disposer = disposer;
        VirtualFilesystem vfs = vfsFactory.create(new VfsSpec(id, config.rootFilesystem(), config.user(),
                config.limits().resources(), Set.of(INSTRUCTIONS), clock, this::warn));
        this.kernel = new Kernel(id, config, vfs, executors, scheduler, this::warn, clock);
        vfs.mountSystem("/proc", "proc", new ProcFs(kernel));
        this.software = new VmSoftware(config, packages);
        kernel.packages(software::projected);
        vfs.mountSystem(SoftwareFs.ROOT, "software", new SoftwareFs(software::projected, createdAtMs));
        this.filesystem = new VmFilesystem(id, vfs, kernel, plugins);
        this.processes = new VmProcesses(kernel);
        this.terminals = new VmTerminals(kernel, processes, scheduler);
        this.javascript = new VmJavaScript(filesystem, processes);
        this.network = new VmNetwork(kernel);
        try {
            for (MountConfig m : config.mounts()) {
                filesystem.mount(m);
            }
        } catch (RuntimeException e) {
            kernel.dispose();
            throw e;
        }
    }

    static final String INSTRUCTIONS = "/etc/agentos/instructions.md";

    private void warn(LimitWarning w) {
        for (Consumer<LimitWarning> l : limitListeners) {
            try {
                l.accept(w);
            } catch (RuntimeException e) {
                // A listener's failure must not reach the guest operation that crossed the limit.
            }
        }
    }

    long sequence() {
        return sequence;
    }

    Kernel kernelForTest() {
        return kernel;
    }

    void markReady() {
        transition(VmState.READY, null);
    }

    /** Called by the registry once the VM is out of the registry. */
    void shutdown(String reason) {
        transition(VmState.DISPOSING, reason);
        AgentBinding b;
        synchronized (this) {
            b = binding;
            binding = null;
        }
        if (b != null) {
            b.close(reason);
        }
        network.dispose();
        kernel.dispose();
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
        return new VmInfo(id, state.get(), createdAtMs, (int) kernel.processGauge().used(),
                software.projected().stream().map(p -> p.manifest().name()).sorted().toList(),
                filesystem.listMounts().stream().map(MountInfo::path).toList());
    }

    @Override
    public VmConfig config() {
        return config;
    }

    private NotAvailableException missing(String namespace) {
        return new NotAvailableException("vm." + namespace + "()", "this namespace is not implemented in this build yet");
    }

    private void requireLive() {
        VmState s = state.get();
        if (s == VmState.DISPOSING || s == VmState.DISPOSED) {
            throw new agentos.api.VmNotFoundException(id);
        }
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
        return javascript.contexts();
    }

    @Override
    public Software software() {
        requireLive();
        return software;
    }

    @Override
    public Agents agents() {
        return agentBinding("agents").agents();
    }

    @Override
    public Sessions sessions() {
        return agentBinding("sessions").sessions();
    }

    /** The binding to the current agent layer, attaching this VM on first use or after the layer changed. */
    private synchronized AgentBinding agentBinding(String namespace) {
        requireLive();
        AgentLayer layer = agentLayer.get();
        if (layer == null) {
            throw new NotAvailableException("vm." + namespace + "()", "it needs the agent layer: install and start bundle agentos.acp");
        }
        if (binding == null || boundLayer != layer || !binding.isOpen()) {
            if (binding != null) {
                binding.close("agent layer replaced");
            }
            binding = layer.attach(this, () -> software.projected().stream().map(SoftwarePackage::manifest).toList());
            boundLayer = layer;
        }
        return binding;
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
