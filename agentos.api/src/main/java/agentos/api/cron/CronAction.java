package agentos.api.cron;

import agentos.api.session.OpenSessionOptions;
import java.util.List;

/** What a job does when it fires. */
public sealed interface CronAction {
    /** Runs a command in the VM ({@code exec} semantics). */
    record Exec(String command, List<String> args) implements CronAction {
        public Exec {
            args = List.copyOf(args);
        }
    }

    /** Opens the session described by {@code options} and prompts it with {@code prompt}. */
    record Session(OpenSessionOptions options, String prompt) implements CronAction {}

    /** Calls host code; not serialisable, so listed only as {@code callback}. */
    record Callback(Runnable callback) implements CronAction {}
}
