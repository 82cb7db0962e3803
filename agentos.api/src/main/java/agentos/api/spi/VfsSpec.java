package agentos.api.spi;

import agentos.api.LimitWarning;
import agentos.api.config.RootFilesystemConfig;
import agentos.api.config.UserConfig;
import agentos.api.config.VmLimits;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What a VM's filesystem is built from.
 *
 * @param vmId the VM, for messages
 * @param root the overlay root configuration
 * @param user the guest user (owner of its home and of /workspace)
 * @param limits filesystem bytes and inodes, readdir and walk bounds
 * @param guestReadOnlyPaths paths guests may read but never change (EROFS), e.g. the OS instructions
 * @param clockMs the VM's clock (ms since the epoch) for timestamps
 * @param limitWarnings receives a warning when bytes or inodes cross about 80 %
 */
public record VfsSpec(
        String vmId,
        RootFilesystemConfig root,
        UserConfig user,
        VmLimits.Resources limits,
        Set<String> guestReadOnlyPaths,
        LongSupplier clockMs,
        Consumer<LimitWarning> limitWarnings) {
    public VfsSpec {
        guestReadOnlyPaths = Set.copyOf(guestReadOnlyPaths);
    }
}
