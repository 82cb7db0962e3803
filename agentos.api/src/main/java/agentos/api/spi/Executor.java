package agentos.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs program files for kernel processes. The kernel asks every registered executor (highest service ranking
 * first) whether it takes a program, by header, and launches it with the first that does.
 */
@ConsumerType
public interface Executor {

    /** A short id shown in process listings, e.g. {@code wasm} or {@code js}. */
    String id();

    boolean canExecute(ProgramHeader header);

    /**
     * Starts the program. Guest failures (trap, out of memory, runaway CPU) must end in an exit status, never in
     * an exception out of the returned process; an exception here means the program could not be started and
     * becomes ENOEXEC for the caller.
     */
    ExecutorProcess start(LaunchContext context);
}
