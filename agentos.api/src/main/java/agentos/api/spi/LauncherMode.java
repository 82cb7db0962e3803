package agentos.api.spi;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A mode of the {@code agentos} command line ({@code ./agentos NAME ARGS…}), contributed by a bundle. Register
 * it as a service with the property {@link #NAME} set to the mode's name; the launcher's command line runs it on
 * the main thread and exits the JVM with its return value.
 */
@ConsumerType
public interface LauncherMode {
    /** Service property: the mode's name as typed after {@code agentos}. */
    String NAME = "agentos.mode";

    /**
     * Runs the mode. {@code in}/{@code out}/{@code err} are the process's standard streams; a mode that speaks a
     * binary protocol on {@code out} must keep everything else off it.
     *
     * @return the process exit status
     */
    int run(List<String> args, InputStream in, PrintStream out, PrintStream err);
}
