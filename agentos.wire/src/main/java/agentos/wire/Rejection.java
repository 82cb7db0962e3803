package agentos.wire;

import agentos.api.AgentOsException;
import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.NotAvailableException;
import agentos.api.VmNotFoundException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.jspecify.annotations.Nullable;

/**
 * Maps exceptions to {@code rejected} payloads on the sidecar and back on the client, so a caller sees the same
 * exception type (and errno, syscall, path) over the wire as in-process.
 */
public final class Rejection {
    private Rejection() {}

    public static JsonObject payload(RejectCode code, String message) {
        JsonObject o = new JsonObject();
        o.addProperty("code", code.wireName());
        o.addProperty("message", message);
        return o;
    }

    /** The rejection for an exception thrown by the in-framework API. */
    public static JsonObject of(Throwable t) {
        if (t instanceof ErrnoException e) {
            JsonObject o = payload(RejectCode.KERNEL_ERROR, e.getMessage());
            o.addProperty("errno", e.errno().name());
            o.addProperty("syscall", e.syscall());
            if (e.path() != null) {
                o.addProperty("path", e.path());
            }
            return o;
        }
        if (t instanceof VmNotFoundException e) {
            JsonObject o = payload(RejectCode.NOT_FOUND, e.getMessage());
            o.addProperty("vm", e.vmId());
            return o;
        }
        if (t instanceof NotAvailableException e) {
            JsonObject o = payload(RejectCode.NOT_AVAILABLE, e.getMessage());
            o.addProperty("capability", e.capability());
            return o;
        }
        if (t instanceof IllegalArgumentException || t instanceof NullPointerException
                || t instanceof com.google.gson.JsonParseException) {
            return payload(RejectCode.INVALID_REQUEST, message(t));
        }
        if (t instanceof IllegalStateException) {
            return payload(RejectCode.INVALID_STATE, message(t));
        }
        if (t instanceof UnsupportedOperationException) {
            return payload(RejectCode.UNSUPPORTED, message(t));
        }
        if (t instanceof agentos.api.session.SessionException e) {
            JsonObject o = payload(RejectCode.EXECUTION_ERROR, message(t));
            o.addProperty("session_code", e.code());
            return o;
        }
        if (t instanceof AgentOsException) {
            return payload(RejectCode.EXECUTION_ERROR, message(t));
        }
        return payload(RejectCode.INTERNAL_ERROR, t.getClass().getSimpleName() + ": " + message(t));
    }

    /** The exception a client throws for a rejection of {@code requestType}. */
    public static RuntimeException toException(String requestType, JsonObject p) {
        RejectCode code = RejectCode.fromWire(string(p, "code", "internal_error"));
        String message = string(p, "message", "(no message)");
        switch (code) {
            case KERNEL_ERROR -> {
                String errno = string(p, "errno", null);
                if (errno != null) {
                    try {
                        String syscall = string(p, "syscall", requestType);
                        String path = string(p, "path", null);
                        ErrnoException rebuilt = new ErrnoException(Errno.valueOf(errno), syscall, path);
                        // Keep the sidecar's wording (it may carry a detail the fields do not).
                        return message.equals(rebuilt.getMessage()) ? rebuilt : new DetailedErrno(
                                Errno.valueOf(errno), syscall, path, message);
                    } catch (IllegalArgumentException unknownErrno) {
                        // A newer errno name than this side knows: fall through to a plain exception.
                    }
                }
                return new AgentOsException("kernel_error: " + message);
            }
            case NOT_FOUND -> {
                String vm = string(p, "vm", null);
                return vm != null ? new VmNotFoundException(vm) : new AgentOsException("not_found: " + message);
            }
            case NOT_AVAILABLE -> {
                String capability = string(p, "capability", requestType);
                String prefix = capability + " is not available: ";
                return new NotAvailableException(capability,
                        message.startsWith(prefix) ? message.substring(prefix.length()) : message);
            }
            case INVALID_REQUEST -> {
                return new IllegalArgumentException(message);
            }
            case INVALID_STATE -> {
                return new IllegalStateException(message);
            }
            case UNSUPPORTED -> {
                return new UnsupportedOperationException(message);
            }
            case EXECUTION_ERROR -> {
                String sessionCode = string(p, "session_code", null);
                if (sessionCode != null) {
                    String prefix = sessionCode + ": ";
                    return new agentos.api.session.SessionException(sessionCode,
                            message.startsWith(prefix) ? message.substring(prefix.length()) : message);
                }
                return new AgentOsException(code.wireName() + ": " + message);
            }
            default -> {
                return new AgentOsException(code.wireName() + ": " + message);
            }
        }
    }

    /** An {@link ErrnoException} whose message is the sidecar's verbatim. */
    static final class DetailedErrno extends ErrnoException {
        private static final long serialVersionUID = 1L;
        private final String message;

        DetailedErrno(Errno errno, String syscall, @Nullable String path, String message) {
            super(errno, syscall, path);
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    private static @Nullable String string(JsonObject o, String name, @Nullable String fallback) {
        JsonElement v = o.get(name);
        return v != null && v.isJsonPrimitive() ? v.getAsString() : fallback;
    }
}
