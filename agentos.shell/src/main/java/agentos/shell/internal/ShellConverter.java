package agentos.shell.internal;

import agentos.api.VmInfo;
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
        return null;
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
