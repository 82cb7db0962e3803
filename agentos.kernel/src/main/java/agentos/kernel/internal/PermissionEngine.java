package agentos.kernel.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.config.PermissionMode;
import agentos.api.config.PermissionPolicy;
import agentos.api.config.PermissionRule;
import agentos.api.config.ScopePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a VM's permission policy (the caller's merged over the default, per scope): start from the scope's
 * default mode, walk its rules in order, the last matching rule wins. {@code ask} has no one to ask at the kernel
 * boundary yet, so it denies, saying so.
 */
final class PermissionEngine {
    enum Scope {
        FS("fs"),
        NETWORK("network"),
        CHILD_PROCESS("childProcess"),
        PROCESS("process"),
        ENV("env"),
        HOST_FUNCTION("hostFunction");

        final String label;

        Scope(String label) {
            this.label = label;
        }
    }

    private record CompiledRule(PermissionMode mode, List<String> operations, List<Glob> patterns, String text) {}

    private record CompiledScope(PermissionMode defaultMode, List<CompiledRule> rules) {}

    private final PermissionPolicy policy;
    private final Map<Scope, CompiledScope> scopes;

    PermissionEngine(PermissionPolicy callerPolicy) {
        this.policy = callerPolicy.mergedOver(PermissionPolicy.DEFAULT);
        this.scopes = Map.of(
                Scope.FS, compile(policy.fs()),
                Scope.NETWORK, compile(policy.network()),
                Scope.CHILD_PROCESS, compile(policy.childProcess()),
                Scope.PROCESS, compile(policy.process()),
                Scope.ENV, compile(policy.env()),
                Scope.HOST_FUNCTION, compile(policy.hostFunction()));
    }

    PermissionPolicy policy() {
        return policy;
    }

    private static CompiledScope compile(ScopePolicy scope) {
        if (scope == null) {
            return new CompiledScope(PermissionMode.DENY, List.of());
        }
        List<CompiledRule> rules = new ArrayList<>();
        for (PermissionRule r : scope.rules()) {
            rules.add(new CompiledRule(r.mode(), r.operations(), r.patterns().stream().map(Glob::compile).toList(),
                    r.mode().name().toLowerCase(java.util.Locale.ROOT) + " " + r.operations() + " " + r.patterns()));
        }
        return new CompiledScope(scope.defaultMode(), List.copyOf(rules));
    }

    /** The decision and the rule that made it ("default" when no rule matched). */
    record Decision(PermissionMode mode, String rule) {}

    Decision decide(Scope scope, String operation, String resource) {
        CompiledScope s = scopes.get(scope);
        PermissionMode mode = s.defaultMode();
        String why = "default " + mode.name().toLowerCase(java.util.Locale.ROOT);
        for (CompiledRule r : s.rules()) {
            if (!(r.operations().contains("*") || r.operations().contains(operation))) {
                continue;
            }
            for (Glob g : r.patterns()) {
                if (g.matches(resource)) {
                    mode = r.mode();
                    why = "rule " + r.text();
                    break;
                }
            }
        }
        return new Decision(mode, why);
    }

    boolean allows(Scope scope, String operation, String resource) {
        return decide(scope, operation, resource).mode() == PermissionMode.ALLOW;
    }

    /** Throws EACCES naming the scope, operation, resource and deciding rule unless allowed. */
    void check(Scope scope, String operation, String resource, String syscall) {
        Decision d = decide(scope, operation, resource);
        if (d.mode() != PermissionMode.ALLOW) {
            String reason = d.mode() == PermissionMode.ASK
                    ? "permission prompt required for " + scope.label + "." + operation + " (ask is not answerable here)"
                    : "denied by " + scope.label + " policy (" + d.rule() + ") for " + operation;
            throw new ErrnoException(Errno.EACCES, syscall, resource, reason);
        }
    }
}
