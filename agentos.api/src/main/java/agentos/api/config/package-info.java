/**
 * VM configuration DTOs: user, software, mounts, root filesystem, permissions, limits, DNS and listen policy.
 */
@Export
@Version("1.1.0")
@NullMarked
package agentos.api.config;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
