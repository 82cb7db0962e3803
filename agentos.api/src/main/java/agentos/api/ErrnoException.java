package agentos.api;

import org.jspecify.annotations.Nullable;

/**
 * A POSIX-shaped failure: carries the {@link Errno}, the operation ("open", "rename", …) and the guest path
 * it concerned, so executors can hand the exact code to guests and hosts get a readable message.
 */
public class ErrnoException extends AgentOsException {
    private static final long serialVersionUID = 1L;

    private final Errno errno;
    private final String syscall;
    private final @Nullable String path;

    public ErrnoException(Errno errno, String syscall, @Nullable String path) {
        this(errno, syscall, path, null);
    }

    public ErrnoException(Errno errno, String syscall, @Nullable String path, @Nullable String detail) {
        super(format(errno, syscall, path, detail));
        this.errno = errno;
        this.syscall = syscall;
        this.path = path;
    }

    private static String format(Errno errno, String syscall, @Nullable String path, @Nullable String detail) {
        StringBuilder sb = new StringBuilder().append(errno.name()).append(": ").append(errno.description());
        sb.append(", ").append(syscall);
        if (path != null) {
            sb.append(" '").append(path).append('\'');
        }
        if (detail != null && !detail.isEmpty()) {
            sb.append(" (").append(detail).append(')');
        }
        return sb.toString();
    }

    public Errno errno() {
        return errno;
    }

    /** The operation that failed, Node-style ({@code open}, {@code mkdir}, {@code spawn}, …). */
    public String syscall() {
        return syscall;
    }

    /** The guest path involved, if any. */
    public @Nullable String path() {
        return path;
    }
}
