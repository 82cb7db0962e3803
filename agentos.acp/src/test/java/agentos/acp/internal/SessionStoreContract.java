package agentos.acp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.spi.StoredEvent;
import agentos.api.spi.StoredSession;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link agentos.api.spi.SessionStore} implementation must have; subclasses supply the store. */
abstract class SessionStoreContract {
    /** A fresh scope per test, so stores shared between tests (a server database) never see each other's rows. */
    final String scope = "test-" + UUID.randomUUID();

    abstract JdbcSessionStore store();

    static StoredSession row(String scope, String id, long updatedAt) {
        return new StoredSession(scope, id, "pi", "/workspace", List.of("/data"), "{}", "{\"state\":{\"kind\":\"idle\"}}", null, 0,
                null, null, 1, updatedAt);
    }

    @Test
    void putGetReplaceAndDelete() {
        JdbcSessionStore s = store();
        s.put(row(scope, "a", 10));
        StoredSession got = s.get(scope, "a").orElseThrow();
        assertEquals(List.of("/data"), got.additionalDirectories());
        s.put(new StoredSession(scope, "a", "pi", "/w", List.of(), "{}", "{}", "agent-1", 0, "Title", "{\"k\":1}", 1, 20));
        got = s.get(scope, "a").orElseThrow();
        assertEquals("agent-1", got.agentSessionId());
        assertEquals("Title", got.title());
        assertEquals(1, got.createdAtMs());
        assertTrue(s.get("other-" + scope, "a").isEmpty(), "scopes are separate");
        assertTrue(s.delete(scope, "a"));
        assertFalse(s.delete(scope, "a"));
    }

    @Test
    void eventsAreSequencedPagedAndPruned() {
        JdbcSessionStore s = store();
        s.put(row(scope, "e", 1));
        for (int i = 1; i <= 10; i++) {
            s.append(new StoredEvent(scope, "e", i, 100 + i, "t", i % 2 == 0 ? "r" + i : null, "{\"i\":" + i + "}"));
        }
        assertThrows(IllegalStateException.class, () -> s.append(new StoredEvent(scope, "e", 12, 0, "t", null, "{}")),
                "a gap in the sequence is refused");
        assertEquals(10, s.get(scope, "e").orElseThrow().latestSequence());
        assertEquals(List.of(4L, 5L, 6L), s.events(scope, "e", 3, Long.MAX_VALUE, 3).stream().map(StoredEvent::sequence).toList());
        assertEquals(List.of(7L, 8L, 9L), s.events(scope, "e", 0, 10, 3).stream().map(StoredEvent::sequence).toList(),
                "paging backwards returns the newest below 'before', oldest first");
        assertEquals("r4", s.events(scope, "e", 3, 5, 10).get(0).requestId());
        assertEquals(6, s.prune(scope, "e", 4));
        assertEquals(7, s.oldestSequence(scope, "e"));
        assertTrue(s.delete(scope, "e"));
        assertTrue(s.events(scope, "e", 0, Long.MAX_VALUE, 10).isEmpty(), "deleting a session removes its events");
    }

    @Test
    void listPagesByUpdateTimeThenId() {
        JdbcSessionStore s = store();
        s.put(row(scope, "b", 5));
        s.put(row(scope, "a", 5));
        s.put(row(scope, "c", 9));
        List<StoredSession> first = s.list(scope, null, 2);
        assertEquals(List.of("c", "a"), first.stream().map(StoredSession::sessionId).toList());
        List<StoredSession> rest = s.list(scope, JdbcSessionStore.cursor(first.get(1)), 2);
        assertEquals(List.of("b"), rest.stream().map(StoredSession::sessionId).toList());
    }
}
