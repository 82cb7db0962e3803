package agentos.api.network;

import org.osgi.annotation.versioning.ProviderType;

/** The {@code network} namespace: the host talks HTTP to servers listening inside the VM (over VM loopback). */
@ProviderType
public interface Network {

    /** Sends {@code request} to the guest server on {@code port} and buffers the whole response. */
    HttpResponse fetch(int port, HttpRequest request);

    /** Same as {@link #fetch}, upstream's name for the buffered call. */
    default HttpResponse httpRequest(int port, HttpRequest request) {
        return fetch(port, request);
    }

    /** Starts a request whose response body is read incrementally (e.g. server-sent events). */
    FetchStream fetchStreamStart(int port, HttpRequest request);

    /** Reads up to {@code maxBytes} more of the body, waiting until some is available or the body ends. */
    FetchChunk fetchStreamRead(String streamId, int maxBytes);

    void fetchStreamCancel(String streamId);
}
