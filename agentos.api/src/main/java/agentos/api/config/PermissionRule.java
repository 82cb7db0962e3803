package agentos.api.config;

import java.util.List;

/**
 * One rule of a scope: applies {@code mode} to the {@code operations} (or {@code *}) on resources matching one of
 * the {@code patterns}. Globs: {@code *} stays within a path segment, {@code **} crosses segments, {@code ?} is one
 * character other than {@code /}. Resources are guest paths for {@code fs}, {@code tcp://host:port} or
 * {@code dns://name} for {@code network}, command names for {@code childProcess}, variable names for {@code env},
 * and {@code collection:function} for {@code hostFunction}.
 */
public record PermissionRule(PermissionMode mode, List<String> operations, List<String> patterns) {
    public PermissionRule {
        operations = List.copyOf(operations);
        patterns = List.copyOf(patterns);
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("permission rule operations must not be empty; use [\"*\"] for any");
        }
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("permission rule patterns must not be empty; use [\"**\"] for any");
        }
    }

    public static PermissionRule of(PermissionMode mode, String operation, String... patterns) {
        return new PermissionRule(mode, List.of(operation), List.of(patterns));
    }
}
