package agentos.api.host;

import java.util.Map;

/**
 * A named set of host functions. Guests call them as {@code agentos-<name> <function> --flag value…} (camelCase
 * function names become kebab-case commands) or through a frozen JavaScript global.
 */
public record HostFunctionCollection(String name, String description, Map<String, HostFunction> functions) {
    public HostFunctionCollection {
        functions = Map.copyOf(functions);
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException(
                    "host function collection name must be lower-case letters, digits and '-', got '" + name + "'");
        }
    }
}
