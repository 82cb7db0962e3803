/**
 * The {@code terminal} namespace: interactive shells on PTYs inside a VM.
 */
@Export
@Version("1.0.0")
@NullMarked
package agentos.api.terminal;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
