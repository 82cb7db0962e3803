package agentos.api.process;

import java.util.List;

/**
 * A page of retained output. Pass {@code nextCursor} as {@code after} to read on; {@code truncated} says older
 * output was dropped to stay within the retention limit.
 */
public record OutputReplay(List<ProcessOutput> events, long nextCursor, boolean hasMore, boolean truncated) {
    public OutputReplay {
        events = List.copyOf(events);
    }
}
