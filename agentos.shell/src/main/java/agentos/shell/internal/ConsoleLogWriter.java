package agentos.shell.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * Writes log entries at or above {@code agentos.log.level} (default WARN) to stderr, so stdout stays free for
 * command output (and, later, protocol frames).
 */
@Component
public final class ConsoleLogWriter implements LogListener {
    private final LogReaderService reader;
    private final LogLevel threshold;

    @Activate
    public ConsoleLogWriter(@Reference LogReaderService reader, org.osgi.framework.BundleContext context) {
        this.reader = reader;
        String level = context.getProperty("agentos.log.level");
        this.threshold = parse(level);
        reader.addLogListener(this);
    }

    static LogLevel parse(String level) {
        if (level == null || level.isBlank()) {
            return LogLevel.WARN;
        }
        try {
            return LogLevel.valueOf(level.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("agentos: agentos.log.level '" + level + "' is not one of ERROR, WARN, INFO, DEBUG; using WARN");
            return LogLevel.WARN;
        }
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        if (!threshold.implies(entry.getLogLevel())) {
            return;
        }
        StringBuilder sb = new StringBuilder()
                .append(entry.getLogLevel()).append(' ')
                .append(entry.getBundle() == null ? "-" : entry.getBundle().getSymbolicName()).append(": ")
                .append(entry.getMessage());
        System.err.println(sb);
        if (entry.getException() != null) {
            entry.getException().printStackTrace(System.err);
        }
    }
}
