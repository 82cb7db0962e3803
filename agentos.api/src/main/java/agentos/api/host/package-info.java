/**
 * Host functions: Java callbacks exposed to guests as {@code agentos-<collection>} commands.
 */
@Export
@Version("1.0.0")
@NullMarked
package agentos.api.host;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
