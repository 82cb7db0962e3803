package agentos.api.spi;

/**
 * Who performs a filesystem operation: a guest process ({@code pid > 0}) with its uid/gid, or the host
 * ({@link #HOST}, pid 0, root). Guests are subject to mode bits and to read-only guest paths; the host is not.
 */
public record Caller(int pid, int uid, int gid) {
    public static final Caller HOST = new Caller(0, 0, 0);

    public boolean isHost() {
        return pid == 0;
    }

    public boolean isRoot() {
        return uid == 0;
    }
}
