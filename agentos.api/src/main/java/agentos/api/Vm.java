package agentos.api;

import agentos.api.code.Contexts;
import agentos.api.code.JavaScript;
import agentos.api.code.Python;
import agentos.api.code.TypeScript;
import agentos.api.config.VmConfig;
import agentos.api.cron.Cron;
import agentos.api.fs.Filesystem;
import agentos.api.host.HostFunctions;
import agentos.api.network.Network;
import agentos.api.process.Processes;
import agentos.api.session.Agents;
import agentos.api.session.Sessions;
import agentos.api.software.Software;
import agentos.api.terminal.Terminals;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One VM: a small virtual operating system with its own kernel, filesystem and processes. Its capabilities are
 * grouped into namespaces like upstream's. A namespace whose provider is missing (e.g. no JavaScript executor
 * installed) throws {@link NotAvailableException} naming the capability. Closing the VM disposes it.
 */
@ProviderType
public interface Vm extends AutoCloseable {

    String id();

    VmInfo info();

    /** The configuration the VM was created with. */
    VmConfig config();

    Processes process();

    Filesystem filesystem();

    Terminals terminal();

    Network network();

    JavaScript javascript();

    TypeScript typescript();

    Python python();

    Contexts contexts();

    Software software();

    Agents agents();

    Sessions sessions();

    Cron cron();

    HostFunctions hostFunctions();

    /** Limit warnings of this VM (about 80 % of a bounded resource in use). */
    Subscription onLimitWarning(Consumer<LimitWarning> listener);

    /** Lifecycle changes of this VM (disposing, disposed, failed). */
    Subscription onLifecycle(Consumer<VmLifecycleEvent> listener);

    /** Disposes the VM; the same as {@code AgentOs.dispose(id())}. Idempotent. */
    void dispose();

    @Override
    default void close() {
        dispose();
    }
}
