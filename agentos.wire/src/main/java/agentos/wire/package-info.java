/**
 * The sidecar wire protocol: frames are a 4-byte big-endian length and a UTF-8 JSON object
 * {@code {"frame", "id", "ownership", "type", "payload"}}. See {@link agentos.wire.Frame} and the catalogue in
 * {@link agentos.wire.Wire}. Private to the sidecar and client bundles (each embeds a copy).
 */
@NullMarked
package agentos.wire;

import org.jspecify.annotations.NullMarked;
