package agentos.api;

/**
 * The requested capability is not provided by this runtime: either it is not built yet or the bundle that
 * provides it (an executor, a mount plugin, an adapter) is not installed. The message names the capability.
 */
public class NotAvailableException extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    private final String capability;

    public NotAvailableException(String capability, String detail) {
        super(capability + " is not available: " + detail);
        this.capability = capability;
    }

    /** The API member that was called, e.g. {@code process.exec}. */
    public String capability() {
        return capability;
    }
}
