/**
 * The agent layer: agents and durable ACP sessions with streamed events and permission requests.
 */
@Export
@Version("1.0.0")
@NullMarked
package agentos.api.session;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
