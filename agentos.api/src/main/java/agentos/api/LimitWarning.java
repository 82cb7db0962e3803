package agentos.api;

/**
 * A bounded resource crossed about 80 % of its capacity. Raised once per crossing (edge-triggered with
 * hysteresis), so a guest hovering at the limit does not flood listeners.
 *
 * @param vmId the VM whose limit it is
 * @param category limit category as in {@code VmLimits} ({@code resources}, {@code acp}, …)
 * @param limit the limit's field name, e.g. {@code maxOpenFds}
 * @param observed current usage
 * @param capacity the configured limit
 */
public record LimitWarning(String vmId, String category, String limit, long observed, long capacity) {
    /** Usage as a percentage of capacity. */
    public double fillPercent() {
        return capacity == 0 ? 100.0 : observed * 100.0 / capacity;
    }
}
