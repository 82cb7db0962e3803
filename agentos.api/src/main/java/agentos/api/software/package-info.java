/**
 * Software packages projected into a VM under {@code /opt/agentos}.
 */
@Export
@Version("1.0.0")
@NullMarked
package agentos.api.software;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
