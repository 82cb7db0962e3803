package agentos.api.spi;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Agent-specific launch details beyond the package manifest: extra environment (e.g. mapping provider settings),
 * arguments, or where the OS instructions go. Optional; a package's {@code agent} block alone is enough to run.
 */
@ConsumerType
public interface AgentAdapter {

    /** The agent id this adapter serves, as in the package's agent block. */
    String agentId();

    /**
     * Adjusts the launch derived from the manifest, given the session's environment. The default keeps it.
     */
    default AgentLaunch prepare(AgentLaunch fromManifest, Map<String, String> sessionEnv) {
        return fromManifest;
    }

    /**
     * Like {@link #prepare(AgentLaunch, Map)}, also given the session's OS instructions (the text written to
     * {@code /etc/agentos/instructions.md}, or {@code null} when the session skips them) so the adapter can pass
     * them the way its agent takes them (an argument, a context file). The default ignores them.
     */
    default AgentLaunch prepare(AgentLaunch fromManifest, Map<String, String> sessionEnv,
            @org.jspecify.annotations.Nullable String instructions) {
        return prepare(fromManifest, sessionEnv);
    }

    /** The guest path the adapter reads extra instructions from, or {@code null} to pass them via ACP only. */
    default @org.jspecify.annotations.Nullable String instructionsPath() {
        return null;
    }
}
