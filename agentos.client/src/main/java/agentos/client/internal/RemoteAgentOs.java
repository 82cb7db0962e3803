package agentos.client.internal;

import agentos.api.AgentOs;
import agentos.api.Vm;
import agentos.api.VmInfo;
import agentos.api.config.VmConfig;
import agentos.client.AgentOsClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * In OSGi, the client is used through the service registry: configuring the PID {@code agentos.client}
 * starts a sidecar and registers an {@link AgentOs} service with {@code agentos.remote=true} (ranked below an
 * in-framework kernel, so references without a filter keep the local one). Deleting the configuration closes it.
 */
@Component(configurationPid = "agentos.client", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = AgentOs.class, property = {"agentos.remote=true", "service.ranking:Integer=-100"})
@Designate(ocd = RemoteAgentOs.Config.class)
public final class RemoteAgentOs implements AgentOs {
    @ObjectClassDefinition(name = "Agent OS client", description = "An AgentOs service backed by a sidecar process.")
    public @interface Config {
        @AttributeDefinition(description = "Path of agentos.jar (empty: -Dagentos.jar, AGENTOS_JAR, or launcher/target/agentos.jar above the working directory).")
        String jar() default "";

        @AttributeDefinition(description = "The java executable for the sidecar, 21 or newer (empty: this JVM's when it is 21+).")
        String java() default "";

        @AttributeDefinition(description = "Extra JVM options for the sidecar.")
        String[] jvmArgs() default {};

        @AttributeDefinition(description = "Heartbeat interval in ms; a peer silent for three intervals is gone.")
        long heartbeatMs() default 5_000;
    }

    private final AgentOsClient client;

    @Activate
    public RemoteAgentOs(Config config) {
        AgentOsClient.Options.Builder b = AgentOsClient.Options.builder().heartbeatMs(config.heartbeatMs());
        if (!config.jar().isBlank()) {
            b.jar(Path.of(config.jar()));
        }
        if (!config.java().isBlank()) {
            b.java(Path.of(config.java()));
        }
        for (String arg : config.jvmArgs()) {
            b.jvmArg(arg);
        }
        this.client = AgentOsClient.start(b.build());
    }

    @Deactivate
    void deactivate() {
        client.close();
    }

    @Override
    public Vm create(VmConfig config) {
        return client.create(config);
    }

    @Override
    public Optional<Vm> get(String vmId) {
        return client.get(vmId);
    }

    @Override
    public List<VmInfo> list() {
        return client.list();
    }

    @Override
    public void dispose(String vmId) {
        client.dispose(vmId);
    }
}
