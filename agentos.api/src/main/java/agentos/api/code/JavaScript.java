package agentos.api.code;

import org.osgi.annotation.versioning.ProviderType;

/** The {@code javascript} namespace: Node-compatible JavaScript in the VM. */
@ProviderType
public interface JavaScript extends CodeRunner {
    Npm npm();
}
