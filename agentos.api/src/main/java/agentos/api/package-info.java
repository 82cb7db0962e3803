/**
 * The Agent OS facade: {@link agentos.api.AgentOs} creates VMs, {@link agentos.api.Vm} groups each VM's
 * capabilities into namespaces, and the errno-shaped exceptions guests and hosts see.
 */
@Export
@Version("1.0.0")
@NullMarked
package agentos.api;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
