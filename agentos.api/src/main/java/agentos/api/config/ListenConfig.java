package agentos.api.config;

/** Ports guests may bind: {@code [portMin, portMax]}, and below 1024 only when {@code allowPrivileged}. */
public record ListenConfig(int portMin, int portMax, boolean allowPrivileged) {
    public static final ListenConfig DEFAULT = new ListenConfig(1, 65535, false);

    public ListenConfig {
        if (portMin < 1 || portMax > 65535 || portMin > portMax) {
            throw new IllegalArgumentException(
                    "listen port range must satisfy 1 <= portMin <= portMax <= 65535, got " + portMin + ".." + portMax);
        }
    }
}
