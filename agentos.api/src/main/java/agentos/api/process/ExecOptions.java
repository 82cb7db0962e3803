package agentos.api.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Options of {@link Processes#exec} and {@link Processes#execFile}. Unlike upstream, where capture is opt-in,
 * output is captured by default ({@link OutputCapture#ALL}), bounded by {@code limits.process.capturedOutputLimitBytes}.
 *
 * @param env variables added to (and overriding) the VM environment
 * @param cwd working directory, or {@code null} for the VM default
 * @param stdin bytes fed to standard input, then closed; {@code null} gives an empty stdin
 * @param timeoutMs wall-clock timeout after which the process is killed and the outcome is {@code TIMED_OUT};
 *     0 means only the VM's process limits apply
 * @param capture which streams the result keeps
 * @param pty run on a pseudo-terminal of this size instead of pipes
 * @param onStdout receives stdout chunks as they are produced
 * @param onStderr receives stderr chunks as they are produced
 */
public record ExecOptions(
        Map<String, String> env,
        @Nullable String cwd,
        byte @Nullable [] stdin,
        long timeoutMs,
        OutputCapture capture,
        @Nullable PtySize pty,
        @Nullable Consumer<byte[]> onStdout,
        @Nullable Consumer<byte[]> onStderr) {

    public static final ExecOptions DEFAULT = builder().build();

    public ExecOptions {
        env = Map.copyOf(env);
        if (timeoutMs < 0) {
            throw new IllegalArgumentException("timeoutMs must be >= 0, got " + timeoutMs);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ExecOptions}. */
    public static final class Builder {
        private final Map<String, String> env = new LinkedHashMap<>();
        private @Nullable String cwd;
        private byte @Nullable [] stdin;
        private long timeoutMs;
        private OutputCapture capture = OutputCapture.ALL;
        private @Nullable PtySize pty;
        private @Nullable Consumer<byte[]> onStdout;
        private @Nullable Consumer<byte[]> onStderr;

        private Builder() {}

        public Builder env(String name, String value) { env.put(name, value); return this; }
        public Builder env(Map<String, String> v) { env.putAll(v); return this; }
        public Builder cwd(String v) { cwd = v; return this; }
        public Builder stdin(byte[] v) { stdin = v.clone(); return this; }
        public Builder stdin(String v) { stdin = v.getBytes(java.nio.charset.StandardCharsets.UTF_8); return this; }
        public Builder timeoutMs(long v) { timeoutMs = v; return this; }
        public Builder capture(OutputCapture v) { capture = v; return this; }
        public Builder pty(PtySize v) { pty = v; return this; }
        public Builder onStdout(Consumer<byte[]> v) { onStdout = v; return this; }
        public Builder onStderr(Consumer<byte[]> v) { onStderr = v; return this; }

        public ExecOptions build() {
            return new ExecOptions(env, cwd, stdin, timeoutMs, capture, pty, onStdout, onStderr);
        }
    }
}
