package agentos.api;

import agentos.api.config.VmConfig;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The entry point: a registry of VMs. Registered as an OSGi service by the kernel; the Java client offers the
 * same interface over the wire. Thread-safe.
 */
@ProviderType
public interface AgentOs {

    /**
     * Creates a VM and returns it once it is ready. Ids are {@code vm-1}, {@code vm-2}, … in creation order and
     * never reused within one runtime.
     */
    Vm create(VmConfig config);

    default Vm create() {
        return create(VmConfig.defaults());
    }

    Optional<Vm> get(String vmId);

    /** The VM or a {@link VmNotFoundException} naming the id. */
    default Vm require(String vmId) {
        return get(vmId).orElseThrow(() -> new VmNotFoundException(vmId));
    }

    /** Live VMs in creation order. */
    List<VmInfo> list();

    /**
     * Disposes a VM: its processes are killed, mounts flushed and released, and the id disappears from
     * {@link #list()}. Throws {@link VmNotFoundException} for an unknown id.
     */
    void dispose(String vmId);
}
