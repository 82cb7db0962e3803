package agentos.api.session;

import org.jspecify.annotations.Nullable;

/** The agent process exited unexpectedly. It is never restarted implicitly: reopen or prompt again. */
public record AgentExitEvent(String sessionId, String agent, int pid, @Nullable Integer exitCode) {}
