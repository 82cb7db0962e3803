package agentos.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.VmInfo;
import agentos.api.VmState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.util.List;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Converter;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

class CommandLineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Contributed modes the fake framework offers, by name. */
    private final java.util.Map<String, agentos.api.spi.LauncherMode> modes = new java.util.HashMap<>();

    private int run(String... argv) {
        // Modes tested here never reach the processor; the context only answers mode lookups.
        CommandProcessor processor = unused(CommandProcessor.class);
        BundleContext context = (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (p, m, a) -> switch (m.getName()) {
                    case "getServiceReferences" -> modes.keySet().stream()
                            .filter(n -> ((String) a[1]).contains("=" + n + ")")).map(CommandLineTest::reference).toList();
                    case "getService" -> modes.get((String) ((org.osgi.framework.ServiceReference<?>) a[0]).getProperty("name"));
                    default -> throw new AssertionError("unexpected call " + m.getName());
                });
        return new CommandLine(processor, unused(agentos.api.AgentOs.class), context, argv)
                .run(argv, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true), new PrintStream(err, true));
    }

    /** A service reference whose every property is the mode's name. */
    private static org.osgi.framework.ServiceReference<?> reference(String name) {
        return (org.osgi.framework.ServiceReference<?>) Proxy.newProxyInstance(CommandLineTest.class.getClassLoader(),
                new Class<?>[] {org.osgi.framework.ServiceReference.class},
                (p, m, a) -> m.getName().equals("getProperty") ? name : null);
    }

    private static <T> T unused(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            throw new AssertionError("unexpected call " + m.getName());
        }));
    }

    @Test
    void helpGoesToStdoutAndSucceeds() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("Usage: agentos MODE"));
        assertEquals("", err.toString());
    }

    @Test
    void noArgumentsIsAUsageError() {
        assertEquals(CommandLine.EX_USAGE, run());
        assertTrue(err.toString().contains("Usage: agentos MODE"));
    }

    @Test
    void agentModesSayWhichBundleIsMissing() {
        assertEquals(CommandLine.EX_UNAVAILABLE, run("prompt"));
        assertEquals("agentos prompt: the bundle providing this mode is not installed or not active\n", err.toString());
    }

    @Test
    void contributedModesRunWithTheirArguments() {
        java.util.List<String> seen = new java.util.ArrayList<>();
        modes.put("sidecar", (args, in, o, e) -> {
            seen.addAll(args);
            return 7;
        });
        assertEquals(7, run("sidecar", "--heartbeat-ms", "100"));
        assertEquals(java.util.List.of("--heartbeat-ms", "100"), seen);
    }

    @Test
    void aContributedModeWhoseBundleIsMissingSaysSo() {
        assertEquals(CommandLine.EX_UNAVAILABLE, run("sidecar"));
        assertTrue(err.toString().contains("not installed or not active"), err.toString());
    }

    @Test
    void execRejectsBadOptionsBeforeCreatingAVm() {
        assertEquals(CommandLine.EX_USAGE, run("exec", "--env", "NOEQUALS", "--", "true"));
        assertTrue(err.toString().contains("--env takes NAME=VALUE"));
        err.reset();
        assertEquals(CommandLine.EX_USAGE, run("exec", "--cwd", "relative", "--", "true"));
        assertTrue(err.toString().contains("absolute"));
        err.reset();
        assertEquals(CommandLine.EX_USAGE, run("exec"));
        assertTrue(err.toString().contains("no command"));
    }

    @Test
    void unknownModesAndBadShellArgumentsAreUsageErrors() {
        assertEquals(CommandLine.EX_USAGE, run("frobnicate"));
        assertTrue(err.toString().contains("unknown mode 'frobnicate'"));
        err.reset();
        assertEquals(CommandLine.EX_USAGE, run("shell", "-c"));
        assertTrue(err.toString().contains("-c takes exactly one argument"));
        err.reset();
        assertEquals(CommandLine.EX_USAGE, run("shell", "lb"));
        assertTrue(err.toString().contains("unexpected argument 'lb'"));
    }

    @Test
    void converterRendersVmTables() {
        ShellConverter c = new ShellConverter();
        VmInfo vm = new VmInfo("vm-1", VmState.READY, 0, 0, List.of(), List.of("/data"));
        String table = c.format(new VmList(List.of(vm)), Converter.INSPECT, null).toString();
        assertEquals("""
                ID    STATE  CREATED               PROCESSES  SOFTWARE  MOUNTS
                vm-1  ready  1970-01-01 00:00:00Z  0          -         /data""", table);
        assertEquals("vm-1", c.format(vm, Converter.LINE, null));
        assertTrue(c.format(new VmList(List.of()), Converter.INSPECT, null).toString().startsWith("no VMs"));
        assertEquals(null, c.format("other", Converter.INSPECT, null));
    }
}
