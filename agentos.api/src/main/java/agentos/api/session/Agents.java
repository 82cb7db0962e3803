package agentos.api.session;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The {@code agents} namespace. */
@ProviderType
public interface Agents {
    List<AgentInfo> list();
}
