package agentos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import agentos.api.AgentOs;
import agentos.api.Vm;
import agentos.api.VmInfo;
import agentos.api.VmState;
import agentos.api.config.VmConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/** The foundation in a real Felix: every bundle resolves, the AgentOs service works, and the Gogo commands run. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FoundationIT {

    @Inject
    private BundleContext context;

    @Inject
    private AgentOs agentOs;

    @Inject
    private CommandProcessor commands;

    @Configuration
    public Option[] config() {
        return ItestSupport.agentOsRuntime();
    }

    @Test
    public void everyInstalledBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getSymbolicName() + " (state " + b.getState() + ")");
            }
        }
        assertTrue("bundles not active (unresolved?): " + notActive, notActive.isEmpty());
        for (String bsn : List.of("agentos.api", "agentos.vfs", "agentos.kernel", "agentos.shell")) {
            assertTrue(bsn + " is installed", installed(bsn));
        }
    }

    private boolean installed(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return true;
            }
        }
        return false;
    }

    @Test
    public void agentOsServiceCreatesListsAndDisposesVms() {
        int before = agentOs.list().size();
        Vm vm = agentOs.create(VmConfig.defaults());
        assertTrue(vm.id().startsWith("vm-"));
        assertEquals(VmState.READY, vm.info().state());
        assertTrue(agentOs.list().stream().anyMatch(i -> i.vmId().equals(vm.id())));
        assertEquals(before + 1, agentOs.list().size());

        agentOs.dispose(vm.id());
        assertEquals(VmState.DISPOSED, vm.info().state());
        assertFalse(agentOs.get(vm.id()).isPresent());
        assertEquals(before, agentOs.list().size());
    }

    @Test
    public void gogoCommandsManageVms() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (CommandSession session = commands.createSession(
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true), new PrintStream(err, true))) {
            Object created = session.execute("agentos:create");
            assertTrue("create returns the VM's info: " + created, created instanceof VmInfo);
            String id = ((VmInfo) created).vmId();

            String table = session.format(session.execute("agentos:vms"), Converter.INSPECT).toString();
            assertTrue(table, table.startsWith("ID "));
            assertTrue(table, table.lines().anyMatch(l -> l.startsWith(id + " ") && l.contains("ready")));

            assertEquals("disposed " + id, session.execute("agentos:dispose " + id));
            String after = session.format(session.execute("agentos:vms"), Converter.INSPECT).toString();
            assertFalse(after, after.contains(id + " "));

            try {
                session.execute("agentos:dispose vm-999999");
                throw new AssertionError("disposing an unknown VM must fail");
            } catch (Exception e) {
                assertTrue(e.getMessage(), e.getMessage().contains("no VM with id 'vm-999999'"));
            }
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
}
