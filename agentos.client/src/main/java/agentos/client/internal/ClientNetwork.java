package agentos.client.internal;

import agentos.api.network.FetchChunk;
import agentos.api.network.FetchStream;
import agentos.api.network.HttpRequest;
import agentos.api.network.HttpResponse;
import agentos.api.network.Network;
import agentos.wire.Wire;
import agentos.wire.WireJson;

/** The {@code network} namespace over the wire (host to guest HTTP; the sidecar does the exchange). */
final class ClientNetwork implements Network {
    private final ClientVm vm;

    ClientNetwork(ClientVm vm) {
        this.vm = vm;
    }

    @Override
    public HttpResponse fetch(int port, HttpRequest request) {
        return WireJson.field(vm.call(Wire.NETWORK, WireJson.object("op", "fetch", "port", port, "request", request)),
                "response", HttpResponse.class);
    }

    @Override
    public FetchStream fetchStreamStart(int port, HttpRequest request) {
        return WireJson.field(vm.call(Wire.NETWORK, WireJson.object("op", "stream_start", "port", port, "request", request)),
                "stream", FetchStream.class);
    }

    @Override
    public FetchChunk fetchStreamRead(String streamId, int maxBytes) {
        return WireJson.field(vm.call(Wire.NETWORK, WireJson.object("op", "stream_read", "stream_id", streamId, "max_bytes", maxBytes)),
                "chunk", FetchChunk.class);
    }

    @Override
    public void fetchStreamCancel(String streamId) {
        vm.call(Wire.NETWORK, WireJson.object("op", "stream_cancel", "stream_id", streamId));
    }
}
