package agentos.api.session;

/** One of the agent's exact ACP permission options; {@code kind} is e.g. {@code allow_once} or {@code reject_once}. */
public record PermissionOption(String optionId, String name, String kind) {}
