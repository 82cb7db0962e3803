package agentos.kernel.internal;

import static agentos.kernel.internal.TestVms.print;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.Vm;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import agentos.api.process.ProcessExit;
import agentos.api.process.PtySize;
import agentos.api.process.Signal;
import agentos.api.spi.SignalAction;
import agentos.api.spi.Syscalls;
import agentos.api.spi.TermMode;
import agentos.api.terminal.ShellOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PTYs and their line discipline, terminals, advisory locks and poll. */
class TerminalsAndLocksTest {
    private TestVms vms;
    private Vm vm;

    @BeforeEach
    void setUp() {
        vms = new TestVms();
        // Reads lines from its terminal and answers each; exits on "quit" or EOF.
        vms.program("repl", (sys, argv, self) -> {
            print(sys, 1, "tty=" + sys.isatty(0) + (sys.isatty(0) ? " size=" + java.util.Arrays.toString(sys.tcgetwinsize(0)) : "") + "\n");
            byte[] buf = new byte[256];
            int n;
            while ((n = sys.read(0, buf, 0, buf.length)) > 0) {
                String line = new String(buf, 0, n, StandardCharsets.UTF_8).trim();
                if (line.equals("quit")) {
                    return 0;
                }
                print(sys, 1, "got " + line + "\n");
            }
            return 3;
        });
        vms.program("waiter", (sys, argv, self) -> {
            sys.sigaction(Signal.SIGWINCH, SignalAction.CATCH);
            try {
                sys.sleep(60_000);
            } catch (ErrnoException e) {
                print(sys, 1, "woke " + self.signals + " " + java.util.Arrays.toString(sys.tcgetwinsize(0)) + "\n");
                sys.sleep(60_000);
            }
            return 0;
        });
        vm = vms.vm();
    }

    @AfterEach
    void tearDown() {
        vms.close();
    }

    private static String awaitOutput(StringBuffer out, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && !out.toString().contains(expected)) {
            Thread.sleep(5);
        }
        return out.toString();
    }

    @Test
    void terminalEchoesCanonicalLinesAndTranslatesNewlines() throws Exception {
        String shell = vm.terminal().open(new ShellOptions("repl", List.of(), java.util.Map.of(), null, new PtySize(100, 30)));
        StringBuffer out = new StringBuffer();
        vm.terminal().onData(shell, b -> out.append(new String(b, StandardCharsets.UTF_8)));
        assertTrue(awaitOutput(out, "tty=true size=[100, 30]\r\n").contains("tty=true size=[100, 30]\r\n"), out.toString());
        vm.terminal().write(shell, "helo\u007flo\r".getBytes(StandardCharsets.UTF_8));
        String seen = awaitOutput(out, "got hello\r\n");
        assertTrue(seen.contains("helo\b \blo\r\n"), "typed input is echoed, erase included: " + seen);
        assertTrue(seen.contains("got hello\r\n"), seen);
        vm.terminal().write(shell, "quit\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, vm.terminal().waitFor(shell).toCompletableFuture().get(10, TimeUnit.SECONDS));
    }

    @Test
    void ctrlCInterruptsTheForegroundGroupAndCtrlDIsEndOfFile() throws Exception {
        String shell = vm.terminal().open(new ShellOptions("repl", List.of(), java.util.Map.of(), null, PtySize.DEFAULT));
        StringBuffer out = new StringBuffer();
        vm.terminal().onData(shell, b -> out.append(new String(b, StandardCharsets.UTF_8)));
        awaitOutput(out, "tty=true");
        vm.terminal().write(shell, new byte[] {3});
        assertEquals(128 + Signal.SIGINT.number(), vm.terminal().waitFor(shell).toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertTrue(awaitOutput(out, "^C").contains("^C"));

        String second = vm.terminal().open(new ShellOptions("repl", List.of(), java.util.Map.of(), null, PtySize.DEFAULT));
        vm.terminal().write(second, new byte[] {4});
        assertEquals(3, vm.terminal().waitFor(second).toCompletableFuture().get(10, TimeUnit.SECONDS));
    }

    @Test
    void resizeSendsSigwinchToTheForegroundGroup() throws Exception {
        String shell = vm.terminal().open(new ShellOptions("waiter", List.of(), java.util.Map.of(), null, PtySize.DEFAULT));
        StringBuffer out = new StringBuffer();
        vm.terminal().onData(shell, b -> out.append(new String(b, StandardCharsets.UTF_8)));
        Thread.sleep(100);
        vm.terminal().resize(shell, 132, 43);
        assertTrue(awaitOutput(out, "woke").contains("woke [SIGWINCH] [132, 43]"), out.toString());
        vm.terminal().close(shell);
        assertEquals(128 + Signal.SIGHUP.number(), vm.terminal().waitFor(shell).toCompletableFuture().get(10, TimeUnit.SECONDS));
    }

    @Test
    void execOnAPtyAndRawMode() throws Exception {
        vms.program("rawcheck", (sys, argv, self) -> {
            TermMode before = sys.tcgetattr(0);
            byte[] b = new byte[8];
            int n = sys.read(0, b, 0, b.length); // cooked: a whole line, echoed as it was typed
            sys.tcsetattr(0, TermMode.RAW); // raw: no NL -> CR NL on output any more
            print(sys, 1, "canonical=" + before.canonical() + " got=" + new String(b, 0, n, StandardCharsets.UTF_8));
            return 0;
        });
        TestVms.install(vm, "rawcheck");
        ExecResult r = vm.process().execFile("rawcheck", List.of(), ExecOptions.builder().pty(PtySize.DEFAULT).stdin("x\n").build())
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals("x\r\ncanonical=true got=x\n", r.stdoutText());
    }

    @Test
    void flockIsAdvisoryPerOpenFileAndReleasedOnClose() throws Exception {
        vms.program("locker", (sys, argv, self) -> {
            int a = sys.open("/tmp/lockfile", Syscalls.O_RDWR | Syscalls.O_CREAT, 0644);
            int b = sys.open("/tmp/lockfile", Syscalls.O_RDWR, 0);
            sys.flock(a, Syscalls.LOCK_EX);
            String second;
            try {
                sys.flock(b, Syscalls.LOCK_SH | Syscalls.LOCK_NB);
                second = "acquired";
            } catch (ErrnoException e) {
                second = e.errno().name();
            }
            int dupOfA = sys.dup(a);
            sys.flock(dupOfA, Syscalls.LOCK_EX | Syscalls.LOCK_NB); // same description: fine
            sys.close(a);
            sys.close(dupOfA);
            sys.flock(b, Syscalls.LOCK_SH | Syscalls.LOCK_NB);
            print(sys, 1, second + " then shared");
            return 0;
        });
        TestVms.install(vm, "locker");
        assertEquals("EAGAIN then shared", vm.process().execFile("locker", List.of(), ExecOptions.DEFAULT)
                .toCompletableFuture().get(10, TimeUnit.SECONDS).stdoutText());
    }

    @Test
    void pollReportsPipeReadinessAndHangup() throws Exception {
        vms.program("poller", (sys, argv, self) -> {
            int[] p = sys.pipe(0);
            short[] rev = new short[2];
            int ready = sys.poll(new int[] {p[0], p[1]}, new short[] {Syscalls.POLLIN, Syscalls.POLLOUT}, rev, 0);
            String first = ready + ":" + rev[0] + "," + rev[1];
            sys.write(p[1], new byte[] {1}, 0, 1);
            sys.poll(new int[] {p[0]}, new short[] {Syscalls.POLLIN}, rev, 1000);
            String second = Integer.toString(rev[0]);
            sys.close(p[1]);
            byte[] b = new byte[1];
            sys.read(p[0], b, 0, 1);
            sys.poll(new int[] {p[0]}, new short[] {Syscalls.POLLIN}, rev, 1000);
            print(sys, 1, first + " " + second + " " + rev[0]);
            return 0;
        });
        TestVms.install(vm, "poller");
        String out = vm.process().execFile("poller", List.of(), ExecOptions.DEFAULT).toCompletableFuture().get(10, TimeUnit.SECONDS).stdoutText();
        assertEquals("1:0," + Syscalls.POLLOUT + " " + Syscalls.POLLIN + " " + Syscalls.POLLHUP, out);
    }

    @Test
    void processesWaitOnEachOtherThroughPipesWithoutBusyHosts() throws Exception {
        var p = vm.process().spawn("repl", List.of(), agentos.api.process.SpawnOptions.DEFAULT);
        vm.process().writeStdin(p.pid(), "a\n".getBytes(StandardCharsets.UTF_8));
        vm.process().closeStdin(p.pid());
        ProcessExit exit = vm.process().waitFor(p.pid()).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(3, exit.exitCode(), "EOF on a pipe ends the loop");
        String out = vm.process().readOutput(p.pid(), 0).events().stream()
                .map(o -> new String(o.chunk(), StandardCharsets.UTF_8)).reduce("", String::concat);
        assertEquals("tty=false\ngot a\n", out);
    }
}
