package agentos.api.process;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The result of a finished execution ({@code exec}, {@code execFile} and the language namespaces).
 *
 * @param outcome how it ended
 * @param exitCode the exit status, when the process exited (128+n when killed by signal n)
 * @param stdout captured standard output, if capture included it
 * @param stderr captured standard error, if capture included it
 * @param stdoutTruncated whether stdout hit the capture limit (the head is kept)
 * @param stderrTruncated whether stderr hit the capture limit
 * @param error details for every outcome other than succeeded
 */
public record ExecResult(
        Outcome outcome,
        @Nullable Integer exitCode,
        byte @Nullable [] stdout,
        byte @Nullable [] stderr,
        boolean stdoutTruncated,
        boolean stderrTruncated,
        @Nullable ExecutionError error) {

    /** Captured stdout decoded as UTF-8; empty when not captured. */
    public String stdoutText() {
        return stdout == null ? "" : new String(stdout, StandardCharsets.UTF_8);
    }

    /** Captured stderr decoded as UTF-8; empty when not captured. */
    public String stderrText() {
        return stderr == null ? "" : new String(stderr, StandardCharsets.UTF_8);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }
}
