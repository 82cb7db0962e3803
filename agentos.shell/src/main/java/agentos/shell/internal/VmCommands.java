package agentos.shell.internal;

import agentos.api.AgentOs;
import agentos.api.VmInfo;
import agentos.api.config.VmConfig;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code agentos:vms}, {@code agentos:create}, {@code agentos:dispose}: VM administration over {@link AgentOs}. */
@Component(
        service = VmCommands.class,
        property = {
            "osgi.command.scope=agentos",
            "osgi.command.function=vms",
            "osgi.command.function=create",
            "osgi.command.function=dispose"
        })
public final class VmCommands {
    private final AgentOs agentOs;

    @Activate
    public VmCommands(@Reference AgentOs agentOs) {
        this.agentOs = agentOs;
    }

    @Descriptor("list the VMs of this runtime")
    public VmList vms() {
        return new VmList(agentOs.list());
    }

    @Descriptor("create a VM with the default configuration and show it")
    public VmInfo create() {
        return agentOs.create(VmConfig.defaults()).info();
    }

    @Descriptor("dispose a VM: kill its processes and release its filesystem")
    public String dispose(@Descriptor("VM id, e.g. vm-1 (see agentos:vms)") String vmId) {
        agentOs.dispose(vmId);
        return "disposed " + vmId;
    }
}
