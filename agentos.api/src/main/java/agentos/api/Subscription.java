package agentos.api;

/** A registered listener; closing it unsubscribes. Closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
