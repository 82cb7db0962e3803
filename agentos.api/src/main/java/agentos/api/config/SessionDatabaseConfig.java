package agentos.api.config;

import org.jspecify.annotations.Nullable;

/**
 * Where durable agent sessions are stored: an embedded SQLite file (the default, under the sidecar's data
 * directory unless {@code path} is set) or a JDBC {@code javax.sql.DataSource} from the service registry,
 * selected by an LDAP {@code filter} such as {@code (dataSourceName=agentos)}.
 */
public record SessionDatabaseConfig(Kind kind, @Nullable String path, @Nullable String filter) {
    public static final SessionDatabaseConfig DEFAULT = new SessionDatabaseConfig(Kind.SQLITE_FILE, null, null);

    public enum Kind {
        SQLITE_FILE,
        DATA_SOURCE
    }

    public SessionDatabaseConfig {
        if (kind == Kind.DATA_SOURCE && filter == null) {
            throw new IllegalArgumentException("database of kind DATA_SOURCE needs a service filter");
        }
    }

    public static SessionDatabaseConfig sqliteFile(String path) {
        return new SessionDatabaseConfig(Kind.SQLITE_FILE, path, null);
    }

    public static SessionDatabaseConfig dataSource(String filter) {
        return new SessionDatabaseConfig(Kind.DATA_SOURCE, null, filter);
    }
}
