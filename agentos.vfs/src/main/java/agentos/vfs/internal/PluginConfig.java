package agentos.vfs.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.jspecify.annotations.Nullable;

/** Reads a mount plugin's JSON config, naming the plugin and field in every error. */
final class PluginConfig {
    private final String plugin;
    private final JsonObject json;

    PluginConfig(String plugin, String configJson) {
        this.plugin = plugin;
        JsonElement e;
        try {
            e = JsonParser.parseString(configJson.isBlank() ? "{}" : configJson);
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException(plugin + " mount config is not valid JSON: " + ex.getMessage());
        }
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException(plugin + " mount config must be a JSON object");
        }
        this.json = e.getAsJsonObject();
    }

    private @Nullable JsonPrimitive primitive(String field) {
        JsonElement e = json.get(field);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive()) {
            throw new IllegalArgumentException(plugin + " mount config field '" + field + "' must be a plain value");
        }
        return e.getAsJsonPrimitive();
    }

    String requireString(String field) {
        JsonPrimitive p = primitive(field);
        if (p == null || !p.isString() || p.getAsString().isEmpty()) {
            throw new IllegalArgumentException(plugin + " mount config needs a string field '" + field + "'");
        }
        return p.getAsString();
    }

    @Nullable Boolean optionalBoolean(String field) {
        JsonPrimitive p = primitive(field);
        if (p == null) {
            return null;
        }
        if (!p.isBoolean()) {
            throw new IllegalArgumentException(plugin + " mount config field '" + field + "' must be true or false");
        }
        return p.getAsBoolean();
    }

    long positiveLong(String field, long defaultValue) {
        JsonPrimitive p = primitive(field);
        if (p == null) {
            return defaultValue;
        }
        if (!p.isNumber() || p.getAsLong() < 1) {
            throw new IllegalArgumentException(plugin + " mount config field '" + field + "' must be a positive integer");
        }
        return p.getAsLong();
    }
}
