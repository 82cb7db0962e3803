package agentos.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * One protocol frame. {@code type} names the request, response, event or sidecar request; a failed request is
 * answered with type {@link Wire#REJECTED} and a {@code {code, message, …}} payload.
 */
public record Frame(FrameKind kind, long id, Ownership ownership, String type, JsonObject payload) {

    public static Frame request(long id, Ownership ownership, String type, JsonObject payload) {
        return new Frame(FrameKind.REQUEST, id, ownership, type, payload);
    }

    public static Frame event(Ownership ownership, String type, JsonObject payload) {
        return new Frame(FrameKind.EVENT, 0, ownership, type, payload);
    }

    /** The response to this request (or sidecar request), echoing its id and ownership. */
    public Frame reply(String responseType, JsonObject responsePayload) {
        FrameKind k = kind == FrameKind.SIDECAR_REQUEST ? FrameKind.SIDECAR_RESPONSE : FrameKind.RESPONSE;
        return new Frame(k, id, ownership, responseType, responsePayload);
    }

    public Frame reject(RejectCode code, String message) {
        return reply(Wire.REJECTED, Rejection.payload(code, message));
    }

    public boolean rejected() {
        return Wire.REJECTED.equals(type);
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("frame", kind.wireName());
        o.addProperty("id", id);
        o.add("ownership", ownership.toJson());
        o.addProperty("type", type);
        o.add("payload", payload);
        return o;
    }

    /** Reads the envelope; throws {@link WireException} naming the field that is missing or wrong. */
    static Frame fromJson(JsonElement e) throws WireException {
        if (!e.isJsonObject()) {
            throw new WireException(WireException.Kind.INVALID, 0, "a frame must be a JSON object");
        }
        JsonObject o = e.getAsJsonObject();
        long id = 0;
        JsonElement idElement = o.get("id");
        if (idElement != null && idElement.isJsonPrimitive() && idElement.getAsJsonPrimitive().isNumber()) {
            id = idElement.getAsLong();
        }
        JsonElement frame = o.get("frame");
        FrameKind kind = frame != null && frame.isJsonPrimitive() ? FrameKind.fromWire(frame.getAsString()) : null;
        if (kind == null) {
            throw new WireException(WireException.Kind.INVALID, id,
                    "field 'frame' must be one of request, response, event, sidecar_request, sidecar_response");
        }
        JsonElement type = o.get("type");
        if (type == null || !type.isJsonPrimitive() || type.getAsString().isEmpty()) {
            throw new WireException(WireException.Kind.INVALID, id, "field 'type' is missing");
        }
        JsonElement payload = o.get("payload");
        if (payload != null && !payload.isJsonObject() && !payload.isJsonNull()) {
            throw new WireException(WireException.Kind.INVALID, id, "field 'payload' must be a JSON object");
        }
        return new Frame(kind, id, Ownership.fromJson(o.get("ownership")), type.getAsString(),
                payload != null && payload.isJsonObject() ? payload.getAsJsonObject() : new JsonObject());
    }
}
