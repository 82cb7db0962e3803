package agentos.api.cron;

import agentos.api.Subscription;
import java.util.List;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/** The {@code cron} namespace: jobs scheduled on a VM, cancelled when the VM is disposed. */
@ProviderType
public interface Cron {

    /** Schedules a job and returns its id. */
    String schedule(CronJobOptions options);

    List<CronJobInfo> list();

    /** Cancels a job; {@code false} if there was none with this id. */
    boolean cancel(String jobId);

    Subscription onEvent(Consumer<CronEvent> listener);
}
