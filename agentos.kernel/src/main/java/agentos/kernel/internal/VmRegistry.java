package agentos.kernel.internal;

import agentos.api.AgentOs;
import agentos.api.AgentOsException;
import agentos.api.NotAvailableException;
import agentos.api.Vm;
import agentos.api.VmInfo;
import agentos.api.VmNotFoundException;
import agentos.api.config.VmConfig;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import agentos.api.spi.AgentLayer;
import agentos.api.spi.Executor;
import agentos.api.spi.MountPlugin;
import agentos.api.spi.SoftwarePackage;
import agentos.api.spi.VirtualFilesystemFactory;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@link AgentOs} service: creates, lists and disposes VMs. VM ids are {@code vm-N}, monotonic per registry
 * instance. Thread-safe: the map is concurrent, and create/dispose are serialised so the VM cap holds exactly.
 */
@Component(service = AgentOs.class, configurationPid = VmRegistry.PID)
@Designate(ocd = VmRegistry.Config.class)
public final class VmRegistry implements AgentOs {
    public static final String PID = "agentos.kernel";

    @ObjectClassDefinition(name = "Agent OS kernel", description = "VM registry settings of this runtime.")
    public @interface Config {
        @AttributeDefinition(description = "Most VMs alive at once in this runtime; creating one more fails.")
        int maxVms() default 1024;
    }

    private final int maxVms;
    private final Logger log;
    private final LongSupplier clock;
    private final VirtualFilesystemFactory vfsFactory;
    private final Supplier<List<Executor>> executorSupplier;
    private final Supplier<List<MountPlugin>> pluginSupplier;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<String, KernelVm> vms = new ConcurrentHashMap<>();

    // Plugins come and go at runtime; VMs always see the current set.
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.REPLACE)
    private volatile List<Executor> executors = List.of();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.REPLACE)
    private volatile List<MountPlugin> mountPlugins = List.of();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.REPLACE)
    private volatile List<SoftwarePackage> softwarePackages = List.of();
    private final Supplier<List<SoftwarePackage>> packageSupplier;

    // The agent layer (agentos.acp) is optional: without it, agents() and sessions() say what is missing.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile @org.jspecify.annotations.Nullable AgentLayer agentLayer;
    private volatile Supplier<@org.jspecify.annotations.Nullable AgentLayer> agentLayerSupplier = () -> agentLayer;

    @Activate
    public VmRegistry(Config config, @Reference(service = LoggerFactory.class) Logger log,
            @Reference VirtualFilesystemFactory vfsFactory) {
        this.maxVms = checkMax(config.maxVms());
        this.log = log;
        this.clock = System::currentTimeMillis;
        this.vfsFactory = vfsFactory;
        this.executorSupplier = () -> executors;
        this.pluginSupplier = () -> mountPlugins;
        this.packageSupplier = () -> softwarePackages;
        this.scheduler = newScheduler();
    }

    /** Wires the registry by hand, outside OSGi (other modules' tests and the benchmarks). */
    public VmRegistry(int maxVms, Logger log, LongSupplier clock, VirtualFilesystemFactory vfsFactory,
            Supplier<List<Executor>> executors, Supplier<List<MountPlugin>> plugins, Supplier<List<SoftwarePackage>> packages) {
        this.maxVms = checkMax(maxVms);
        this.log = log;
        this.clock = clock;
        this.vfsFactory = vfsFactory;
        this.executorSupplier = executors;
        this.pluginSupplier = plugins;
        this.packageSupplier = packages;
        this.scheduler = newScheduler();
    }

    /** Wires the agent layer by hand, outside OSGi (tests and benchmarks). */
    public VmRegistry agentLayer(AgentLayer layer) {
        this.agentLayerSupplier = () -> layer;
        return this;
    }

    private static int checkMax(int maxVms) {
        if (maxVms < 1) {
            throw new IllegalArgumentException(PID + " maxVms must be >= 1, got " + maxVms);
        }
        return maxVms;
    }

    private static ScheduledExecutorService newScheduler() {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "agentos-kernel-timers");
            t.setDaemon(true);
            return t;
        });
        s.setRemoveOnCancelPolicy(true);
        return s;
    }

    @Deactivate
    public void deactivate() {
        for (KernelVm vm : List.copyOf(vms.values())) {
            disposeVm(vm, "runtime stopping");
        }
        scheduler.shutdownNow();
    }

    @Override
    public synchronized Vm create(VmConfig config) {
        VmSoftware.check(config, packageSupplier.get());
        if (vms.size() >= maxVms) {
            throw new AgentOsException("cannot create a VM: " + vms.size() + " VMs exist and the limit is " + maxVms
                    + "; dispose unused VMs or raise maxVms in configuration " + PID);
        }
        String id = "vm-" + nextId.getAndIncrement();
        KernelVm vm = new KernelVm(id, config, clock, this::disposeVm, vfsFactory, executorSupplier, pluginSupplier, packageSupplier,
                scheduler, () -> agentLayerSupplier.get());
        vms.put(id, vm);
        vm.markReady();
        log.info("created VM {}", id);
        return vm;
    }

    @Override
    public Optional<Vm> get(String vmId) {
        return Optional.ofNullable(vms.get(vmId));
    }

    @Override
    public List<VmInfo> list() {
        return vms.values().stream()
                .sorted(Comparator.comparingLong(KernelVm::sequence))
                .map(KernelVm::info)
                .toList();
    }

    @Override
    public void dispose(String vmId) {
        KernelVm vm = vms.get(vmId);
        if (vm == null) {
            throw new VmNotFoundException(vmId);
        }
        disposeVm(vm, "disposed by caller");
    }

    private synchronized void disposeVm(KernelVm vm, String reason) {
        if (vms.remove(vm.id(), vm)) {
            vm.shutdown(reason);
            log.info("disposed VM {} ({})", vm.id(), reason);
        }
    }
}
