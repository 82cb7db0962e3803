package agentos.api.process;

import org.jspecify.annotations.Nullable;

/**
 * Why an execution did not succeed, when there is more to say than an exit code: e.g. code {@code ENOENT}
 * for a missing command, {@code ETIMEDOUT} for a timeout, {@code trap} for a WebAssembly trap.
 */
public record ExecutionError(String code, String name, String message, @Nullable String details) {}
