package agentos.api.process;

import org.jspecify.annotations.Nullable;

/**
 * How a process ended: it exited with {@code exitCode}, was killed by {@code signal} (exit status 128+n), or was
 * killed because its timeout expired.
 */
public record ProcessExit(int pid, Kind kind, @Nullable Integer exitCode, @Nullable Signal signal) {
    public enum Kind {
        EXITED,
        SIGNALLED,
        TIMED_OUT
    }

    /** The shell-style status: the exit code, or 128 + the signal number. */
    public int status() {
        if (exitCode != null) {
            return exitCode;
        }
        return signal == null ? 128 : 128 + signal.number();
    }
}
