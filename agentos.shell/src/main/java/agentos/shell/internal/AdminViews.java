package agentos.shell.internal;

import agentos.api.fs.MountInfo;
import agentos.api.process.ProcessTreeNode;
import java.util.List;

/** What the administration commands return; {@link ShellConverter} renders each as text. */
final class AdminViews {
    private AdminViews() {}

    /** {@code agentos:ps}: the process trees of one or more VMs. */
    record ProcessTable(List<VmProcesses> vms) {}

    record VmProcesses(String vmId, List<ProcessTreeNode> roots) {}

    /** {@code agentos:ls}: a directory's entries with their type, mode and size. */
    record Listing(String vmId, String path, List<ListedEntry> entries) {}

    record ListedEntry(String name, String type, int mode, long size) {}

    /** {@code agentos:limits}: every configured limit as a dotted name and a value. */
    record LimitTable(String vmId, List<List<String>> rows) {}

    /** {@code agentos:mounts}: the mount table. */
    record MountTable(String vmId, List<MountInfo> mounts) {}
}
