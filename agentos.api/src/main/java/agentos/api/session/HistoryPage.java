package agentos.api.session;

import java.util.List;

/** A page of durable history, oldest first. */
public record HistoryPage(List<SessionStreamEntry.Durable> events, boolean hasMoreBefore, boolean hasMoreAfter) {
    public HistoryPage {
        events = List.copyOf(events);
    }
}
