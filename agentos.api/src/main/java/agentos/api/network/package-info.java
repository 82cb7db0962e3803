/**
 * The {@code network} namespace: HTTP requests from the host to servers running inside a VM.
 */
@Export
@Version("1.0.0")
@NullMarked
package agentos.api.network;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
