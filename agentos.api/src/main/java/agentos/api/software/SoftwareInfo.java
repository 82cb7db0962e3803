package agentos.api.software;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A package projected into a VM at {@code /opt/agentos/pkgs/<name>/<version>}, its commands linked into
 * {@code /opt/agentos/bin}; {@code agentId} is set when the package declares an agent.
 */
public record SoftwareInfo(String packageName, String version, List<String> commands, @Nullable String agentId) {
    public SoftwareInfo {
        commands = List.copyOf(commands);
    }
}
