package agentos.kernel.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.LimitWarning;
import java.util.function.Consumer;

/**
 * A bounded count (processes, pipes, PTYs, …): {@link #acquire} fails with the limit's errno past the maximum and
 * raises one {@link LimitWarning} when usage crosses 80 %, re-armed below 70 %. Thread-safe.
 */
final class Gauge {
    private final String vmId;
    private final String category;
    private final String limit;
    private final long max;
    private final Errno errno;
    private final Consumer<LimitWarning> warnings;
    private long used;
    private boolean warned;

    Gauge(String vmId, String category, String limit, long max, Errno errno, Consumer<LimitWarning> warnings) {
        this.vmId = vmId;
        this.category = category;
        this.limit = limit;
        this.max = max;
        this.errno = errno;
        this.warnings = warnings;
    }

    void acquire(String syscall) {
        LimitWarning warning = null;
        synchronized (this) {
            if (used >= max) {
                throw new ErrnoException(errno, syscall, null, "limit limits." + category + "." + limit + "=" + max + " reached");
            }
            used++;
            if (!warned && used * 10 >= max * 8) {
                warned = true;
                warning = new LimitWarning(vmId, category, limit, used, max);
            }
        }
        if (warning != null) {
            warnings.accept(warning);
        }
    }

    synchronized void release() {
        if (used > 0) {
            used--;
        }
        if (used * 10 < max * 7) {
            warned = false;
        }
    }

    synchronized long used() {
        return used;
    }
}
