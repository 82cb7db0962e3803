package agentos.api.spi;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A child process for {@link Syscalls#spawn}: argv (argv[0] is resolved through PATH unless it has a '/'), the
 * full environment, cwd, and which of the parent's fds become the child's 0, 1 and 2 ({@code -1}: inherit the
 * parent's same-numbered fd). Other fds are inherited unless close-on-exec.
 */
public record SpawnRequest(
        List<String> argv, Map<String, String> env, @Nullable String cwd, int stdinFd, int stdoutFd, int stderrFd) {
    public SpawnRequest {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("spawn needs argv[0]");
        }
    }
}
