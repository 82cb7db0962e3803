package agentos.api.spi;

import java.util.List;
import java.util.Map;

/**
 * The {@code agent} block of a package: the ACP entrypoint (a JavaScript file inside the package, run with
 * {@code node}), its static environment and launch arguments.
 */
public record AgentManifest(String id, String acpEntrypoint, Map<String, String> env, List<String> launchArgs) {
    public AgentManifest {
        env = Map.copyOf(env);
        launchArgs = List.copyOf(launchArgs);
    }
}
