package agentos.api.cron;

/** What to do when a job fires while its previous run is still going: run anyway, skip, or queue one run. */
public enum OverlapPolicy {
    ALLOW,
    SKIP,
    QUEUE
}
