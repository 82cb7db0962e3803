package agentos.shell.internal;

import agentos.api.VmInfo;
import agentos.api.process.ProcessTreeNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.felix.service.command.Converter;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Component;

/** The one place that turns the agentos: commands' DTOs into text for the console. */
@Component(service = Converter.class)
public final class ShellConverter implements Converter {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Override
    public @Nullable Object convert(Class<?> desiredType, Object in) {
        return null;
    }

    @Override
    public @Nullable CharSequence format(Object target, int level, Converter escape) {
        if (target instanceof VmList list) {
            return list.vms().isEmpty() ? "no VMs (create one with agentos:create)" : vmTable(list.vms());
        }
        if (target instanceof ExecReport r) {
            StringBuilder sb = new StringBuilder(r.stdout());
            if (!r.stderr().isEmpty()) {
                sb.append(r.stderr());
            }
            if (r.exitCode() != 0) {
                sb.append("(exit ").append(r.exitCode()).append(')');
            }
            int end = sb.length();
            while (end > 0 && sb.charAt(end - 1) == '\n') {
                end--;
            }
            sb.setLength(end);
            return sb.toString();
        }
        if (target instanceof VmInfo info) {
            return level == INSPECT ? vmTable(List.of(info)) : info.vmId();
        }
        if (target instanceof AdminViews.ProcessTable t) {
            List<List<String>> rows = new java.util.ArrayList<>();
            for (AdminViews.VmProcesses vm : t.vms()) {
                for (ProcessTreeNode n : vm.roots()) {
                    processRows(vm.vmId(), n, 0, rows);
                }
            }
            return rows.isEmpty() ? "no processes" : Tables.render(List.of("VM", "PID", "PPID", "STATE", "COMMAND"), rows);
        }
        if (target instanceof AdminViews.Listing l) {
            return l.entries().isEmpty() ? "(empty)" : Tables.render(List.of("MODE", "SIZE", "NAME"), l.entries().stream()
                    .map(e -> List.of(modeString(e.type(), e.mode()), Long.toString(e.size()),
                            e.type().equals("directory") ? e.name() + "/" : e.name()))
                    .toList());
        }
        if (target instanceof AdminViews.LimitTable t) {
            return Tables.render(List.of("LIMIT", "VALUE"), t.rows());
        }
        if (target instanceof AdminViews.MountTable t) {
            return Tables.render(List.of("PATH", "PLUGIN", "ACCESS"), t.mounts().stream()
                    .map(m -> List.of(m.path(), m.plugin(), m.readOnly() ? "ro" : "rw")).toList());
        }
        return null;
    }

    private static void processRows(String vmId, ProcessTreeNode n, int depth, List<List<String>> rows) {
        var p = n.process();
        String cmd = "  ".repeat(depth) + p.command() + (p.args().isEmpty() ? "" : " " + String.join(" ", p.args()));
        rows.add(List.of(vmId, Integer.toString(p.pid()), Integer.toString(p.ppid()),
                p.state().name().toLowerCase(java.util.Locale.ROOT), cmd));
        for (ProcessTreeNode c : n.children()) {
            processRows(vmId, c, depth + 1, rows);
        }
    }

    private static String modeString(String type, int mode) {
        char t = switch (type) {
            case "directory" -> 'd';
            case "symlink" -> 'l';
            case "fifo" -> 'p';
            case "character_device", "char_device" -> 'c';
            default -> '-';
        };
        StringBuilder sb = new StringBuilder().append(t);
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            sb.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        return sb.toString();
    }

    static String vmTable(List<VmInfo> vms) {
        return Tables.render(
                List.of("ID", "STATE", "CREATED", "PROCESSES", "SOFTWARE", "MOUNTS"),
                vms.stream()
                        .map(v -> List.of(
                                v.vmId(),
                                v.state().name().toLowerCase(java.util.Locale.ROOT),
                                TIME.format(Instant.ofEpochMilli(v.createdAtMs())),
                                Integer.toString(v.processCount()),
                                v.software().isEmpty() ? "-" : String.join(",", v.software()),
                                v.mounts().isEmpty() ? "-" : String.join(",", v.mounts())))
                        .toList());
    }
}
