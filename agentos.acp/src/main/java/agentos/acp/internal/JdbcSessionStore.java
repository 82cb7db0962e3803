package agentos.acp.internal;

import agentos.api.AgentOsException;
import agentos.api.spi.SessionStore;
import agentos.api.spi.StoredEvent;
import agentos.api.spi.StoredSession;
import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SessionStore} over JDBC. The SQL is the subset SQLite (3.24+) and PostgreSQL share, so one class serves
 * the embedded SQLite file and an enterprise container's {@link DataSource}. Every call is one transaction.
 * {@code serialized} stores (SQLite: one writer per file) run their calls one at a time.
 */
public final class JdbcSessionStore implements SessionStore, AutoCloseable {
    private static final Gson GSON = new Gson();
    private static final java.lang.reflect.Type STRINGS = new TypeToken<List<String>>() {}.getType();
    private static final String COLUMNS = "scope, session_id, agent, cwd, additional_directories, options_json, state_json, "
            + "agent_session_id, latest_sequence, title, metadata_json, created_at_ms, updated_at_ms";

    private final DataSource dataSource;
    private final String description;
    private final @Nullable ReentrantLock serial;
    private final @Nullable AutoCloseable onClose;
    private @Nullable Connection shared;

    public JdbcSessionStore(DataSource dataSource, String description, boolean serialized, @Nullable AutoCloseable onClose) {
        this.dataSource = dataSource;
        this.description = description;
        this.serial = serialized ? new ReentrantLock() : null;
        this.onClose = onClose;
        run(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS agentos_sessions (scope VARCHAR(200) NOT NULL, "
                        + "session_id VARCHAR(200) NOT NULL, agent VARCHAR(200) NOT NULL, cwd TEXT NOT NULL, "
                        + "additional_directories TEXT NOT NULL, options_json TEXT NOT NULL, state_json TEXT NOT NULL, "
                        + "agent_session_id TEXT, latest_sequence BIGINT NOT NULL, title TEXT, metadata_json TEXT, "
                        + "created_at_ms BIGINT NOT NULL, updated_at_ms BIGINT NOT NULL, PRIMARY KEY (scope, session_id))");
                s.executeUpdate("CREATE TABLE IF NOT EXISTS agentos_session_events (scope VARCHAR(200) NOT NULL, "
                        + "session_id VARCHAR(200) NOT NULL, sequence BIGINT NOT NULL, timestamp_ms BIGINT NOT NULL, "
                        + "type VARCHAR(100) NOT NULL, request_id VARCHAR(200), json TEXT NOT NULL, "
                        + "PRIMARY KEY (scope, session_id, sequence))");
                s.executeUpdate("CREATE INDEX IF NOT EXISTS agentos_sessions_by_update ON agentos_sessions "
                        + "(scope, updated_at_ms, session_id)");
            }
            return null;
        });
    }

    /** An embedded SQLite database in {@code file} (created with its parent directories). */
    public static JdbcSessionStore sqlite(java.nio.file.Path file) {
        try {
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new AgentOsException("cannot create the directory of the session database " + file + ": " + e.getMessage(), e);
        }
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setJournalMode(org.sqlite.SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(org.sqlite.SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return new JdbcSessionStore(ds, "SQLite " + file.toAbsolutePath(), true, null);
    }

    String description() {
        return description;
    }

    @Override
    public void put(StoredSession s) {
        run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO agentos_sessions (" + COLUMNS + ") VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (scope, session_id) DO UPDATE SET "
                    + "agent = excluded.agent, cwd = excluded.cwd, additional_directories = excluded.additional_directories, "
                    + "options_json = excluded.options_json, state_json = excluded.state_json, "
                    + "agent_session_id = excluded.agent_session_id, latest_sequence = excluded.latest_sequence, "
                    + "title = excluded.title, metadata_json = excluded.metadata_json, updated_at_ms = excluded.updated_at_ms")) {
                ps.setString(1, s.scope());
                ps.setString(2, s.sessionId());
                ps.setString(3, s.agent());
                ps.setString(4, s.cwd());
                ps.setString(5, GSON.toJson(s.additionalDirectories()));
                ps.setString(6, s.optionsJson());
                ps.setString(7, s.stateJson());
                setNullable(ps, 8, s.agentSessionId());
                ps.setLong(9, s.latestSequence());
                setNullable(ps, 10, s.title());
                setNullable(ps, 11, s.metadataJson());
                ps.setLong(12, s.createdAtMs());
                ps.setLong(13, s.updatedAtMs());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<StoredSession> get(String scope, String sessionId) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM agentos_sessions WHERE scope = ? AND session_id = ?")) {
                ps.setString(1, scope);
                ps.setString(2, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(session(rs)) : Optional.<StoredSession>empty();
                }
            }
        });
    }

    @Override
    public List<StoredSession> list(String scope, @Nullable String afterCursor, int limit) {
        return run(c -> {
            String sql = "SELECT " + COLUMNS + " FROM agentos_sessions WHERE scope = ?"
                    + (afterCursor == null ? "" : " AND (updated_at_ms < ? OR (updated_at_ms = ? AND session_id > ?))")
                    + " ORDER BY updated_at_ms DESC, session_id ASC LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, scope);
                if (afterCursor != null) {
                    int colon = afterCursor.indexOf(':');
                    long at;
                    try {
                        at = Long.parseLong(afterCursor.substring(0, Math.max(colon, 0)));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("not a session list cursor: '" + afterCursor + "'");
                    }
                    ps.setLong(i++, at);
                    ps.setLong(i++, at);
                    ps.setString(i++, afterCursor.substring(colon + 1));
                }
                ps.setInt(i, limit);
                List<StoredSession> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(session(rs));
                    }
                }
                return out;
            }
        });
    }

    /** The keyset cursor that continues a listing after {@code s}. */
    static String cursor(StoredSession s) {
        return s.updatedAtMs() + ":" + s.sessionId();
    }

    @Override
    public boolean delete(String scope, String sessionId) {
        return run(c -> {
            try (PreparedStatement e = c.prepareStatement("DELETE FROM agentos_session_events WHERE scope = ? AND session_id = ?");
                 PreparedStatement s = c.prepareStatement("DELETE FROM agentos_sessions WHERE scope = ? AND session_id = ?")) {
                e.setString(1, scope);
                e.setString(2, sessionId);
                e.executeUpdate();
                s.setString(1, scope);
                s.setString(2, sessionId);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void append(StoredEvent event) {
        run(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT latest_sequence FROM agentos_sessions WHERE scope = ? AND session_id = ?")) {
                q.setString(1, event.scope());
                q.setString(2, event.sessionId());
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no session " + event.sessionId() + " in scope " + event.scope());
                    }
                    long latest = rs.getLong(1);
                    if (event.sequence() != latest + 1) {
                        throw new IllegalStateException("event sequence " + event.sequence() + " of session " + event.sessionId()
                                + " does not follow the stored latest " + latest);
                    }
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO agentos_session_events "
                    + "(scope, session_id, sequence, timestamp_ms, type, request_id, json) VALUES (?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement upd = c.prepareStatement("UPDATE agentos_sessions SET latest_sequence = ?, updated_at_ms = ? "
                         + "WHERE scope = ? AND session_id = ?")) {
                ins.setString(1, event.scope());
                ins.setString(2, event.sessionId());
                ins.setLong(3, event.sequence());
                ins.setLong(4, event.timestampMs());
                ins.setString(5, event.type());
                setNullable(ins, 6, event.requestId());
                ins.setString(7, event.json());
                ins.executeUpdate();
                upd.setLong(1, event.sequence());
                upd.setLong(2, event.timestampMs());
                upd.setString(3, event.scope());
                upd.setString(4, event.sessionId());
                upd.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<StoredEvent> events(String scope, String sessionId, long after, long before, int limit) {
        return run(c -> {
            // Paging backwards reads the newest rows below 'before', then returns them oldest first.
            boolean backwards = before != Long.MAX_VALUE && after == 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT sequence, timestamp_ms, type, request_id, json "
                    + "FROM agentos_session_events WHERE scope = ? AND session_id = ? AND sequence > ? AND sequence < ? "
                    + "ORDER BY sequence " + (backwards ? "DESC" : "ASC") + " LIMIT ?")) {
                ps.setString(1, scope);
                ps.setString(2, sessionId);
                ps.setLong(3, after);
                ps.setLong(4, before);
                ps.setInt(5, limit);
                List<StoredEvent> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredEvent(scope, sessionId, rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5)));
                    }
                }
                if (backwards) {
                    java.util.Collections.reverse(out);
                }
                return out;
            }
        });
    }

    /** The lowest stored sequence of a session (0 when it has no events). */
    long oldestSequence(String scope, String sessionId) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MIN(sequence) FROM agentos_session_events WHERE scope = ? AND session_id = ?")) {
                ps.setString(1, scope);
                ps.setString(2, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    public int prune(String scope, String sessionId, int keepEvents) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM agentos_session_events WHERE scope = ? AND session_id = ? "
                    + "AND sequence <= (SELECT MAX(sequence) FROM agentos_session_events WHERE scope = ? AND session_id = ?) - ?")) {
                ps.setString(1, scope);
                ps.setString(2, sessionId);
                ps.setString(3, scope);
                ps.setString(4, sessionId);
                ps.setLong(5, keepEvents);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void close() {
        if (serial != null) {
            serial.lock();
            try {
                if (shared != null) {
                    shared.close();
                    shared = null;
                }
            } catch (SQLException e) {
                // the database keeps what was committed
            } finally {
                serial.unlock();
            }
        }
        if (onClose != null) {
            try {
                onClose.close();
            } catch (Exception e) {
                // closing is best effort; the database keeps what was committed
            }
        }
    }

    private static StoredSession session(ResultSet rs) throws SQLException {
        return new StoredSession(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                GSON.fromJson(rs.getString(5), STRINGS), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9),
                rs.getString(10), rs.getString(11), rs.getLong(12), rs.getLong(13));
    }

    private static void setNullable(PreparedStatement ps, int index, @Nullable String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    /** SQLite's one open connection: opening the file on every call costs more than the call. */
    private Connection shared() throws SQLException {
        if (shared == null || shared.isClosed()) {
            shared = dataSource.getConnection();
        }
        return shared;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T run(Work<T> work) {
        if (serial != null) {
            serial.lock();
        }
        try {
            // A serialized store (SQLite) reuses one connection; a DataSource hands out (pooled) ones per call.
            Connection c = serial != null ? shared() : dataSource.getConnection();
            try {
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    try {
                        c.rollback();
                    } catch (SQLException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                    throw e;
                } finally {
                    c.setAutoCommit(auto);
                }
            } finally {
                if (serial == null) {
                    c.close();
                }
            }
        } catch (SQLException e) {
            throw new AgentOsException("session store " + description + " failed: " + e.getMessage(), e);
        } finally {
            if (serial != null) {
                serial.unlock();
            }
        }
    }
}
