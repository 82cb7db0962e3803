package agentos.api.session;

/** What the agent negotiated in ACP {@code initialize}; {@code json} keeps the exact capability object. */
public record SessionCapabilities(
        int protocolVersion,
        boolean loadSession,
        boolean promptImage,
        boolean promptAudio,
        boolean promptEmbeddedContext,
        boolean mcpHttp,
        boolean mcpSse,
        String json) {}
