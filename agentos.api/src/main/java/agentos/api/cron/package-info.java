/**
 * Scheduled jobs (cron expressions or one-shot times) that run commands or agent prompts in a VM.
 */
@Export
@Version("1.0.0")
@NullMarked
package agentos.api.cron;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
