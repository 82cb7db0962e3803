package agentos.api.session;

/** An agent available in a VM (from a projected package with an {@code agent} block). */
public record AgentInfo(String id, boolean installed, String packageName, String version) {}
