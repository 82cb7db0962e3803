package agentos.api.config;

import java.util.List;

/**
 * Policy of one scope: a default mode plus rules evaluated in order, the last matching rule winning.
 * A plain mode is a policy with no rules.
 */
public record ScopePolicy(PermissionMode defaultMode, List<PermissionRule> rules) {
    public static final ScopePolicy ALLOW = new ScopePolicy(PermissionMode.ALLOW, List.of());
    public static final ScopePolicy DENY = new ScopePolicy(PermissionMode.DENY, List.of());
    public static final ScopePolicy ASK = new ScopePolicy(PermissionMode.ASK, List.of());

    public ScopePolicy {
        rules = List.copyOf(rules);
    }

    public static ScopePolicy of(PermissionMode defaultMode, PermissionRule... rules) {
        return new ScopePolicy(defaultMode, List.of(rules));
    }
}
