package agentos.api.session;

import agentos.api.config.Json;

/**
 * An ACP content block, kept as its exact JSON so every ACP block type (text, image, audio, resource,
 * resource_link) passes through unchanged. {@code type} is the block's discriminator.
 */
public record ContentBlock(String type, String json) {

    /** A text block. */
    public static ContentBlock text(String text) {
        return new ContentBlock("text", "{\"type\":\"text\",\"text\":" + Json.quote(text) + "}");
    }
}
