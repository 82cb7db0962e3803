package agentos.api.process;

import agentos.api.Subscription;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/** The {@code process} namespace of a VM. Processes are addressed by pid. */
@ProviderType
public interface Processes {

    /** Runs {@code command} through the VM's shell ({@code sh -c}) and completes when it has exited. */
    CompletionStage<ExecResult> exec(String command, ExecOptions options);

    default CompletionStage<ExecResult> exec(String command) {
        return exec(command, ExecOptions.DEFAULT);
    }

    /** Runs a program with an argv, without a shell. {@code file} is resolved through PATH unless it has a '/'. */
    CompletionStage<ExecResult> execFile(String file, List<String> args, ExecOptions options);

    /** Starts a process and returns at once; stream its output with {@link #onOutput} and wait with {@link #waitFor}. */
    ProcessDescriptor spawn(String file, List<String> args, SpawnOptions options);

    Optional<ProcessDescriptor> get(int pid);

    /** All processes of the VM, including exited ones not yet reaped. */
    List<ProcessDescriptor> list();

    /** The process forest: processes whose parent is gone (or is the host) are roots. */
    List<ProcessTreeNode> tree();

    /** Completes when process {@code pid} has ended. Named {@code waitFor} because {@code Object.wait} is final. */
    CompletionStage<ProcessExit> waitFor(int pid);

    void signal(int pid, Signal signal);

    /** Sends SIGKILL. */
    default void kill(int pid) {
        signal(pid, Signal.SIGKILL);
    }

    /** Appends to the process's stdin; fails with EPIPE once stdin is closed. */
    void writeStdin(int pid, byte[] data);

    void closeStdin(int pid);

    void resizePty(int pid, PtySize size);

    /** Retained output after cursor {@code after} (exclusive; 0 reads from the start). */
    OutputReplay readOutput(int pid, long after);

    /** Live output of {@code pid} from now on. */
    Subscription onOutput(int pid, Consumer<ProcessOutput> listener);

    /** Called once when {@code pid} ends (immediately if it already has). */
    Subscription onExit(int pid, Consumer<ProcessExit> listener);
}
