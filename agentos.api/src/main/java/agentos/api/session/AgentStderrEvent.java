package agentos.api.session;

/** A chunk of the agent process's stderr (its stdout carries ACP). */
public record AgentStderrEvent(String sessionId, byte[] chunk) {}
