/**
 * Language namespaces: JavaScript (with npm), TypeScript, Python and persistent execution contexts.
 */
@Export
@Version("1.0.0")
@NullMarked
package agentos.api.code;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
