/**
 * The {@code process} namespace: exec, spawn, signals, waits and output replay for VM processes.
 */
@Export
@Version("1.0.0")
@NullMarked
package agentos.api.process;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
