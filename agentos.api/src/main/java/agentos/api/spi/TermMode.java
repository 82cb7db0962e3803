package agentos.api.spi;

/**
 * The termios flags the PTY line discipline implements: canonical (line-buffered, erase) input, echo, signal
 * characters (^C, ^Z, ^\), CR→NL on input and NL→CR NL on output.
 */
public record TermMode(boolean canonical, boolean echo, boolean isig, boolean icrnl, boolean onlcr) {
    public static final TermMode COOKED = new TermMode(true, true, true, true, true);
    public static final TermMode RAW = new TermMode(false, false, false, false, false);
}
