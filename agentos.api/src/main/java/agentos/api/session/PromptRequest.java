package agentos.api.session;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One prompt turn; a repeated {@code idempotencyKey} returns the first turn's result instead of prompting again. */
public record PromptRequest(String sessionId, @Nullable String idempotencyKey, List<ContentBlock> content) {
    public PromptRequest {
        content = List.copyOf(content);
        if (content.isEmpty()) {
            throw new IllegalArgumentException("a prompt needs at least one content block");
        }
    }

    public static PromptRequest text(String sessionId, String text) {
        return new PromptRequest(sessionId, null, List.of(ContentBlock.text(text)));
    }
}
