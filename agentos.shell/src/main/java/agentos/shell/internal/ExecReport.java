package agentos.shell.internal;

/** The result of {@code agentos:exec}: what the command printed and its status. */
public record ExecReport(String vmId, int exitCode, String stdout, String stderr) {}
