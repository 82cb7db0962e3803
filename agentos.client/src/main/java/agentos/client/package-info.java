/**
 * The Java client: {@link agentos.client.AgentOsClient} starts an {@code agentos sidecar} process and offers the
 * {@link agentos.api.AgentOs} API over the wire protocol.
 */
@NullMarked
package agentos.client;

import org.jspecify.annotations.NullMarked;
