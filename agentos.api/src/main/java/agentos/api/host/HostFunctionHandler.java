package agentos.api.host;

/** The host side of a host function: receives the validated input JSON, returns the result JSON. */
@FunctionalInterface
public interface HostFunctionHandler {
    String invoke(String inputJson) throws Exception;
}
