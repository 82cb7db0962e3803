package agentos.api.spi;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The header of a software package (upstream's {@code .aospkg} manifest). */
public record PackageManifest(
        String name, String version, List<PackageCommand> commands, @Nullable AgentManifest agent, Map<String, String> env) {
    public PackageManifest {
        commands = List.copyOf(commands);
        env = Map.copyOf(env);
    }
}
