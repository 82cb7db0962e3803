package agentos.acp.internal;

/**
 * Bounds of the agent layer. Handshake timeouts are longer than upstream's (initialize 10 s, session/new 30 s)
 * because GraalJS without the optimizing runtime needs several seconds to load an agent SDK on 2 cores.
 */
record AcpSettings(long initializeTimeoutMs, long newSessionTimeoutMs, long cancelGraceMs, int maxLineBytes,
        int maxEventsPerSession, int maxTerminalOutputBytes, String baseInstructions) {
    AcpSettings {
        if (initializeTimeoutMs < 1 || newSessionTimeoutMs < 1 || cancelGraceMs < 1) {
            throw new IllegalArgumentException("agentos.acp timeouts must be >= 1 ms");
        }
        if (maxLineBytes < 1024 || maxEventsPerSession < 10 || maxTerminalOutputBytes < 1024) {
            throw new IllegalArgumentException("agentos.acp: maxLineBytes and maxTerminalOutputBytes must be >= 1024, "
                    + "maxEventsPerSession >= 10");
        }
    }

    static AcpSettings defaults() {
        return new AcpSettings(120_000, 180_000, 10_000, 16 << 20, 10_000, 1 << 20, baseInstructionsResource());
    }

    static String baseInstructionsResource() {
        try (var in = AcpSettings.class.getResourceAsStream("/agentos/acp/os-instructions.md")) {
            if (in == null) {
                throw new IllegalStateException("agentos.acp lacks agentos/acp/os-instructions.md");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
