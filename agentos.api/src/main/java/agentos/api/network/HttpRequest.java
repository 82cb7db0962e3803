package agentos.api.network;

import java.util.List;

/** A request to a server inside the VM: {@code path} includes the query string. */
public record HttpRequest(String method, String path, List<Header> headers, byte[] body) {
    public HttpRequest {
        headers = List.copyOf(headers);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("request path must start with '/', got '" + path + "'");
        }
    }

    public static HttpRequest get(String path) {
        return new HttpRequest("GET", path, List.of(), new byte[0]);
    }
}
