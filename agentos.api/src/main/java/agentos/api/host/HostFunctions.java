package agentos.api.host;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Host functions registered on a VM; calls pass the VM's {@code hostFunction} permission scope. */
@ProviderType
public interface HostFunctions {

    /** Registers (or replaces) a collection; its commands appear in the VM at once. */
    void register(HostFunctionCollection collection);

    boolean unregister(String collectionName);

    /** Names of the registered collections. */
    List<String> list();
}
