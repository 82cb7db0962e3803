package agentos.api.config;

import java.util.List;
import java.util.Map;

/**
 * Guest name resolution: {@code overrides} (host → addresses) answer first, then the name servers (or the host's
 * resolver when empty), always subject to the VM's network policy.
 */
public record DnsConfig(List<String> nameServers, Map<String, List<String>> overrides) {
    public static final DnsConfig DEFAULT = new DnsConfig(List.of(), Map.of());

    public DnsConfig {
        nameServers = List.copyOf(nameServers);
        overrides = Map.copyOf(overrides);
    }
}
