package agentos.acp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import agentos.api.Vm;
import agentos.api.config.SessionDatabaseConfig;
import agentos.api.config.SoftwareRef;
import agentos.api.config.VmConfig;
import agentos.api.session.OpenSessionOptions;
import agentos.api.session.PermissionPolicyMode;
import agentos.api.session.PromptRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The store contract on a real PostgreSQL server through a {@link DataSource}, as an enterprise container supplies
 * it. {@code .ci/run} starts the server (bin/start-postgres.sh) and sets AGENTOS_TEST_POSTGRES_URL; without it
 * these tests are skipped and say so.
 */
class PostgresSessionStoreTest extends SessionStoreContract {
    static final String URL = System.getenv("AGENTOS_TEST_POSTGRES_URL");
    static JdbcSessionStore shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void server() {
        assumeTrue(URL != null && !URL.isBlank(), "AGENTOS_TEST_POSTGRES_URL is not set; run bin/start-postgres.sh and export its output");
        shared = new JdbcSessionStore(dataSource(), "PostgreSQL " + URL.replaceAll("password=[^&]*", "password=…"), false, null);
    }

    static DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(URL);
        return ds;
    }

    @Override
    JdbcSessionStore store() {
        return shared;
    }

    @Test
    void aVmKeepsItsSessionsInTheRegisteredDataSource() throws Exception {
        DataSource ds = dataSource();
        String scope = "vm-" + java.util.UUID.randomUUID();
        SessionDatabaseConfig db = SessionDatabaseConfig.dataSource("(dataSourceName=agentos)").withScope(scope);
        try (AgentVms vms = new AgentVms(dir.resolve("unused.db"), AcpSettings.defaults(),
                filter -> filter.equals("(dataSourceName=agentos)") ? ds : null)) {
            Vm vm = vms.os().create(VmConfig.builder().software(SoftwareRef.named("script-agent")).database(db).build());
            vm.sessions().open(new OpenSessionOptions("pg", "script", "/workspace", List.of(), Map.of(), List.of(),
                    PermissionPolicyMode.ALLOW_ALL, false, null)).toCompletableFuture().get(60, TimeUnit.SECONDS);
            vm.sessions().prompt(PromptRequest.text("pg", "stored in postgres")).toCompletableFuture().get(60, TimeUnit.SECONDS);
            vm.dispose();
        }
        assertEquals(3, shared.get(scope, "pg").orElseThrow().latestSequence(), "the session and its history are in PostgreSQL");
        assertEquals("user_message", shared.events(scope, "pg", 0, Long.MAX_VALUE, 10).get(0).type());
        shared.delete(scope, "pg");
    }
}
