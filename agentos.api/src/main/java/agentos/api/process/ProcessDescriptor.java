package agentos.api.process;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One process of a VM.
 *
 * @param pid process id, unique and monotonic within the VM
 * @param ppid parent pid (0 for processes started by the host)
 * @param pgid process group
 * @param sid session id
 * @param state current state
 * @param command the program (resolved path when known)
 * @param args argv without argv[0]
 * @param executor id of the executor running it ({@code wasm}, {@code js}, …), when known
 * @param cwd working directory
 * @param startedAtMs start time, ms since the epoch
 * @param exitCode exit status once exited
 */
public record ProcessDescriptor(
        int pid,
        int ppid,
        int pgid,
        int sid,
        ProcessState state,
        String command,
        List<String> args,
        @Nullable String executor,
        String cwd,
        long startedAtMs,
        @Nullable Integer exitCode) {
    public ProcessDescriptor {
        args = List.copyOf(args);
    }
}
