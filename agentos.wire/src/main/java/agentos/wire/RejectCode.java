package agentos.wire;

import java.util.Locale;

/** The fixed set of error codes in {@code rejected} responses. */
public enum RejectCode {
    /** Not authenticated yet, or the build ids of client and sidecar differ. */
    UNAUTHORIZED,
    /** The scope names a session or VM that this connection does not own. */
    FORBIDDEN,
    /** The request is valid but not possible now (e.g. a second authenticate). */
    INVALID_STATE,
    /** A field is missing or has the wrong type or value. */
    INVALID_REQUEST,
    /** Unknown request type or ext namespace. */
    UNSUPPORTED,
    /** A VM or process id that does not exist. */
    NOT_FOUND,
    /** A VM namespace this build does not implement. */
    NOT_AVAILABLE,
    /** The guest kernel refused the operation; the payload carries errno, syscall and path. */
    KERNEL_ERROR,
    /** The operation failed for another reason the message explains. */
    EXECUTION_ERROR,
    /** A frame over the size limit. */
    FRAME_TOO_LARGE,
    /** A bug on the answering side; details are in its log. */
    INTERNAL_ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RejectCode fromWire(String name) {
        for (RejectCode c : values()) {
            if (c.wireName().equals(name)) {
                return c;
            }
        }
        return INTERNAL_ERROR;
    }
}
