package agentos.api.session;

import org.jspecify.annotations.Nullable;

/** An ACP session config option (mode, model, thought level, …) with its exact JSON (choices etc.). */
public record SessionConfigOption(String id, String name, String type, @Nullable String currentValue, String json) {}
