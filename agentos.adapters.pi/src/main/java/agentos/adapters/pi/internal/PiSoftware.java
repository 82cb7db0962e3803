package agentos.adapters.pi.internal;

import agentos.api.spi.AgentAdapter;
import agentos.api.spi.AgentLaunch;
import agentos.api.spi.AospkgPackage;
import agentos.api.spi.PackageCache;
import agentos.api.spi.SoftwarePackage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Offers upstream's Pi package ({@code @agentos-software/pi@0.2.7}, unmodified) as software package {@code pi}
 * (copied once out of this bundle into the cache directory) and registers the {@code pi} agent adapter. A VM gets
 * the agent with {@code VmConfig.software("pi")}.
 */
@Component(immediate = true)
public final class PiSoftware {
    private final ServiceRegistration<SoftwarePackage> software;
    private final ServiceRegistration<AgentAdapter> adapter;

    @Activate
    public PiSoftware(BundleContext context) throws IOException {
        Bundle bundle = context.getBundle();
        Path file = PackageCache.extract(bundle.getSymbolicName(), List.of("pi/package.aospkg"), bundle::getEntry)
                .resolve("pi/package.aospkg");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("agentos.software.name", "pi");
        software = context.registerService(SoftwarePackage.class, AospkgPackage.open(file), props);
        adapter = context.registerService(AgentAdapter.class, new PiAdapter(), null);
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : List.of(adapter, software)) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregistered it already
            }
        }
    }

    /** Pi's adapter ({@code pi-sdk-acp}) takes extra system prompt text as {@code --append-system-prompt TEXT}. */
    public static final class PiAdapter implements AgentAdapter {
        @Override
        public String agentId() {
            return "pi";
        }

        @Override
        public AgentLaunch prepare(AgentLaunch fromManifest, Map<String, String> sessionEnv, @Nullable String instructions) {
            if (instructions == null) {
                return fromManifest;
            }
            List<String> args = new ArrayList<>(fromManifest.args());
            args.add("--append-system-prompt");
            args.add(instructions);
            return new AgentLaunch(fromManifest.entrypoint(), args, fromManifest.env());
        }
    }
}
