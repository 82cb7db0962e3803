package agentos.shell.internal;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import agentos.api.AgentOs;
import agentos.api.spi.LauncherMode;
import org.jspecify.annotations.Nullable;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code ./agentos MODE …} entry point. The bnd launcher runs this {@code main.thread} service on the JVM's
 * main thread once the framework is up, and exits with its return value. It only exists under our launcher (it
 * needs the launcher's {@code launcher.arguments} service), so deploying the bundles elsewhere adds no CLI.
 */
@Component(service = Callable.class, property = "main.thread=true")
public final class CommandLine implements Callable<Integer> {
    static final int EX_USAGE = 2;
    static final int EX_UNAVAILABLE = 69;

    static final String USAGE = """
            Usage: agentos MODE [ARGS]

            Modes:
              shell [-c COMMANDS]   Gogo console with the agentos: commands. With -c, or with commands piped on
                                    stdin, runs them and exits (status 1 if one failed).
              version               print the Agent OS, framework and Java versions
              exec [OPTIONS] -- CMD run CMD with sh -c in a fresh VM (default software), stream its output
                                    and exit with its status. Options: --json (print one JSON object
                                    {"exitCode","stdout","stderr"} instead), --env K=V (repeatable),
                                    --cwd DIR, --timeout MS
              prompt --agent pi [--session ID] [--cwd DIR] [--yes|--no] TEXT
                                    one turn of an agent in a fresh VM: streams its text and tool calls,
                                    asks y/n on permission requests (--yes/--no answer them all), prints
                                    the stop reason. Needs ANTHROPIC_API_KEY (ANTHROPIC_BASE_URL optional);
                                    --session continues a stored conversation
              sidecar [OPTIONS]     serve the wire protocol (length-prefixed JSON frames) on stdin/stdout
                                    for agentos.client; exits when stdin closes. Options:
                                    --heartbeat-ms N (default 5000), --max-frame-bytes N
              quickstart            boot a VM, run a shell pipeline, then one Pi turn that creates a file
                                    (Anthropic with ANTHROPIC_API_KEY, else an embedded fake model server)
              --help                this text

            Examples:
              ./agentos shell -c 'agentos:create; agentos:vms'
              echo 'agentos:vms' | ./agentos shell
              ./agentos exec -- 'ls /etc | sort | head -3'
              ./agentos quickstart
            """;

    /** Modes other bundles contribute as {@link LauncherMode} services. */
    private static final List<String> CONTRIBUTED = List.of("sidecar", "prompt", "quickstart");

    private final CommandProcessor processor;
    private final BundleContext context;
    private final AgentOs agentOs;
    private final String[] args;

    @Activate
    public CommandLine(
            @Reference CommandProcessor processor,
            @Reference AgentOs agentOs,
            @Reference(service = Object.class, target = "(launcher.arguments=*)") Map<String, Object> launcher,
            BundleContext context) {
        this(processor, agentOs, context, launcher.get("launcher.arguments") instanceof String[] a ? a.clone() : new String[0]);
    }

    CommandLine(CommandProcessor processor, AgentOs agentOs, BundleContext context, String[] args) {
        this.processor = processor;
        this.agentOs = agentOs;
        this.context = context;
        this.args = args;
    }

    @Override
    public Integer call() {
        return run(args, System.in, System.out, System.err);
    }

    int run(String[] argv, InputStream in, PrintStream out, PrintStream err) {
        if (argv.length == 0) {
            err.print(USAGE);
            return EX_USAGE;
        }
        String mode = argv[0];
        String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
        switch (mode) {
            case "--help", "-h", "help" -> {
                out.print(USAGE);
                return 0;
            }
            case "version", "--version" -> {
                out.println(version());
                return 0;
            }
            case "shell" -> {
                return shell(rest, in, out, err);
            }
            case "exec" -> {
                return ExecMode.run(agentOs, rest, out, err);
            }
            default -> {
                LauncherMode contributed = contributed(mode);
                if (contributed != null) {
                    return contributed.run(List.of(rest), in, out, err);
                }
                if (CONTRIBUTED.contains(mode)) {
                    err.println("agentos " + mode + ": the bundle providing this mode is not installed or not active");
                    return EX_UNAVAILABLE;
                }
                err.println("agentos: unknown mode '" + mode + "'; run ./agentos --help for the list");
                return EX_USAGE;
            }
        }
    }

    /** The mode's service; waits briefly for one we know about, in case its bundle is still activating. */
    private @Nullable LauncherMode contributed(String mode) {
        String filter = "(" + LauncherMode.NAME + "=" + mode.replaceAll("[()*\\\\]", "") + ")";
        long deadline = System.nanoTime() + (CONTRIBUTED.contains(mode) ? 2_000_000_000L : 0);
        do {
            try {
                var refs = context.getServiceReferences(LauncherMode.class, filter);
                if (!refs.isEmpty()) {
                    LauncherMode service = context.getService(refs.iterator().next());
                    if (service != null) {
                        return service;
                    }
                }
                Thread.sleep(20);
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        } while (System.nanoTime() < deadline);
        return null;
    }

    String version() {
        Bundle framework = context.getBundle(Constants.SYSTEM_BUNDLE_ID);
        return "agentos " + context.getBundle().getVersion()
                + " (" + framework.getSymbolicName() + " " + framework.getVersion()
                + ", Java " + Runtime.version() + " " + System.getProperty("java.vendor") + ")";
    }

    private int shell(String[] rest, InputStream in, PrintStream out, PrintStream err) {
        if (rest.length >= 1 && rest[0].equals("-c")) {
            if (rest.length != 2) {
                err.println("agentos shell: -c takes exactly one argument, the commands (quote them)");
                return EX_USAGE;
            }
            return runScript(List.of(rest[1]), in, out, err);
        }
        if (rest.length > 0) {
            err.println("agentos shell: unexpected argument '" + rest[0] + "'; use -c 'COMMANDS'");
            return EX_USAGE;
        }
        if (System.console() != null && in == System.in) {
            return InteractiveConsole.run(processor, context, err);
        }
        try {
            return runScript(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList(), in, out, err);
        } catch (java.io.UncheckedIOException e) {
            err.println("agentos shell: cannot read commands from stdin: " + e.getMessage());
            return 1;
        }
    }

    /** Runs each non-blank, non-comment line as one Gogo program and prints its result; stops at the first failure. */
    int runScript(List<String> lines, InputStream in, PrintStream out, PrintStream err) {
        try (CommandSession session = processor.createSession(in, out, err)) {
            for (String line : lines) {
                String program = line.strip();
                if (program.isEmpty() || program.startsWith("#")) {
                    continue;
                }
                if (!execute(session, program, out, err)) {
                    return 1;
                }
            }
            out.flush();
            return 0;
        }
    }

    /** Executes one program, printing its formatted result to {@code out} or its error to {@code err}. */
    static boolean execute(CommandSession session, String program, PrintStream out, PrintStream err) {
        try {
            Object result = session.execute(program);
            if (result != null) {
                out.println(session.format(result, Converter.INSPECT));
            }
            return true;
        } catch (Exception e) {
            err.println("agentos: " + program + ": " + describe(e));
            return false;
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
