package agentos.api.session;

/**
 * How a session answers the agent's {@code session/request_permission}: pick the allow option, pick a reject
 * option, or record a durable {@code permission_request} for the host to answer (no timeout).
 * Unrelated to the VM's permission policy.
 */
public enum PermissionPolicyMode {
    ALLOW_ALL,
    REJECT_ALL,
    ASK
}
