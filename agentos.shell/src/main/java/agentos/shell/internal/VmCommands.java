package agentos.shell.internal;

import agentos.api.AgentOs;
import agentos.api.Vm;
import agentos.api.VmInfo;
import agentos.api.config.MountConfig;
import agentos.api.config.SoftwareRef;
import agentos.api.config.VmConfig;
import agentos.api.fs.DirEntry;
import agentos.api.fs.FileStat;
import agentos.api.process.Signal;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code agentos:} Gogo commands: VM administration over {@link AgentOs}. Each returns a DTO that
 * {@link ShellConverter} renders; bad arguments are one-line errors naming the argument.
 */
@Component(
        service = VmCommands.class,
        property = {
            "osgi.command.scope=agentos",
            "osgi.command.function=vms",
            "osgi.command.function=create",
            "osgi.command.function=dispose",
            "osgi.command.function=exec",
            "osgi.command.function=ps",
            "osgi.command.function=kill",
            "osgi.command.function=ls",
            "osgi.command.function=cat",
            "osgi.command.function=write",
            "osgi.command.function=mount",
            "osgi.command.function=unmount",
            "osgi.command.function=mounts",
            "osgi.command.function=limits",
            "osgi.command.function=agents",
            "osgi.command.function=sessions"
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

    @Descriptor("create a VM with the default configuration (plus any --software packages) and show it")
    public VmInfo create(
            @Descriptor("comma-separated installed packages to add, e.g. tools or a path to an .aospkg file")
            @Parameter(names = "--software", absentValue = "") String software) {
        VmConfig.Builder b = VmConfig.builder();
        for (String s : software.split(",")) {
            String name = s.trim();
            if (!name.isEmpty()) {
                b.software(name.endsWith(".aospkg") ? SoftwareRef.file(name) : SoftwareRef.named(name));
            }
        }
        return agentOs.create(b.build()).info();
    }

    @Descriptor("show the process tree of a VM, or of every VM")
    public AdminViews.ProcessTable ps(@Descriptor("VM id (all VMs when omitted)") String... vmId) {
        List<AdminViews.VmProcesses> out = new ArrayList<>();
        List<String> ids = vmId.length > 0 ? List.of(vmId) : agentOs.list().stream().map(VmInfo::vmId).toList();
        for (String id : ids) {
            out.add(new AdminViews.VmProcesses(id, vm(id).process().tree()));
        }
        return new AdminViews.ProcessTable(out);
    }

    @Descriptor("send a signal to a process in a VM (SIGTERM unless given)")
    public String kill(
            @Descriptor("VM id, e.g. vm-1") String vmId,
            @Descriptor("process id (see agentos:ps)") String pid,
            @Descriptor("signal name or number, e.g. KILL or 9") String... signal) {
        int p = number("PID", pid);
        Signal sig = signal.length == 0 ? Signal.SIGTERM : Signal.parse(signal[0]);
        vm(vmId).process().signal(p, sig);
        return "sent " + sig.name() + " to " + p + " in " + vmId;
    }

    @Descriptor("list a directory in a VM")
    public AdminViews.Listing ls(@Descriptor("VM id") String vmId, @Descriptor("absolute path") String path) {
        Vm vm = vm(vmId);
        List<AdminViews.ListedEntry> entries = new ArrayList<>();
        for (DirEntry e : vm.filesystem().readdirEntries(path)) {
            String full = path.endsWith("/") ? path + e.name() : path + "/" + e.name();
            FileStat st = vm.filesystem().lstat(full);
            entries.add(new AdminViews.ListedEntry(e.name(), e.type().name().toLowerCase(java.util.Locale.ROOT),
                    st.mode(), st.size()));
        }
        return new AdminViews.Listing(vmId, path, entries);
    }

    @Descriptor("list the agents a VM can run (packages with an agent block)")
    public String agents(@Descriptor("VM id") String vmId) {
        StringBuilder sb = new StringBuilder(String.format("%-12s %-24s %s%n", "AGENT", "PACKAGE", "VERSION"));
        for (agentos.api.session.AgentInfo a : vm(vmId).agents().list()) {
            sb.append(String.format("%-12s %-24s %s%n", a.id(), a.packageName(), a.version()));
        }
        return sb.toString().stripTrailing();
    }

    @Descriptor("list the durable agent sessions of a VM, most recently updated first")
    public String sessions(@Descriptor("VM id") String vmId) {
        StringBuilder sb = new StringBuilder(String.format("%-16s %-8s %-9s %6s  %s%n", "SESSION", "AGENT", "STATE", "EVENTS", "CWD"));
        for (agentos.api.session.SessionInfo i : vm(vmId).sessions().list(null, 1000).sessions()) {
            String state = i.state().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
            sb.append(String.format("%-16s %-8s %-9s %6d  %s%n", i.sessionId(), i.agent(), state, i.latestSequence(), i.cwd()));
        }
        return sb.toString().stripTrailing();
    }

    @Descriptor("print a file of a VM (as UTF-8)")
    public String cat(@Descriptor("VM id") String vmId, @Descriptor("absolute path") String path) {
        String text = new String(vm(vmId).filesystem().readFile(path), StandardCharsets.UTF_8);
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text; // the console adds one
    }

    @Descriptor("write text (the remaining arguments joined by spaces, plus a newline) to a file of a VM")
    public String write(@Descriptor("VM id") String vmId, @Descriptor("absolute path") String path,
            @Descriptor("text") String... text) {
        byte[] data = (String.join(" ", text) + "\n").getBytes(StandardCharsets.UTF_8);
        vm(vmId).filesystem().writeFile(path, data);
        return "wrote " + data.length + " bytes to " + path + " in " + vmId;
    }

    @Descriptor("mount a filesystem plugin (memory, host_dir, ...) into a VM")
    public String mount(
            @Descriptor("VM id") String vmId,
            @Descriptor("absolute mount point") String path,
            @Descriptor("plugin id, e.g. memory or host_dir") String plugin,
            @Descriptor("plugin config as JSON, e.g. '{\"hostPath\":\"/tmp/x\"}' (default {})") String... configJson) {
        vm(vmId).filesystem().mount(MountConfig.of(path, plugin, configJson.length == 0 ? "{}" : String.join(" ", configJson)));
        return "mounted " + plugin + " at " + path + " in " + vmId;
    }

    @Descriptor("unmount a filesystem from a VM")
    public String unmount(@Descriptor("VM id") String vmId, @Descriptor("mount point") String path) {
        vm(vmId).filesystem().unmount(path);
        return "unmounted " + path + " in " + vmId;
    }

    @Descriptor("show a VM's mount table")
    public AdminViews.MountTable mounts(@Descriptor("VM id") String vmId) {
        return new AdminViews.MountTable(vmId, vm(vmId).filesystem().listMounts());
    }

    @Descriptor("show a VM's configured limits")
    public AdminViews.LimitTable limits(@Descriptor("VM id") String vmId) {
        List<List<String>> rows = new ArrayList<>();
        flatten("", vm(vmId).config().limits(), rows);
        return new AdminViews.LimitTable(vmId, rows);
    }

    private static void flatten(String prefix, Object value, List<List<String>> rows) {
        if (value instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    flatten(prefix.isEmpty() ? c.getName() : prefix + "." + c.getName(), c.getAccessor().invoke(r), rows);
                } catch (ReflectiveOperationException e) {
                    rows.add(List.of(prefix + "." + c.getName(), "?"));
                }
            }
        } else {
            rows.add(List.of(prefix, String.valueOf(value)));
        }
    }

    private Vm vm(String vmId) {
        return agentOs.require(vmId);
    }

    private static int number(String what, String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, got '" + s + "'");
        }
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
