package agentos.api.config;

import org.jspecify.annotations.Nullable;

/**
 * Where durable agent sessions are stored: an embedded SQLite file (the default: {@code sessions.db} in the
 * runtime's data directory, {@code agentos.data.dir}, else {@code ~/.local/share/agentos}, unless {@code path} is
 * set) or a JDBC {@code javax.sql.DataSource} from the service registry, selected by an LDAP {@code filter} such as
 * {@code (dataSourceName=agentos)}.
 *
 * <p>{@code scope} names whose sessions these are inside the database. A VM with a named scope finds the sessions a
 * previous VM (or a previous run of the runtime) left under that name; only one live VM may use a scope at a time.
 * Without a scope the sessions belong to this VM alone and are removed when it is disposed.
 */
public record SessionDatabaseConfig(Kind kind, @Nullable String path, @Nullable String filter, @Nullable String scope) {
    public static final SessionDatabaseConfig DEFAULT = new SessionDatabaseConfig(Kind.SQLITE_FILE, null, null, null);

    public enum Kind {
        SQLITE_FILE,
        DATA_SOURCE
    }

    public SessionDatabaseConfig {
        if (kind == Kind.DATA_SOURCE && filter == null) {
            throw new IllegalArgumentException("database of kind DATA_SOURCE needs a service filter, e.g. (dataSourceName=agentos)");
        }
        if (scope != null && (scope.isBlank() || scope.length() > 200)) {
            throw new IllegalArgumentException("database scope must be 1..200 non-blank characters, got '" + scope + "'");
        }
    }

    /** A database without a scope (the sessions belong to one VM). */
    public SessionDatabaseConfig(Kind kind, @Nullable String path, @Nullable String filter) {
        this(kind, path, filter, null);
    }

    public static SessionDatabaseConfig sqliteFile(String path) {
        return new SessionDatabaseConfig(Kind.SQLITE_FILE, path, null, null);
    }

    public static SessionDatabaseConfig dataSource(String filter) {
        return new SessionDatabaseConfig(Kind.DATA_SOURCE, null, filter, null);
    }

    /** The same database with sessions kept under {@code name}, so a later VM can come back to them. */
    public SessionDatabaseConfig withScope(String name) {
        return new SessionDatabaseConfig(kind, path, filter, name);
    }
}
