package agentos.api.spi;

/** A process's disposition for one signal: the default action, ignore it, or let the program catch it. */
public enum SignalAction {
    DEFAULT,
    IGNORE,
    CATCH
}
