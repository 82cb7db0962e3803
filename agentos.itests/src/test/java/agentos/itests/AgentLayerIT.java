package agentos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import agentos.api.AgentOs;
import agentos.api.NotAvailableException;
import agentos.api.Vm;
import agentos.api.config.SessionDatabaseConfig;
import agentos.api.config.VmConfig;
import agentos.api.session.SessionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Hashtable;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The agent layer wired by DS in Felix: VMs get their sessions namespace from agentos.acp, a session database can
 * be a {@link DataSource} service the container registers, and stopping the bundle takes the namespace away
 * (and starting it gives it back) while VMs live.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AgentLayerIT {

    @Inject
    private BundleContext context;

    @Inject
    private AgentOs agentOs;

    @Configuration
    public Option[] config() {
        return org.ops4j.pax.exam.OptionUtils.combine(ItestSupport.agentOsRuntime(), ItestSupport.reactorBundle("agentos.acp"),
                mavenBundle("org.xerial", "sqlite-jdbc", System.getProperty("sqlite.version")));
    }

    @Test
    public void sessionsLiveInARegisteredDataSourceAndFollowTheBundle() throws Exception {
        Path file = Files.createTempDirectory("agentos-it").resolve("container.db");
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("dataSourceName", "agentos-it");
        ServiceRegistration<DataSource> reg = context.registerService(DataSource.class, ds, props);
        try {
            Vm vm = agentOs.create(VmConfig.builder().defaultSoftware(false)
                    .database(SessionDatabaseConfig.dataSource("(dataSourceName=agentos-it)").withScope("it")).build());
            assertTrue(vm.agents().list().isEmpty());
            assertEquals(0, vm.sessions().list(null, 10).sessions().size());
            try (Connection c = ds.getConnection(); ResultSet rs = c.getMetaData().getTables(null, null, "agentos_sessions", null)) {
                assertTrue("the store created its tables in the container's database", rs.next());
            }
            SessionException noAgent = assertThrows(SessionException.class, () -> vm.sessions().getConfig("main"));
            assertEquals("session_not_found", noAgent.code());

            Bundle acp = bundle("agentos.acp");
            acp.stop();
            NotAvailableException gone = assertThrows(NotAvailableException.class, vm::sessions);
            assertTrue(gone.getMessage(), gone.getMessage().contains("agentos.acp"));
            acp.start();
            assertEquals(0, vm.sessions().list(null, 10).sessions().size());
            vm.dispose();

            Vm missing = agentOs.create(VmConfig.builder().defaultSoftware(false)
                    .database(SessionDatabaseConfig.dataSource("(dataSourceName=nope)")).build());
            SessionException unavailable = assertThrows(SessionException.class, missing::sessions);
            assertEquals("store_unavailable", unavailable.code());
            missing.dispose();
        } finally {
            reg.unregister();
        }
    }

    private Bundle bundle(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals(bsn)) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + bsn);
    }
}
