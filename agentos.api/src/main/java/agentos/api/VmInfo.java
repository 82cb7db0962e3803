package agentos.api;

import java.util.List;

/**
 * A snapshot of one VM's identity and state, as listed by {@link AgentOs#list()}.
 *
 * @param vmId the VM id ({@code vm-N})
 * @param state lifecycle state at the time of the snapshot
 * @param createdAtMs creation time, milliseconds since the epoch
 * @param processCount live (not yet reaped) guest processes
 * @param software names of the software packages projected into the VM
 * @param mounts mount points other than the root, in mount order
 */
public record VmInfo(
        String vmId, VmState state, long createdAtMs, int processCount, List<String> software, List<String> mounts) {
    public VmInfo {
        software = List.copyOf(software);
        mounts = List.copyOf(mounts);
    }
}
