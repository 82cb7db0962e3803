package agentos.api;

/** No VM with the given id exists (it was never created, or it has been disposed). */
public class VmNotFoundException extends AgentOsException {
    private static final long serialVersionUID = 1L;

    private final String vmId;

    public VmNotFoundException(String vmId) {
        super("no VM with id '" + vmId + "'; list the existing VMs with AgentOs.list() (or agentos:vms)");
        this.vmId = vmId;
    }

    public String vmId() {
        return vmId;
    }
}
