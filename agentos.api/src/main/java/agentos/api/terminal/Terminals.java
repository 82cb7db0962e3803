package agentos.api.terminal;

import agentos.api.Subscription;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.osgi.annotation.versioning.ProviderType;

/** The {@code terminal} namespace: shells on real PTYs, addressed by shell id. */
@ProviderType
public interface Terminals {

    /** Opens a shell and returns its id. */
    String open(ShellOptions options);

    /** Types into the shell (bytes go through the PTY line discipline). */
    void write(String shellId, byte[] data);

    void resize(String shellId, int cols, int rows);

    /** Completes with the shell's exit status; immediately for a shell that already closed. */
    CompletionStage<Integer> waitFor(String shellId);

    /** Hangs up the shell (SIGHUP, then SIGKILL after a grace period). */
    void close(String shellId);

    /** Ordered PTY output (stdout and stderr merged, as a terminal shows them). */
    Subscription onData(String shellId, Consumer<byte[]> listener);

    /** Exit status once the shell ends. */
    Subscription onExit(String shellId, IntConsumer listener);
}
