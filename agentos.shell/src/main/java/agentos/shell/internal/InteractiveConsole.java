package agentos.shell.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.TreeSet;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The interactive console: a JLine line editor (history in {@code ~/.agentos_history}, completion of command
 * names) over a Gogo session. Gogo's own consoles are not used: with {@code --nointeractive} (needed for the
 * scripted modes) gogo.jline 1.1.8 fails in its login profile, and gogo.shell's console has no line editing.
 */
final class InteractiveConsole {
    private InteractiveConsole() {}

    static int run(CommandProcessor processor, BundleContext context, PrintStream err) {
        try (Terminal terminal = TerminalBuilder.builder().name("agentos").system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("agentos")
                    .completer(new StringsCompleter(commandNames(context)))
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".agentos_history"))
                    .build();
            PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
            try (CommandSession session = processor.createSession(terminal.input(), out, out)) {
                out.println("Agent OS shell: 'help' lists commands (agentos:vms, agentos:create, …); 'exit' or Ctrl-D leaves.");
                while (true) {
                    String line;
                    try {
                        line = reader.readLine("agentos> ").strip();
                    } catch (UserInterruptException e) {
                        continue;
                    } catch (EndOfFileException e) {
                        return 0;
                    }
                    if (line.equals("exit") || line.equals("quit")) {
                        return 0;
                    }
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        CommandLine.execute(session, line, out, out);
                    }
                }
            }
        } catch (NoClassDefFoundError e) {
            err.println("agentos shell: the interactive console needs the org.jline bundle; "
                    + "use -c 'COMMANDS' or pipe commands on stdin instead");
            return 1;
        } catch (Exception e) {
            err.println("agentos shell: " + e.getMessage());
            return 1;
        }
    }

    /** {@code scope:function} and bare {@code function} for every registered Gogo command. */
    private static TreeSet<String> commandNames(BundleContext context) throws InvalidSyntaxException {
        TreeSet<String> names = new TreeSet<>();
        ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(osgi.command.scope=*)");
        if (refs == null) {
            return names;
        }
        for (ServiceReference<?> ref : refs) {
            Object scope = ref.getProperty("osgi.command.scope");
            Object functions = ref.getProperty("osgi.command.function");
            String[] fns = functions instanceof String[] a ? a : new String[] {String.valueOf(functions)};
            for (String fn : fns) {
                names.add(fn);
                names.add(scope + ":" + fn);
            }
        }
        return names;
    }
}
