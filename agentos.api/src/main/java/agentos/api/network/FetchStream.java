package agentos.api.network;

import java.util.List;

/** The head of a streamed response; read the body with {@link Network#fetchStreamRead}. */
public record FetchStream(String streamId, int status, String statusText, List<Header> headers) {
    public FetchStream {
        headers = List.copyOf(headers);
    }
}
