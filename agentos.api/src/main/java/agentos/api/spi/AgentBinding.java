package agentos.api.spi;

import agentos.api.session.Agents;
import agentos.api.session.Sessions;
import org.osgi.annotation.versioning.ConsumerType;

/** One VM's agent namespaces, from {@link AgentLayer#attach}. */
@ConsumerType
public interface AgentBinding {

    Agents agents();

    Sessions sessions();

    /** Whether the binding still serves (false once its layer went away or it was closed). */
    boolean isOpen();

    /** Stops the VM's agent processes; durable sessions stay in their store. Idempotent. */
    void close(String reason);
}
