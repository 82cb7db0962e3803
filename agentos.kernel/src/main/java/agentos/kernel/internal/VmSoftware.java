package agentos.kernel.internal;

import agentos.api.AgentOsException;
import agentos.api.NotAvailableException;
import agentos.api.config.SoftwareRef;
import agentos.api.config.VmConfig;
import agentos.api.software.Software;
import agentos.api.software.SoftwareInfo;
import agentos.api.spi.PackageCommand;
import agentos.api.spi.SoftwarePackage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which software packages a VM sees: upstream's default {@code common} set (when {@code defaultSoftware}) plus the
 * packages the config names, resolved live against the installed {@link SoftwarePackage} services.
 */
final class VmSoftware implements Software {
    /**
     * Upstream's {@code @agentos-software/common} (the packages it depends on), plus {@code tools} (grep, rg, fd,
     * jq): upstream's grep package ships only the egrep/fgrep wrappers, and agents need rg and fd.
     */
    static final List<String> DEFAULT_SOFTWARE =
            List.of("coreutils", "sed", "grep", "gawk", "findutils", "diffutils", "tar", "gzip", "tools");

    private final Set<String> selected;
    private final Supplier<List<SoftwarePackage>> installed;

    VmSoftware(VmConfig config, Supplier<List<SoftwarePackage>> installed) {
        Set<String> names = new LinkedHashSet<>();
        if (config.defaultSoftware()) {
            names.addAll(DEFAULT_SOFTWARE);
        }
        for (SoftwareRef r : config.software()) {
            names.add(r.name());
        }
        this.selected = Set.copyOf(names);
        this.installed = installed;
    }

    /** Fails for named packages that are not installed, and for package files (not readable yet). */
    static void check(VmConfig config, List<SoftwarePackage> installed) {
        for (SoftwareRef r : config.software()) {
            if (r.packagePath() != null) {
                throw new NotAvailableException("VmConfig.software", "linking .aospkg files (" + r.packagePath()
                        + ") is not implemented in this build yet; name an installed package instead");
            }
            boolean found = installed.stream().anyMatch(p -> p.manifest().name().equals(r.name())
                    && (r.version() == null || p.manifest().version().equals(r.version())));
            if (!found) {
                List<String> names = installed.stream().map(p -> p.manifest().name() + "@" + p.manifest().version()).sorted().toList();
                throw new AgentOsException("no software package " + r.label() + " is installed (installed: "
                        + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
            }
        }
    }

    /** The selected packages that are installed right now. */
    List<SoftwarePackage> projected() {
        List<SoftwarePackage> out = new ArrayList<>();
        for (SoftwarePackage p : installed.get()) {
            if (selected.contains(p.manifest().name())) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public List<SoftwareInfo> list() {
        return projected().stream().map(p -> new SoftwareInfo(p.manifest().name(), p.manifest().version(),
                p.manifest().commands().stream().map(PackageCommand::name).toList(),
                p.manifest().agent() == null ? null : p.manifest().agent().id())).toList();
    }

    @Override
    public SoftwareInfo link(String packagePath) {
        throw new NotAvailableException("software.link", "reading .aospkg files is not implemented in this build yet");
    }
}
