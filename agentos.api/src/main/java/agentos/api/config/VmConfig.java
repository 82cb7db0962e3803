package agentos.api.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a VM is created from. Configuration is trusted input (it comes from the embedding program), so it
 * is checked only for shape; use {@link #builder()} and override what differs from the defaults.
 *
 * @param user the guest user (default {@code agentos} 1000:1000)
 * @param defaultSoftware whether upstream's {@code common} set (sh, coreutils, grep, sed, …) is added
 * @param software further packages, by name or {@code .aospkg} path
 * @param mounts mounts applied at creation, in order
 * @param rootFilesystem the overlay root
 * @param permissions the caller's policy, merged over {@link PermissionPolicy#DEFAULT} per scope
 * @param limits resource limits, all bounded
 * @param env extra guest environment variables (over the base environment)
 * @param cwd working directory of new processes (default {@code /workspace})
 * @param dns name resolution
 * @param listen ports guests may bind
 * @param loopbackExemptPorts host loopback ports guests may connect to (e.g. a test server)
 * @param extraCaCertificates PEM certificates guests' TLS connections trust besides the JDK's trust store
 * @param database where durable agent sessions are stored
 * @param highResolutionTime whether guests see sub-millisecond clocks (off: 1 ms resolution)
 */
public record VmConfig(
        UserConfig user,
        boolean defaultSoftware,
        List<SoftwareRef> software,
        List<MountConfig> mounts,
        RootFilesystemConfig rootFilesystem,
        PermissionPolicy permissions,
        VmLimits limits,
        Map<String, String> env,
        String cwd,
        DnsConfig dns,
        ListenConfig listen,
        List<Integer> loopbackExemptPorts,
        List<String> extraCaCertificates,
        SessionDatabaseConfig database,
        boolean highResolutionTime) {

    public static final String DEFAULT_CWD = "/workspace";

    public VmConfig {
        software = List.copyOf(software);
        mounts = List.copyOf(mounts);
        env = Map.copyOf(env);
        loopbackExemptPorts = List.copyOf(loopbackExemptPorts);
        extraCaCertificates = List.copyOf(extraCaCertificates);
        if (!cwd.startsWith("/")) {
            throw new IllegalArgumentException("cwd must be an absolute guest path, got '" + cwd + "'");
        }
        for (int port : loopbackExemptPorts) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("loopbackExemptPorts entry out of range 1..65535: " + port);
            }
        }
    }

    /** The defaults: common software, an ephemeral overlay root, the default policy and limits. */
    public static VmConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this config's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.user = user;
        b.defaultSoftware = defaultSoftware;
        b.software.addAll(software);
        b.mounts.addAll(mounts);
        b.rootFilesystem = rootFilesystem;
        b.permissions = permissions;
        b.limits = limits;
        b.env.putAll(env);
        b.cwd = cwd;
        b.dns = dns;
        b.listen = listen;
        b.loopbackExemptPorts.addAll(loopbackExemptPorts);
        b.extraCaCertificates.addAll(extraCaCertificates);
        b.database = database;
        b.highResolutionTime = highResolutionTime;
        return b;
    }

    /** Builds a {@link VmConfig}; every setter returns the builder. */
    public static final class Builder {
        private UserConfig user = UserConfig.DEFAULT;
        private boolean defaultSoftware = true;
        private final List<SoftwareRef> software = new ArrayList<>();
        private final List<MountConfig> mounts = new ArrayList<>();
        private RootFilesystemConfig rootFilesystem = RootFilesystemConfig.DEFAULT;
        private PermissionPolicy permissions = PermissionPolicy.INHERIT;
        private VmLimits limits = VmLimits.DEFAULT;
        private final Map<String, String> env = new LinkedHashMap<>();
        private String cwd = DEFAULT_CWD;
        private DnsConfig dns = DnsConfig.DEFAULT;
        private ListenConfig listen = ListenConfig.DEFAULT;
        private final List<Integer> loopbackExemptPorts = new ArrayList<>();
        private final List<String> extraCaCertificates = new ArrayList<>();
        private SessionDatabaseConfig database = SessionDatabaseConfig.DEFAULT;
        private boolean highResolutionTime;

        private Builder() {}

        public Builder user(UserConfig v) { user = v; return this; }
        public Builder defaultSoftware(boolean v) { defaultSoftware = v; return this; }
        public Builder software(SoftwareRef v) { software.add(v); return this; }
        public Builder software(List<SoftwareRef> v) { software.clear(); software.addAll(v); return this; }
        public Builder mount(MountConfig v) { mounts.add(v); return this; }
        public Builder mounts(List<MountConfig> v) { mounts.clear(); mounts.addAll(v); return this; }
        public Builder rootFilesystem(RootFilesystemConfig v) { rootFilesystem = v; return this; }
        public Builder permissions(PermissionPolicy v) { permissions = v; return this; }
        public Builder limits(VmLimits v) { limits = v; return this; }
        public Builder env(String name, String value) { env.put(name, value); return this; }
        public Builder env(Map<String, String> v) { env.clear(); env.putAll(v); return this; }
        public Builder cwd(String v) { cwd = v; return this; }
        public Builder dns(DnsConfig v) { dns = v; return this; }
        public Builder listen(ListenConfig v) { listen = v; return this; }
        public Builder loopbackExemptPort(int v) { loopbackExemptPorts.add(v); return this; }
        public Builder loopbackExemptPorts(List<Integer> v) { loopbackExemptPorts.clear(); loopbackExemptPorts.addAll(v); return this; }
        /** Adds a PEM CA certificate that guests' TLS connections trust (e.g. a test CA). */
        public Builder extraCaCertificate(String pem) { extraCaCertificates.add(pem); return this; }
        public Builder database(SessionDatabaseConfig v) { database = v; return this; }
        public Builder highResolutionTime(boolean v) { highResolutionTime = v; return this; }

        public VmConfig build() {
            return new VmConfig(user, defaultSoftware, software, mounts, rootFilesystem, permissions, limits, env, cwd, dns,
                    listen, loopbackExemptPorts, extraCaCertificates, database, highResolutionTime);
        }
    }
}
