package agentos.api.terminal;

import agentos.api.process.PtySize;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An interactive shell: {@code command} (default the user's shell) on a PTY of {@code size}. */
public record ShellOptions(
        @Nullable String command, List<String> args, Map<String, String> env, @Nullable String cwd, PtySize size) {
    public static final ShellOptions DEFAULT = new ShellOptions(null, List.of(), Map.of(), null, PtySize.DEFAULT);

    public ShellOptions {
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }
}
