package agentos.api.spi;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A child process for {@link Syscalls#spawn}: the program ({@code execPath}, or argv[0] looked up on PATH when
 * {@code null}), argv (argv[0] passed on verbatim), the full environment and cwd. The child starts with the caller's
 * fds (except close-on-exec ones); then fds 0, 1 and 2 are redirected to the caller's {@code stdinFd},
 * {@code stdoutFd} and {@code stderrFd} ({@code -1}: keep), and finally the {@code actions} run in order, as
 * {@code posix_spawn} file actions do.
 */
public record SpawnRequest(
        @Nullable String execPath,
        List<String> argv,
        Map<String, String> env,
        @Nullable String cwd,
        int stdinFd,
        int stdoutFd,
        int stderrFd,
        List<FileAction> actions,
        int pgroup,
        boolean newSession) {
    /** No process group change. */
    public static final int SAME_GROUP = -1;

    public SpawnRequest {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
        actions = List.copyOf(actions);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("spawn needs argv[0]");
        }
    }

    /** A child with stdio redirections only, in the caller's process group. */
    public SpawnRequest(List<String> argv, Map<String, String> env, @Nullable String cwd, int stdinFd, int stdoutFd, int stderrFd) {
        this(null, argv, env, cwd, stdinFd, stdoutFd, stderrFd, List.of(), SAME_GROUP, false);
    }

    /** One posix_spawn file action, applied to the child's fd table. */
    public sealed interface FileAction {
        /** The child's {@code fd} becomes a copy of the caller's {@code sourceFd}. */
        record Dup2(int sourceFd, int fd) implements FileAction {}

        record Close(int fd) implements FileAction {}

        /** Opens {@code path} (relative to the child's cwd) as the child's {@code fd}. */
        record Open(int fd, String path, int flags, int mode) implements FileAction {}
    }
}
