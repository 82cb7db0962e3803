package agentos.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.jspecify.annotations.Nullable;

/**
 * The scope a frame acts in: a connection, a session of that connection, or a VM of that session. Responses
 * echo the request's ownership; the sidecar rejects a scope that the connection does not own.
 */
public record Ownership(String connection, @Nullable String session, @Nullable String vm) {
    public static final Ownership NONE = new Ownership("", null, null);

    public static Ownership connection(String connection) {
        return new Ownership(connection, null, null);
    }

    public Ownership withSession(String session) {
        return new Ownership(connection, session, null);
    }

    public Ownership withVm(String vm) {
        return new Ownership(connection, session, vm);
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("connection", connection);
        if (session != null) {
            o.addProperty("session", session);
        }
        if (vm != null) {
            o.addProperty("vm", vm);
        }
        return o;
    }

    static Ownership fromJson(@Nullable JsonElement e) {
        if (e == null || !e.isJsonObject()) {
            return NONE;
        }
        JsonObject o = e.getAsJsonObject();
        return new Ownership(string(o, "connection", ""), string(o, "session", null), string(o, "vm", null));
    }

    private static @Nullable String string(JsonObject o, String name, @Nullable String fallback) {
        JsonElement v = o.get(name);
        return v != null && v.isJsonPrimitive() ? v.getAsString() : fallback;
    }
}
