package agentos.api.session;

import java.util.List;

/** The cached config options of a session; {@code revision} increases with every change. */
public record SessionConfig(long revision, List<SessionConfigOption> options) {
    public SessionConfig {
        options = List.copyOf(options);
    }
}
