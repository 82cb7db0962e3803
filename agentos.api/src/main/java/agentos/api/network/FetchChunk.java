package agentos.api.network;

/** The next part of a streamed body; {@code done} once the body has ended (the stream is then released). */
public record FetchChunk(byte[] body, boolean done) {}
