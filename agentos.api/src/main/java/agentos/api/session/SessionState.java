package agentos.api.session;

import java.util.List;

/** What a session is doing. */
public sealed interface SessionState {
    record Idle() implements SessionState {}

    record Running(long startedAtMs) implements SessionState {}

    record Waiting(long waitingSinceMs, List<PendingPermission> requests) implements SessionState {
        public Waiting {
            requests = List.copyOf(requests);
        }
    }

    record Failed(SessionError error) implements SessionState {}
}
