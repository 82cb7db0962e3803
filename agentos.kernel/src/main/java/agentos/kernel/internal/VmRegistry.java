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
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<String, KernelVm> vms = new ConcurrentHashMap<>();

    @Activate
    public VmRegistry(Config config, @Reference(service = LoggerFactory.class) Logger log) {
        this(config.maxVms(), log, System::currentTimeMillis);
    }

    VmRegistry(int maxVms, Logger log, LongSupplier clock) {
        if (maxVms < 1) {
            throw new IllegalArgumentException(PID + " maxVms must be >= 1, got " + maxVms);
        }
        this.maxVms = maxVms;
        this.log = log;
        this.clock = clock;
    }

    @Deactivate
    void deactivate() {
        for (KernelVm vm : List.copyOf(vms.values())) {
            disposeVm(vm, "runtime stopping");
        }
    }

    @Override
    public synchronized Vm create(VmConfig config) {
        rejectUnsupported(config);
        if (vms.size() >= maxVms) {
            throw new AgentOsException("cannot create a VM: " + vms.size() + " VMs exist and the limit is " + maxVms
                    + "; dispose unused VMs or raise maxVms in configuration " + PID);
        }
        String id = "vm-" + nextId.getAndIncrement();
        KernelVm vm = new KernelVm(id, config, clock, this::disposeVm);
        vms.put(id, vm);
        vm.markReady();
        log.info("created VM {}", id);
        return vm;
    }

    /** Config parts whose machinery is not built yet fail loudly instead of being silently dropped. */
    private static void rejectUnsupported(VmConfig config) {
        if (!config.mounts().isEmpty()) {
            throw new NotAvailableException("VmConfig.mounts", "mount plugins are not implemented in this build yet");
        }
        if (!config.software().isEmpty()) {
            throw new NotAvailableException("VmConfig.software", "software packages are not implemented in this build yet");
        }
        if (!config.rootFilesystem().lowers().isEmpty()) {
            throw new NotAvailableException(
                    "VmConfig.rootFilesystem.lowers", "root filesystem layers are not implemented in this build yet");
        }
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
