package agentos.api.spi;

import org.jspecify.annotations.Nullable;

/** Result of {@link Syscalls#waitpid}: which child changed state and how it ended (or {@code pid} 0 for WNOHANG). */
public record WaitStatus(int pid, @Nullable Integer exitCode, @Nullable Integer termSignal) {
    /** The shell-style status: exit code, or 128 + signal. */
    public int status() {
        if (exitCode != null) {
            return exitCode;
        }
        return termSignal == null ? 0 : 128 + termSignal;
    }
}
