package agentos.shell.internal;

import agentos.api.VmInfo;
import java.util.List;

/** The result of {@code agentos:vms}: a DTO the converter renders as a table. */
public record VmList(List<VmInfo> vms) {
    public VmList {
        vms = List.copyOf(vms);
    }
}
