package agentos.shell.internal;

import agentos.api.AgentOs;
import agentos.api.Vm;
import agentos.api.config.Json;
import agentos.api.config.VmConfig;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import agentos.api.process.Outcome;
import agentos.api.process.OutputCapture;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/** {@code agentos exec [--json] [--env K=V]… [--cwd DIR] [--timeout MS] -- CMD}: one command in a fresh VM. */
final class ExecMode {
    private ExecMode() {}

    static int run(AgentOs agentOs, String[] args, PrintStream out, PrintStream err) {
        boolean json = false;
        ExecOptions.Builder options = ExecOptions.builder();
        VmConfig.Builder config = VmConfig.builder();
        List<String> command = new ArrayList<>();
        int i = 0;
        for (; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                i++;
                break;
            }
            switch (a) {
                case "--json" -> json = true;
                case "--env", "--cwd", "--timeout" -> {
                    if (i + 1 >= args.length) {
                        err.println("agentos exec: " + a + " needs a value");
                        return CommandLine.EX_USAGE;
                    }
                    String v = args[++i];
                    if (a.equals("--env")) {
                        int eq = v.indexOf('=');
                        if (eq <= 0) {
                            err.println("agentos exec: --env takes NAME=VALUE, got '" + v + "'");
                            return CommandLine.EX_USAGE;
                        }
                        options.env(v.substring(0, eq), v.substring(eq + 1));
                    } else if (a.equals("--cwd")) {
                        if (!v.startsWith("/")) {
                            err.println("agentos exec: --cwd must be an absolute path in the VM, got '" + v + "'");
                            return CommandLine.EX_USAGE;
                        }
                        options.cwd(v);
                    } else {
                        try {
                            options.timeoutMs(Long.parseLong(v));
                        } catch (NumberFormatException e) {
                            err.println("agentos exec: --timeout takes milliseconds, got '" + v + "'");
                            return CommandLine.EX_USAGE;
                        }
                    }
                }
                default -> {
                    command.add(a);
                }
            }
        }
        for (; i < args.length; i++) {
            command.add(args[i]);
        }
        if (command.isEmpty()) {
            err.println("agentos exec: no command; usage: agentos exec [--json] [--env K=V] [--cwd DIR] -- 'CMD'");
            return CommandLine.EX_USAGE;
        }
        String cmd = String.join(" ", command);
        if (json) {
            options.capture(OutputCapture.ALL);
        } else {
            options.capture(OutputCapture.NONE);
            options.onStdout(b -> out.write(b, 0, b.length));
            options.onStderr(b -> err.write(b, 0, b.length));
        }
        Vm vm = agentOs.create(config.build());
        try {
            ExecResult r = vm.process().exec(cmd, options.build()).toCompletableFuture().get();
            out.flush();
            int status = r.exitCode() != null ? r.exitCode() : r.outcome() == Outcome.TIMED_OUT ? 124 : 1;
            if (json) {
                out.println("{\"exitCode\":" + status + ",\"stdout\":" + Json.quote(r.stdoutText()) + ",\"stderr\":"
                        + Json.quote(r.stderrText()) + "}");
            } else if (r.outcome() == Outcome.TIMED_OUT) {
                err.println("agentos exec: timed out");
            }
            return status;
        } catch (ExecutionException e) {
            err.println("agentos exec: " + e.getCause().getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            vm.dispose();
        }
    }
}
