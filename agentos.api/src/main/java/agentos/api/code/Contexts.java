package agentos.api.code;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The {@code contexts} namespace: named persistent execution contexts. A context keeps {@code globalThis}
 * between calls; several contexts run in parallel in one VM.
 */
@ProviderType
public interface Contexts {

    ContextDescriptor create(String contextId, Language language);

    Optional<ContextDescriptor> get(String contextId);

    List<ContextDescriptor> list();

    /** Drops the context's state, keeping its id. */
    ContextDescriptor reset(String contextId);

    void delete(String contextId);
}
