package agentos.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.CompositeOption;
import org.ops4j.pax.exam.options.DefaultCompositeOption;

/** The runtime the ITs boot: the service runtime bundles plus the reactor's freshly built bundles. */
final class ItestSupport {
    private ItestSupport() {}

    static Option[] agentOsRuntime() {
        return options(
                mavenBundle("org.osgi", "org.osgi.util.function", "1.2.0"),
                mavenBundle("org.osgi", "org.osgi.util.promise", "1.3.0"),
                mavenBundle("org.osgi", "org.osgi.service.component", "1.5.1"),
                mavenBundle("org.apache.felix", "org.apache.felix.scr", property("felix.scr.version")),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin", property("felix.configadmin.version")),
                mavenBundle("org.apache.felix", "org.apache.felix.log", property("felix.log.version")),
                mavenBundle("org.apache.felix", "org.apache.felix.gogo.runtime", property("gogo.runtime.version")),
                mavenBundle("org.apache.felix", "org.apache.felix.gogo.command", property("gogo.command.version")),
                mavenBundle("com.google.code.gson", "gson", property("gson.version")),
                reactorBundles("agentos.api", "agentos.vfs", "agentos.kernel", "agentos.shell", "agentos.exec.wasm",
                        "agentos.software.common", "agentos.software.tools"),
                junitBundles(),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
    }

    static Option reactorBundle(String name) {
        return reactorBundles(name);
    }

    private static CompositeOption reactorBundles(String... names) {
        Option[] bundles = new Option[names.length];
        for (int i = 0; i < names.length; i++) {
            File jar = new File(property("agentos.bundles.dir"),
                    names[i] + "/target/" + names[i] + "-" + property("agentos.version") + ".jar");
            if (!jar.isFile()) {
                throw new IllegalStateException("reactor bundle " + jar + " is missing; build the reactor first (./build test)");
            }
            bundles[i] = bundle(jar.toURI().toString());
        }
        return new DefaultCompositeOption(bundles);
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set; run the ITs through Maven (failsafe)");
        }
        return value;
    }
}
