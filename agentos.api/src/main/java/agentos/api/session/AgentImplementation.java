package agentos.api.session;

import org.jspecify.annotations.Nullable;

/** ACP {@code Implementation} info of the agent: name, title and version. */
public record AgentImplementation(String name, @Nullable String title, @Nullable String version) {}
