package agentos.acp.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded SQLite file. */
class SqliteSessionStoreTest extends SessionStoreContract {
    @TempDir
    Path dir;
    private JdbcSessionStore store;

    @Override
    JdbcSessionStore store() {
        if (store == null) {
            store = JdbcSessionStore.sqlite(dir.resolve("nested/sessions.db"));
        }
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }
}
