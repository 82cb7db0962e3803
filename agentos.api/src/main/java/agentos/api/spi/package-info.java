/**
 * Plugin SPIs, implemented by bundles and found through the OSGi service registry: executors, software
 * packages, mount plugins, agent adapters, the agent layer, session stores and command-line modes.
 */
@Export
@Version("1.6.0")
@NullMarked
package agentos.api.spi;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
