package agentos.api.process;

/** A terminal window size in character cells. */
public record PtySize(int cols, int rows) {
    public static final PtySize DEFAULT = new PtySize(80, 24);

    public PtySize {
        if (cols < 1 || rows < 1) {
            throw new IllegalArgumentException("PTY size must be at least 1x1, got " + cols + "x" + rows);
        }
    }
}
