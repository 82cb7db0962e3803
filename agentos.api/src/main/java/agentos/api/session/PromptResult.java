package agentos.api.session;

import org.jspecify.annotations.Nullable;

/** The end of a turn: the agent's message (if any) and ACP's stop reason ({@code end_turn}, {@code cancelled}, …). */
public record PromptResult(String sessionId, @Nullable AgentMessage message, String stopReason) {}
