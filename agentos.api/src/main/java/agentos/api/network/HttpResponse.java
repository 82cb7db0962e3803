package agentos.api.network;

import java.util.List;

/** A fully buffered response (bounded by {@code limits.http.maxFetchResponseBytes}). */
public record HttpResponse(int status, String statusText, List<Header> headers, byte[] body) {
    public HttpResponse {
        headers = List.copyOf(headers);
    }

    public String bodyText() {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
}
