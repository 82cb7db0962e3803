package agentos.api.config;

import java.util.List;

/**
 * The guest user processes run as. The default is {@code agentos}, uid/gid 1000, home {@code /home/agentos}.
 */
public record UserConfig(
        int uid, int gid, String username, String groupName, String homedir, String shell, List<Integer> supplementaryGids) {
    public static final UserConfig DEFAULT =
            new UserConfig(1000, 1000, "agentos", "agentos", "/home/agentos", "/bin/sh", List.of());

    public UserConfig {
        if (uid < 0) {
            throw new IllegalArgumentException("user.uid must be >= 0, got " + uid);
        }
        if (gid < 0) {
            throw new IllegalArgumentException("user.gid must be >= 0, got " + gid);
        }
        supplementaryGids = List.copyOf(supplementaryGids);
    }
}
