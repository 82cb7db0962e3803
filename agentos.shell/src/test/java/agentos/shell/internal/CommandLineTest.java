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

    private int run(String... argv) {
        // Modes tested here never reach the processor or the context; a call would fail the test.
        CommandProcessor processor = unused(CommandProcessor.class);
        BundleContext context = unused(BundleContext.class);
        return new CommandLine(processor, unused(agentos.api.AgentOs.class), context, argv)
                .run(argv, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true), new PrintStream(err, true));
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
    void plannedModesSayTheyAreNotAvailable() {
        assertEquals(CommandLine.EX_UNAVAILABLE, run("sidecar"));
        assertEquals("agentos sidecar: not yet available in this build; see ./agentos --help\n", err.toString());
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
