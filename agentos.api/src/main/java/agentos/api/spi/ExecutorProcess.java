package agentos.api.spi;

import agentos.api.process.Signal;
import org.osgi.annotation.versioning.ConsumerType;

/** A running guest program, as the kernel controls it. */
@ConsumerType
public interface ExecutorProcess {

    /** Blocks until the program ends and returns its exit status (128+n when it died of signal n). */
    int awaitExit() throws InterruptedException;

    /** Delivers a signal the program may handle; the kernel itself enforces SIGKILL via {@link #terminate}. */
    void signal(Signal signal);

    /** Stops the program now (SIGKILL, limit exceeded, VM disposal); must not block for long. */
    void terminate(String reason);
}
