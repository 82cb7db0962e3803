package agentos.api.spi;

/**
 * A socket address as the kernel sees it: {@code family} is {@link Syscalls#AF_INET}, {@link Syscalls#AF_INET6}
 * (address = numeric IP or a host name to resolve, port) or {@link Syscalls#AF_UNIX} (address = guest path,
 * port 0).
 */
public record SockAddr(int family, String address, int port) {
    public SockAddr {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
    }

    public static SockAddr inet(String address, int port) {
        return new SockAddr(address.indexOf(':') >= 0 ? Syscalls.AF_INET6 : Syscalls.AF_INET, address, port);
    }

    public static SockAddr unix(String path) {
        return new SockAddr(Syscalls.AF_UNIX, path, 0);
    }

    @Override
    public String toString() {
        return family == Syscalls.AF_UNIX ? address : (family == Syscalls.AF_INET6 ? "[" + address + "]" : address) + ":" + port;
    }
}
