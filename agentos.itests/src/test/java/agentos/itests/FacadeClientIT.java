package agentos.itests;

import agentos.api.AgentOs;
import agentos.client.AgentOsClient;
import java.nio.file.Path;
import org.junit.AfterClass;
import org.junit.BeforeClass;

/** The facade contract through agentos.client and a real sidecar process (launcher/target/agentos.jar). */
public class FacadeClientIT extends FacadeContract {
    private static AgentOsClient client;

    @BeforeClass
    public static void startSidecar() {
        client = AgentOsClient.start(AgentOsClient.Options.builder().jar(sidecarJar()).build());
    }

    static Path sidecarJar() {
        return Path.of(System.getProperty("agentos.bundles.dir"), "launcher", "target", "agentos.jar");
    }

    @AfterClass
    public static void stopSidecar() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    protected AgentOs agentOs() {
        return client;
    }
}
