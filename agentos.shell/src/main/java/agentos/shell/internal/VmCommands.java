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
            "osgi.command.function=dispose",
            "osgi.command.function=exec"
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

    @Descriptor("run a command in a VM with sh -c and show its output and exit status")
    public ExecReport exec(
            @Descriptor("VM id, e.g. vm-1 (see agentos:vms)") String vmId,
            @Descriptor("the command line; quote it to keep pipes and redirections for the VM's shell") String... command)
            throws Exception {
        if (command.length == 0) {
            throw new IllegalArgumentException("agentos:exec needs a command after the VM id");
        }
        var r = agentOs.require(vmId).process().exec(String.join(" ", command)).toCompletableFuture().get();
        int status = r.exitCode() == null ? 124 : r.exitCode();
        return new ExecReport(vmId, status, r.stdoutText(), r.stderrText());
    }

    @Descriptor("dispose a VM: kill its processes and release its filesystem")
    public String dispose(@Descriptor("VM id, e.g. vm-1 (see agentos:vms)") String vmId) {
        agentOs.dispose(vmId);
        return "disposed " + vmId;
    }
}
