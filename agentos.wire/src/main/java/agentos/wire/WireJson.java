package agentos.wire;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import agentos.api.config.RootFilesystemConfig;
import com.google.gson.JsonDeserializationContext;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSerializationContext;
import com.google.gson.JsonSerializer;
import java.lang.reflect.Type;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The JSON mapping of payloads: API records as snake_case objects, enums by name, byte arrays as base64
 * strings (bytes cross the wire exactly, never as lossy text).
 */
public final class WireJson {
    public static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .registerTypeAdapter(byte[].class, new Base64Adapter().nullSafe())
            .registerTypeHierarchyAdapter(RootFilesystemConfig.Lower.class, new LowerAdapter())
            .registerTypeAdapterFactory(new SealedFactory(agentos.api.session.SessionState.class, java.util.Map.of(
                    "idle", agentos.api.session.SessionState.Idle.class,
                    "running", agentos.api.session.SessionState.Running.class,
                    "waiting", agentos.api.session.SessionState.Waiting.class,
                    "failed", agentos.api.session.SessionState.Failed.class)))
            .registerTypeAdapterFactory(new SealedFactory(agentos.api.session.SessionStreamEntry.class, java.util.Map.of(
                    "durable", agentos.api.session.SessionStreamEntry.Durable.class,
                    "ephemeral", agentos.api.session.SessionStreamEntry.Ephemeral.class)))
            .disableHtmlEscaping()
            .create();

    private WireJson() {}

    public static JsonElement tree(@Nullable Object value) {
        return GSON.toJsonTree(value);
    }

    /** Reads {@code field} of {@code payload} as {@code type}; a missing field is an {@link IllegalArgumentException}. */
    public static <T> T field(JsonObject payload, String field, Type type) {
        JsonElement e = payload.get(field);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        T value = GSON.fromJson(e, type);
        if (value == null) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value;
    }

    public static <T> @Nullable T optional(JsonObject payload, String field, Type type) {
        JsonElement e = payload.get(field);
        return e == null || e.isJsonNull() ? null : GSON.fromJson(e, type);
    }

    public static String string(JsonObject payload, String field) {
        JsonElement e = payload.get(field);
        if (e == null || !e.isJsonPrimitive()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string");
        }
        return e.getAsString();
    }

    public static int integer(JsonObject payload, String field) {
        JsonElement e = payload.get(field);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException("field '" + field + "' must be a number");
        }
        return e.getAsInt();
    }

    public static long longValue(JsonObject payload, String field, long fallback) {
        JsonElement e = payload.get(field);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsLong() : fallback;
    }

    public static boolean bool(JsonObject payload, String field) {
        JsonElement e = payload.get(field);
        return e != null && e.isJsonPrimitive() && e.getAsBoolean();
    }

    public static JsonObject object(Object... keyValues) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < keyValues.length; i += 2) {
            o.add((String) keyValues[i], GSON.toJsonTree(keyValues[i + 1]));
        }
        return o;
    }

    private static final class Base64Adapter extends TypeAdapter<byte[]> {
        @Override
        public void write(JsonWriter out, byte[] value) throws IOException {
            out.value(Base64.getEncoder().encodeToString(value));
        }

        @Override
        public byte[] read(JsonReader in) throws IOException {
            if (in.peek() != JsonToken.STRING) {
                throw new com.google.gson.JsonParseException("expected base64 bytes at " + in.getPath());
            }
            try {
                return Base64.getDecoder().decode(in.nextString());
            } catch (IllegalArgumentException e) {
                throw new com.google.gson.JsonParseException("invalid base64 at " + in.getPath() + ": " + e.getMessage());
            }
        }
    }

    /** The sealed lower-layer union as {@code {"kind": "snapshot", "snapshot": …}} or {@code {"kind": "bundled_base"}}. */
    private static final class LowerAdapter
            implements JsonSerializer<RootFilesystemConfig.Lower>, JsonDeserializer<RootFilesystemConfig.Lower> {
        @Override
        public JsonElement serialize(RootFilesystemConfig.Lower src, Type type, JsonSerializationContext ctx) {
            JsonObject o = new JsonObject();
            if (src instanceof RootFilesystemConfig.SnapshotLower s) {
                o.addProperty("kind", "snapshot");
                o.add("snapshot", ctx.serialize(s.snapshot()));
            } else {
                o.addProperty("kind", "bundled_base");
            }
            return o;
        }

        @Override
        public RootFilesystemConfig.Lower deserialize(JsonElement json, Type type, JsonDeserializationContext ctx) {
            JsonElement kind = json.isJsonObject() ? json.getAsJsonObject().get("kind") : null;
            String k = kind != null && kind.isJsonPrimitive() ? kind.getAsString() : "";
            return switch (k) {
                case "snapshot" -> new RootFilesystemConfig.SnapshotLower(ctx.deserialize(
                        json.getAsJsonObject().get("snapshot"), agentos.api.fs.FilesystemSnapshot.class));
                case "bundled_base" -> new RootFilesystemConfig.BundledBaseLower();
                default -> throw new JsonParseException(
                        "root_filesystem.lowers[].kind must be 'snapshot' or 'bundled_base', got '" + k + "'");
            };
        }
    }

    /** A sealed API union (declared type only) as its record's object plus {@code "kind"}. */
    private static final class SealedFactory implements com.google.gson.TypeAdapterFactory {
        private final Class<?> base;
        private final java.util.Map<String, Class<?>> kinds;

        SealedFactory(Class<?> base, java.util.Map<String, Class<?>> kinds) {
            this.base = base;
            this.kinds = kinds;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> @Nullable TypeAdapter<T> create(Gson gson, com.google.gson.reflect.TypeToken<T> type) {
            if (type.getRawType() != base) {
                return null;
            }
            TypeAdapter<JsonElement> elements = gson.getAdapter(JsonElement.class);
            return (TypeAdapter<T>) new TypeAdapter<Object>() {
                @Override
                public void write(com.google.gson.stream.JsonWriter out, Object value) throws java.io.IOException {
                    if (value == null) {
                        out.nullValue();
                        return;
                    }
                    String kind = kinds.entrySet().stream().filter(e -> e.getValue() == value.getClass()).map(java.util.Map.Entry::getKey)
                            .findFirst().orElseThrow(() -> new JsonParseException("no wire kind for " + value.getClass()));
                    JsonObject o = ((TypeAdapter<Object>) gson.getAdapter(value.getClass())).toJsonTree(value).getAsJsonObject();
                    o.addProperty("kind", kind);
                    elements.write(out, o);
                }

                @Override
                public Object read(com.google.gson.stream.JsonReader in) throws java.io.IOException {
                    JsonElement e = elements.read(in);
                    if (e == null || e.isJsonNull()) {
                        return null;
                    }
                    JsonElement k = e.isJsonObject() ? e.getAsJsonObject().get("kind") : null;
                    Class<?> c = k == null ? null : kinds.get(k.getAsString());
                    if (c == null) {
                        throw new JsonParseException(base.getSimpleName() + ".kind must be one of " + kinds.keySet() + ", got " + k);
                    }
                    return gson.getAdapter(c).fromJsonTree(e);
                }
            };
        }
    }
}
