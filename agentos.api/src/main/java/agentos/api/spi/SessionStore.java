package agentos.api.spi;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Durable storage of agent sessions (embedded SQLite by default; JDBC for enterprise containers). {@code scope}
 * separates independent owners (VMs or deployments) sharing one database. Implementations are thread-safe and
 * make each call atomic.
 */
@ConsumerType
public interface SessionStore {

    /** Inserts or replaces a session row. */
    void put(StoredSession session);

    Optional<StoredSession> get(String scope, String sessionId);

    /** Sessions by {@code updatedAtMs} descending, then id, after the keyset cursor (exclusive). */
    List<StoredSession> list(String scope, @Nullable String afterCursor, int limit);

    /** Removes a session and all its events. Returns whether it existed. */
    boolean delete(String scope, String sessionId);

    /** Appends an event; its sequence must be the session's latest + 1. */
    void append(StoredEvent event);

    /** Events with sequence in the open interval (after, before), oldest first, at most {@code limit}. */
    List<StoredEvent> events(String scope, String sessionId, long after, long before, int limit);

    /** Drops the oldest events so at most {@code keepEvents} remain; returns how many were removed. */
    int prune(String scope, String sessionId, int keepEvents);
}
