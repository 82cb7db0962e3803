package agentos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;

import agentos.api.AgentOs;
import agentos.api.Vm;
import agentos.api.process.ExecResult;
import java.io.File;
import java.util.Hashtable;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/** agentos.client as a bundle: configuring PID agentos.client registers a remote AgentOs service. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ClientBundleIT {
    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] config() {
        String dir = System.getProperty("agentos.bundles.dir");
        String version = System.getProperty("agentos.version");
        return new Option[] {
            composite(ItestSupport.agentOsRuntime()),
            bundle(new File(dir, "agentos.client/target/agentos.client-" + version + ".jar").toURI().toString()),
            org.ops4j.pax.exam.CoreOptions.systemProperty("agentos.jar")
                    .value(new File(dir, "launcher/target/agentos.jar").getAbsolutePath()),
        };
    }

    @Test
    public void aConfigurationStartsARemoteAgentOsAndDeletingItStopsIt() throws Exception {
        org.osgi.service.cm.Configuration c = configurationAdmin.getConfiguration("agentos.client", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("jar", System.getProperty("agentos.jar"));
        c.update(props);
        ServiceTracker<AgentOs, AgentOs> tracker = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + AgentOs.class.getName() + ")(agentos.remote=true))"), null);
        tracker.open();
        try {
            AgentOs remote = tracker.waitForService(TimeUnit.SECONDS.toMillis(60));
            assertNotNull("no remote AgentOs service within 60 s", remote);
            Vm vm = remote.create();
            vm.filesystem().writeFile("/workspace/in.txt", "over the wire\n");
            ExecResult r = vm.process().exec("tr a-z A-Z < /workspace/in.txt").toCompletableFuture().get(60, TimeUnit.SECONDS);
            assertEquals("OVER THE WIRE\n", r.stdoutText());
            c.delete();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (tracker.getService() != null && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertFalse("the remote service outlived its configuration", tracker.getService() != null);
        } finally {
            tracker.close();
        }
    }
}
