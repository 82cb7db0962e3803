package agentos.api.spi;

import java.util.List;
import java.util.Map;

/** How an agent's ACP process is started in the VM: the entrypoint file run by {@code node}, argv and env. */
public record AgentLaunch(String entrypoint, List<String> args, Map<String, String> env) {
    public AgentLaunch {
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }
}
