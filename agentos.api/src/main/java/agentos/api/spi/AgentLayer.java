package agentos.api.spi;

import agentos.api.Vm;
import java.util.List;
import java.util.function.Supplier;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The agent layer ({@code agentos.acp}): serves a VM's {@code agents} and {@code sessions} namespaces. The kernel
 * knows nothing about ACP; it attaches each VM to the current layer on first use and closes the binding when the
 * VM is disposed. A layer that goes away (bundle stopped or updated) closes its bindings itself, and the kernel
 * attaches the VM to the next layer on its next use.
 */
@ConsumerType
public interface AgentLayer {

    /**
     * Binds one VM. {@code packages} answers the software projected into the VM right now (installed and linked),
     * whose manifests carry the {@code agent} blocks.
     */
    AgentBinding attach(Vm vm, Supplier<List<PackageManifest>> packages);
}
