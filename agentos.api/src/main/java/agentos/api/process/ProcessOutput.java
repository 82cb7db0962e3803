package agentos.api.process;

/**
 * A chunk of process output, exactly the bytes written (never re-encoded).
 *
 * @param sequence position in the process's output stream, for de-duplication and replay cursors
 */
public record ProcessOutput(int pid, long sequence, OutputChannel channel, byte[] chunk, long timestampMs) {}
