package agentos.api.host;

import java.util.List;

/**
 * One function of a collection.
 *
 * @param description shown by {@code agentos-<collection> --help}
 * @param inputSchemaJson JSON Schema of the input object; command-line flags are derived from it
 * @param timeoutMs call timeout (bounded by {@code limits.hostFunctions.maxTimeoutMs})
 * @param examplesJson example inputs, shown in help
 * @param handler runs on the host, so credentials it uses never enter the VM
 */
public record HostFunction(
        String description, String inputSchemaJson, long timeoutMs, List<String> examplesJson, HostFunctionHandler handler) {
    public HostFunction {
        examplesJson = List.copyOf(examplesJson);
        if (timeoutMs < 1) {
            throw new IllegalArgumentException("host function timeoutMs must be >= 1, got " + timeoutMs);
        }
    }
}
