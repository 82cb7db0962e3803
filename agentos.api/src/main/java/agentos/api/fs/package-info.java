/**
 * The {@code filesystem} namespace: files, directories, mounts and root snapshots of a VM.
 */
@Export
@Version("1.0.0")
@NullMarked
package agentos.api.fs;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
