package agentos.api.process;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Options of {@link Processes#spawn}. Output is delivered to {@link Processes#onOutput} subscribers and, when
 * {@code retainOutput} is set, kept (bounded by {@code limits.process.retainedOutputBytes}) for
 * {@link Processes#readOutput} replay.
 */
public record SpawnOptions(
        Map<String, String> env, @Nullable String cwd, @Nullable PtySize pty, long timeoutMs, boolean retainOutput) {
    public static final SpawnOptions DEFAULT = new SpawnOptions(Map.of(), null, null, 0, true);

    public SpawnOptions {
        env = Map.copyOf(env);
        if (timeoutMs < 0) {
            throw new IllegalArgumentException("timeoutMs must be >= 0, got " + timeoutMs);
        }
    }
}
