package agentos.api.config;

import org.jspecify.annotations.Nullable;

/**
 * The VM's permission policy, one optional policy per scope. A scope left {@code null} keeps the default of
 * "a machine of its own": filesystem, processes, environment, listeners and in-VM loopback are allowed,
 * external network is denied, and host functions are allowed. A caller's policy is merged over that default
 * scope by scope ({@link #mergedOver(PermissionPolicy)}).
 */
public record PermissionPolicy(
        @Nullable ScopePolicy fs,
        @Nullable ScopePolicy network,
        @Nullable ScopePolicy childProcess,
        @Nullable ScopePolicy process,
        @Nullable ScopePolicy env,
        @Nullable ScopePolicy hostFunction) {

    /** No scope set: everything takes the default. */
    public static final PermissionPolicy INHERIT = new PermissionPolicy(null, null, null, null, null, null);

    /**
     * The default policy. Network is denied except {@code listen}; loopback inside the VM never leaves it and is
     * allowed whatever the policy says, and host loopback ports are reachable only when listed in
     * {@link VmConfig#loopbackExemptPorts()}. Network rule operations are {@code connect} (on
     * {@code tcp://host:port} / {@code udp://host:port}), {@code dns} (on {@code dns://name}) and {@code listen};
     * private, link-local, multicast and unspecified addresses need an explicit {@code connect} rule.
     */
    public static final PermissionPolicy DEFAULT = new PermissionPolicy(
            ScopePolicy.ALLOW,
            ScopePolicy.of(PermissionMode.DENY, PermissionRule.of(PermissionMode.ALLOW, "listen", "**")),
            ScopePolicy.ALLOW,
            ScopePolicy.ALLOW,
            ScopePolicy.ALLOW,
            ScopePolicy.ALLOW);

    /** Every scope allowed, network included. */
    public static final PermissionPolicy ALLOW_ALL = new PermissionPolicy(
            ScopePolicy.ALLOW, ScopePolicy.ALLOW, ScopePolicy.ALLOW, ScopePolicy.ALLOW, ScopePolicy.ALLOW, ScopePolicy.ALLOW);

    /** This policy with every unset scope taken from {@code base}. */
    public PermissionPolicy mergedOver(PermissionPolicy base) {
        return new PermissionPolicy(
                fs != null ? fs : base.fs,
                network != null ? network : base.network,
                childProcess != null ? childProcess : base.childProcess,
                process != null ? process : base.process,
                env != null ? env : base.env,
                hostFunction != null ? hostFunction : base.hostFunction);
    }

    public PermissionPolicy withNetwork(ScopePolicy policy) {
        return new PermissionPolicy(fs, policy, childProcess, process, env, hostFunction);
    }

    public PermissionPolicy withFs(ScopePolicy policy) {
        return new PermissionPolicy(policy, network, childProcess, process, env, hostFunction);
    }
}
