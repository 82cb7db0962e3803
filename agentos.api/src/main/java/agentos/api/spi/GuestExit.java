package agentos.api.spi;

/**
 * Thrown by {@link Syscalls#exit} to unwind the guest program; executors catch it at the program's top and end
 * the process with {@link #status()}.
 */
public final class GuestExit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public GuestExit(int status) {
        super("exit " + status, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
