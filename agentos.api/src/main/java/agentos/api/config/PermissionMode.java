package agentos.api.config;

/** What happens to an operation a rule matches: allowed, denied (EACCES), or asked of the host. */
public enum PermissionMode {
    ALLOW,
    ASK,
    DENY
}
