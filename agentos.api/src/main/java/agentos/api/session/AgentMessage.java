package agentos.api.session;

import java.util.List;

/** The agent's completed message of a turn. */
public record AgentMessage(String id, List<ContentBlock> content) {
    public AgentMessage {
        content = List.copyOf(content);
    }
}
