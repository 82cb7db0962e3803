package agentos.vfs.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.LimitWarning;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Byte and inode accounting shared by a VM's writable layers and memory mounts. Charges fail with ENOSPC past
 * the limit; crossing 80 % raises one warning, re-armed once usage drops below 70 %.
 */
final class Quota {
    private final String vmId;
    private final long maxBytes;
    private final long maxInodes;
    private final Consumer<LimitWarning> warnings;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong inodes = new AtomicLong();
    private final AtomicBoolean bytesWarned = new AtomicBoolean();
    private final AtomicBoolean inodesWarned = new AtomicBoolean();

    Quota(String vmId, long maxBytes, long maxInodes, Consumer<LimitWarning> warnings) {
        this.vmId = vmId;
        this.maxBytes = maxBytes;
        this.maxInodes = maxInodes;
        this.warnings = warnings;
    }

    /** No limit and no warnings: for frozen layers, which are charged to nobody. */
    static Quota unlimited() {
        return new Quota("-", Long.MAX_VALUE, Long.MAX_VALUE, w -> {});
    }

    void chargeBytes(long delta, String op, String path) {
        charge(bytes, delta, maxBytes, "maxFilesystemBytes", bytesWarned, op, path);
    }

    void chargeInode(String op, String path) {
        charge(inodes, 1, maxInodes, "maxInodeCount", inodesWarned, op, path);
    }

    void releaseBytes(long delta) {
        charge(bytes, -delta, maxBytes, "maxFilesystemBytes", bytesWarned, "release", null);
    }

    void releaseInode() {
        charge(inodes, -1, maxInodes, "maxInodeCount", inodesWarned, "release", null);
    }

    long bytes() {
        return bytes.get();
    }

    long inodes() {
        return inodes.get();
    }

    private void charge(AtomicLong counter, long delta, long max, String limit, AtomicBoolean warned, String op, String path) {
        long now;
        if (delta > 0) {
            while (true) {
                long cur = counter.get();
                if (cur + delta > max) {
                    throw new ErrnoException(Errno.ENOSPC, op, path, "VM filesystem limit limits.resources." + limit + "=" + max);
                }
                if (counter.compareAndSet(cur, cur + delta)) {
                    now = cur + delta;
                    break;
                }
            }
            if (now * 10 >= max * 8 && warned.compareAndSet(false, true)) {
                warnings.accept(new LimitWarning(vmId, "resources", limit, now, max));
            }
        } else {
            now = counter.addAndGet(delta);
            if (now * 10 < max * 7) {
                warned.set(false);
            }
        }
    }
}
