package agentos.kernel.internal;

import agentos.api.AgentOsException;
import agentos.api.config.SoftwareRef;
import agentos.api.config.VmConfig;
import agentos.api.software.Software;
import agentos.api.software.SoftwareInfo;
import agentos.api.spi.AospkgPackage;
import agentos.api.spi.PackageCommand;
import agentos.api.spi.SoftwarePackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Which software packages a VM sees: upstream's default {@code common} set (when {@code defaultSoftware}) plus the
 * packages the config names, resolved live against the installed {@link SoftwarePackage} services, plus package
 * files linked into this VM (from the config or {@link #link}). A linked package shadows an installed one of the
 * same name; linking a name again replaces the earlier file.
 */
final class VmSoftware implements Software {
    /**
     * Upstream's {@code @agentos-software/common} (the packages it depends on), plus {@code tools} (grep, rg, fd,
     * jq): upstream's grep package ships only the egrep/fgrep wrappers, and agents need rg and fd; plus {@code node}
     * (the JavaScript executor's command) when that bundle is installed.
     */
    static final List<String> DEFAULT_SOFTWARE =
            List.of("coreutils", "sed", "grep", "gawk", "findutils", "diffutils", "tar", "gzip", "tools", "node");

    private final Set<String> selected;
    private final Supplier<List<SoftwarePackage>> installed;
    private final List<SoftwarePackage> linked = new CopyOnWriteArrayList<>();

    VmSoftware(VmConfig config, Supplier<List<SoftwarePackage>> installed) {
        Set<String> names = new LinkedHashSet<>();
        if (config.defaultSoftware()) {
            names.addAll(DEFAULT_SOFTWARE);
        }
        for (SoftwareRef r : config.software()) {
            if (r.packagePath() == null) {
                names.add(r.name());
            }
        }
        this.selected = Set.copyOf(names);
        this.installed = installed;
        for (SoftwareRef r : config.software()) {
            if (r.packagePath() != null) {
                add(open("VmConfig.software", r.packagePath()));
            }
        }
    }

    /** Fails for named packages that are not installed and for package files that can't be read. */
    static void check(VmConfig config, List<SoftwarePackage> installed) {
        for (SoftwareRef r : config.software()) {
            if (r.packagePath() != null) {
                open("VmConfig.software", r.packagePath());
                continue;
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

    /** The selected packages that are installed right now, then the linked ones. */
    List<SoftwarePackage> projected() {
        Set<String> shadowed = new java.util.HashSet<>();
        for (SoftwarePackage p : linked) {
            shadowed.add(p.manifest().name());
        }
        List<SoftwarePackage> out = new ArrayList<>();
        for (SoftwarePackage p : installed.get()) {
            if (selected.contains(p.manifest().name()) && !shadowed.contains(p.manifest().name())) {
                out.add(p);
            }
        }
        out.addAll(linked);
        return out;
    }

    private static AospkgPackage open(String field, String packagePath) {
        Path file = Path.of(packagePath).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new AgentOsException(field + ": no package file at " + file
                    + " (give the path of an upstream .aospkg file, e.g. node_modules/@agentos-software/jq/dist/package.aospkg)");
        }
        try {
            return AospkgPackage.open(file);
        } catch (IOException e) {
            throw new AgentOsException(field + ": " + file + " is not a readable .aospkg package: " + e.getMessage(), e);
        }
    }

    private synchronized void add(SoftwarePackage p) {
        linked.removeIf(q -> q.manifest().name().equals(p.manifest().name()));
        linked.add(p);
    }

    private static SoftwareInfo info(SoftwarePackage p) {
        return new SoftwareInfo(p.manifest().name(), p.manifest().version(),
                p.manifest().commands().stream().map(PackageCommand::name).toList(),
                p.manifest().agent() == null ? null : p.manifest().agent().id());
    }

    @Override
    public List<SoftwareInfo> list() {
        return projected().stream().map(VmSoftware::info).toList();
    }

    @Override
    public SoftwareInfo link(String packagePath) {
        AospkgPackage p = open("software.link", packagePath);
        add(p);
        return info(p);
    }
}
