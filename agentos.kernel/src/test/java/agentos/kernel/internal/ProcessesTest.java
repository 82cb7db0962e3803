package agentos.kernel.internal;

import static agentos.kernel.internal.TestVms.print;
import static agentos.kernel.internal.TestVms.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.Vm;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import agentos.api.process.OutputChannel;
import agentos.api.process.OutputReplay;
import agentos.api.process.Outcome;
import agentos.api.process.ProcessDescriptor;
import agentos.api.process.ProcessExit;
import agentos.api.process.ProcessOutput;
import agentos.api.process.ProcessState;
import agentos.api.process.ProcessTreeNode;
import agentos.api.process.Signal;
import agentos.api.process.SpawnOptions;
import agentos.api.spi.SignalAction;
import agentos.api.spi.SpawnRequest;
import agentos.api.spi.Syscalls;
import agentos.api.spi.WaitStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Processes, fds, pipes, signals and exit statuses, with real kernel processes running Java test programs. */
class ProcessesTest {
    private TestVms vms;
    private Vm vm;

    static ExecResult await(java.util.concurrent.CompletionStage<ExecResult> s) throws Exception {
        return s.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    static ProcessExit awaitExit(java.util.concurrent.CompletionStage<ProcessExit> s) throws Exception {
        return s.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @BeforeEach
    void setUp() {
        vms = new TestVms();
        vms.program("echo", (sys, argv, self) -> {
            print(sys, 1, String.join(" ", argv.subList(1, argv.size())) + "\n");
            return 0;
        });
        vms.program("cat", (sys, argv, self) -> {
            if (argv.size() > 1) {
                for (String f : argv.subList(1, argv.size())) {
                    int fd = sys.open(f, Syscalls.O_RDONLY, 0);
                    print(sys, 1, readAll(sys, fd));
                    sys.close(fd);
                }
            } else {
                byte[] buf = new byte[4096];
                int n;
                while ((n = sys.read(0, buf, 0, buf.length)) > 0) {
                    sys.write(1, buf, 0, n);
                }
            }
            return 0;
        });
        vms.program("fail", (sys, argv, self) -> {
            print(sys, 2, "failing with " + argv.get(1) + "\n");
            return Integer.parseInt(argv.get(1));
        });
        vms.program("sleep", (sys, argv, self) -> {
            sys.sleep(Long.parseLong(argv.get(1)));
            return 0;
        });
        vms.program("yes", (sys, argv, self) -> {
            byte[] y = "y\n".getBytes(StandardCharsets.UTF_8);
            while (true) {
                sys.write(1, y, 0, y.length);
            }
        });
        vms.program("head1", (sys, argv, self) -> {
            byte[] b = new byte[2];
            int n = sys.read(0, b, 0, 2);
            sys.write(1, b, 0, n);
            return 0;
        });
        vms.program("env", (sys, argv, self) -> {
            StringBuilder sb = new StringBuilder();
            sys.environ().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            sb.append("cwd=").append(sys.getcwd()).append('\n');
            print(sys, 1, sb.toString());
            return 0;
        });
        // A tiny shell for tests: "-c" with "a b | c d" pipelines, and exit N.
        vms.program("sh", (sys, argv, self) -> {
            String script = argv.get(2).trim();
            if (script.startsWith("exit ")) {
                return Integer.parseInt(script.substring(5).trim());
            }
            String[] stages = script.split("\\|");
            int in = -1;
            List<Integer> pids = new ArrayList<>();
            for (int i = 0; i < stages.length; i++) {
                List<String> words = Arrays.asList(stages[i].trim().split("\\s+"));
                int[] pipe = i < stages.length - 1 ? sys.pipe(Syscalls.O_CLOEXEC) : null;
                try {
                    pids.add(sys.spawn(new SpawnRequest(words, sys.environ(), null, in, pipe == null ? -1 : pipe[1], -1)));
                } catch (ErrnoException e) {
                    print(sys, 2, "sh: " + words.get(0) + ": " + (e.errno() == Errno.ENOENT ? "command not found" : e.getMessage()) + "\n");
                    return e.errno() == Errno.ENOENT ? 127 : 126;
                }
                if (in >= 0) {
                    sys.close(in);
                }
                if (pipe != null) {
                    sys.close(pipe[1]);
                    in = pipe[0];
                }
            }
            int status = 0;
            for (int pid : pids) {
                status = sys.waitpid(pid, 0).status();
            }
            return status;
        });
        vm = vms.vm();
    }

    @AfterEach
    void tearDown() {
        vms.close();
    }

    /**
     * A process's time limits (the VM's wall-clock limit, a day by default, and an exec timeout) must not keep it —
     * and through it its VM — alive after it exits: a long-running runtime would otherwise retain every VM it ever ran.
     */
    @Test
    void aDisposedVmWhoseProcessesExitedIsGarbage() throws Exception {
        Vm other = vms.vm();
        assertEquals("hi\n", await(other.process().exec("echo hi", ExecOptions.builder().timeoutMs(600_000).build())).stdoutText());
        ProcessExit exit = awaitExit(other.process().waitFor(other.process().spawn("echo", List.of("x"), SpawnOptions.DEFAULT).pid()));
        assertEquals(0, exit.exitCode());
        other.dispose();
        java.lang.ref.WeakReference<Vm> ref = new java.lang.ref.WeakReference<>(other);
        other = null;
        // Threads of the exited processes may still be finishing; the timers this guards against last a minute or a day.
        for (int i = 0; i < 200 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertEquals(null, ref.get(), "the disposed VM is still reachable");
    }

    @Test
    void execRunsThroughTheShellAndCapturesOutput() throws Exception {
        ExecResult r = await(vm.process().exec("echo hello world"));
        assertEquals(Outcome.SUCCEEDED, r.outcome());
        assertEquals(0, r.exitCode());
        assertEquals("hello world\n", r.stdoutText());
        assertNull(r.error());
    }

    @Test
    void pipelinesAndExitStatuses() throws Exception {
        assertEquals("piped\n", await(vm.process().exec("echo piped | cat | cat")).stdoutText());
        ExecResult three = await(vm.process().exec("exit 3"));
        assertEquals(Outcome.FAILED, three.outcome());
        assertEquals(3, three.exitCode());
        ExecResult f = await(vm.process().execFile("fail", List.of("5"), ExecOptions.DEFAULT));
        assertEquals(5, f.exitCode());
        assertEquals("failing with 5\n", f.stderrText());
    }

    @Test
    void missingCommandsExit127WithCommandNotFound() throws Exception {
        ExecResult direct = await(vm.process().execFile("no-such-tool", List.of(), ExecOptions.DEFAULT));
        assertEquals(127, direct.exitCode());
        assertEquals("no-such-tool: command not found\n", direct.stderrText());
        ExecResult viaShell = await(vm.process().exec("no-such-tool --flag"));
        assertEquals(127, viaShell.exitCode());
        assertTrue(viaShell.stderrText().contains("command not found"), viaShell.stderrText());
    }

    @Test
    void nonExecutableAndUnknownFormatsExit126() throws Exception {
        vm.filesystem().writeFile("/workspace/data.bin", new byte[] {1, 2, 3});
        ExecResult notExec = await(vm.process().execFile("/workspace/data.bin", List.of(), ExecOptions.DEFAULT));
        assertEquals(126, notExec.exitCode());
        vm.filesystem().chmod("/workspace/data.bin", 0755);
        ExecResult unknown = await(vm.process().execFile("/workspace/data.bin", List.of(), ExecOptions.DEFAULT));
        assertEquals(126, unknown.exitCode());
        assertTrue(unknown.stderrText().contains("ENOEXEC"), unknown.stderrText());
    }

    @Test
    void stdinEnvAndCwd() throws Exception {
        ExecResult r = await(vm.process().execFile("cat", List.of(), ExecOptions.builder().stdin("from stdin").build()));
        assertEquals("from stdin", r.stdoutText());
        ExecResult env = await(vm.process().execFile("env", List.of(),
                ExecOptions.builder().env("GREETING", "hi").cwd("/tmp").build()));
        String out = env.stdoutText();
        assertTrue(out.contains("GREETING=hi\n"), out);
        assertTrue(out.contains("HOME=/home/agentos\n"), out);
        assertTrue(out.contains("PATH=" + Kernel.DEFAULT_PATH + "\n"), out);
        assertTrue(out.contains("cwd=/tmp\n"), out);
        ExecResult defaultCwd = await(vm.process().execFile("env", List.of(), ExecOptions.DEFAULT));
        assertTrue(defaultCwd.stdoutText().contains("cwd=/workspace\n"));
    }

    @Test
    void filesWrittenByOneProcessAreReadByTheNextAndByTheHost() throws Exception {
        vms.program("writer", (sys, argv, self) -> {
            int fd = sys.open("notes.txt", Syscalls.O_WRONLY | Syscalls.O_CREAT | Syscalls.O_TRUNC, 0644);
            print(sys, fd, "written in the VM\n");
            sys.close(fd);
            return 0;
        });
        TestVms.install(vm, "writer");
        assertEquals(0, await(vm.process().execFile("writer", List.of(), ExecOptions.DEFAULT)).exitCode());
        assertEquals("written in the VM\n", await(vm.process().execFile("cat", List.of("notes.txt"), ExecOptions.DEFAULT)).stdoutText());
        assertEquals("written in the VM\n", new String(vm.filesystem().readFile("/workspace/notes.txt"), StandardCharsets.UTF_8));
        assertEquals(1000, vm.filesystem().stat("/workspace/notes.txt").uid());
    }

    @Test
    void aPipeHoldsMoreThan64KiBBeforeTheReaderStarts() throws Exception {
        int size = 300 * 1024;
        vms.program("producer", (sys, argv, self) -> {
            byte[] chunk = new byte[1024];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < size / 1024; i++) {
                sys.write(1, chunk, 0, chunk.length);
            }
            return 0;
        });
        vms.program("substitute", (sys, argv, self) -> {
            int[] p = sys.pipe(0);
            int pid = sys.spawn(new SpawnRequest(List.of("producer"), sys.environ(), null, -1, p[1], -1));
            sys.close(p[1]);
            WaitStatus st = sys.waitpid(pid, 0); // like $(…): wait for the child first, read after
            String all = readAll(sys, p[0]);
            print(sys, 1, st.status() + ":" + all.length());
            return 0;
        });
        TestVms.install(vm, "producer");
        TestVms.install(vm, "substitute");
        ExecResult r = await(vm.process().execFile("substitute", List.of(), ExecOptions.DEFAULT));
        assertEquals("0:" + size, r.stdoutText());
    }

    @Test
    void fdsAreInheritedExceptCloseOnExecAndDescriptionsShareOffsets() throws Exception {
        vms.program("child-writes-3", (sys, argv, self) -> {
            print(sys, 3, "child\n");
            try {
                sys.write(4, new byte[] {'!'}, 0, 1);
                return 9;
            } catch (ErrnoException e) {
                return e.errno() == Errno.EBADF ? 0 : 8;
            }
        });
        vms.program("parent", (sys, argv, self) -> {
            int fd = sys.open("/tmp/shared", Syscalls.O_WRONLY | Syscalls.O_CREAT | Syscalls.O_TRUNC, 0644);
            if (fd != 3) {
                return 20 + fd;
            }
            int hidden = sys.open("/tmp/hidden", Syscalls.O_WRONLY | Syscalls.O_CREAT | Syscalls.O_CLOEXEC, 0644);
            print(sys, 3, "parent\n");
            int pid = sys.spawn(new SpawnRequest(List.of("child-writes-3"), sys.environ(), null, -1, -1, -1));
            int status = sys.waitpid(pid, 0).status();
            int dup = sys.dup(3);
            print(sys, dup, "after\n");
            sys.close(hidden);
            return status;
        });
        TestVms.install(vm, "child-writes-3");
        TestVms.install(vm, "parent");
        assertEquals(0, await(vm.process().execFile("parent", List.of(), ExecOptions.DEFAULT)).exitCode());
        assertEquals("parent\nchild\nafter\n", new String(vm.filesystem().readFile("/tmp/shared"), StandardCharsets.UTF_8));
    }

    @Test
    void lowestFreeFdAndDup2() throws Exception {
        vms.program("fds", (sys, argv, self) -> {
            int a = sys.open("/etc/hostname", Syscalls.O_RDONLY, 0);
            int b = sys.open("/etc/hostname", Syscalls.O_RDONLY, 0);
            sys.close(a);
            int c = sys.open("/etc/os-release", Syscalls.O_RDONLY, 0);
            sys.dup2(c, 10);
            byte[] buf = new byte[5];
            sys.read(10, buf, 0, 5);
            sys.read(c, buf, 0, 5); // shared offset: continues after "NAME="
            print(sys, 1, a + "," + b + "," + c + "," + new String(buf, StandardCharsets.UTF_8));
            return 0;
        });
        TestVms.install(vm, "fds");
        assertEquals("3,4,3,\"Alpi", await(vm.process().execFile("fds", List.of(), ExecOptions.DEFAULT)).stdoutText());
    }

    @Test
    void signalsTerminateWith128PlusN() throws Exception {
        for (Signal s : List.of(Signal.SIGTERM, Signal.SIGKILL, Signal.SIGINT, Signal.SIGHUP)) {
            ProcessDescriptor p = vm.process().spawn("sleep", List.of("60000"), SpawnOptions.DEFAULT);
            vm.process().signal(p.pid(), s);
            ProcessExit exit = awaitExit(vm.process().waitFor(p.pid()));
            assertEquals(ProcessExit.Kind.SIGNALLED, exit.kind(), s.name());
            assertEquals(s, exit.signal());
            assertEquals(128 + s.number(), exit.status());
        }
    }

    @Test
    void caughtSignalsInterruptBlockingCallsAndIgnoredOnesDoNothing() throws Exception {
        vms.program("trap", (sys, argv, self) -> {
            sys.sigaction(Signal.SIGTERM, SignalAction.CATCH);
            sys.sigaction(Signal.SIGUSR1, SignalAction.IGNORE);
            try {
                sys.sleep(60_000);
                return 1;
            } catch (ErrnoException e) {
                return e.errno() == Errno.EINTR && self.signals.contains(Signal.SIGTERM) ? 7 : 2;
            }
        });
        TestVms.install(vm, "trap");
        ProcessDescriptor p = vm.process().spawn("trap", List.of(), SpawnOptions.DEFAULT);
        awaitState(p.pid(), () -> true);
        Thread.sleep(50);
        vm.process().signal(p.pid(), Signal.SIGUSR1);
        vm.process().signal(p.pid(), Signal.SIGTERM);
        ProcessExit exit = awaitExit(vm.process().waitFor(p.pid()));
        assertEquals(ProcessExit.Kind.EXITED, exit.kind());
        assertEquals(7, exit.exitCode());
    }

    @Test
    void stopAndContinue() throws Exception {
        ProcessDescriptor p = vm.process().spawn("sleep", List.of("60000"), SpawnOptions.DEFAULT);
        vm.process().signal(p.pid(), Signal.SIGSTOP);
        assertEquals(ProcessState.STOPPED, vm.process().get(p.pid()).orElseThrow().state());
        vm.process().signal(p.pid(), Signal.SIGCONT);
        assertEquals(ProcessState.RUNNING, vm.process().get(p.pid()).orElseThrow().state());
        vm.process().kill(p.pid());
        assertEquals(137, awaitExit(vm.process().waitFor(p.pid())).status());
    }

    @Test
    void writerGetsSigpipeWhenTheReaderIsGone() throws Exception {
        ExecResult r = await(vm.process().exec("yes | head1"));
        assertEquals("y\n", r.stdoutText());
        assertEquals(0, r.exitCode(), "the pipeline's status is the last command's");
        vms.program("pipeline-status", (sys, argv, self) -> {
            // Close-on-exec, as shells do: otherwise the writer would inherit the read end and never see EPIPE.
            int[] p = sys.pipe(Syscalls.O_CLOEXEC);
            int writer = sys.spawn(new SpawnRequest(List.of("yes"), sys.environ(), null, -1, p[1], -1));
            int reader = sys.spawn(new SpawnRequest(List.of("head1"), sys.environ(), null, p[0], -1, -1));
            sys.close(p[0]);
            sys.close(p[1]);
            sys.waitpid(reader, 0);
            return sys.waitpid(writer, 0).status();
        });
        TestVms.install(vm, "pipeline-status");
        assertEquals(128 + 13, await(vm.process().execFile("pipeline-status", List.of(), ExecOptions.DEFAULT)).exitCode());
    }

    @Test
    void waitpidReapsZombiesAndReportsEchild() throws Exception {
        vms.program("reaper", (sys, argv, self) -> {
            try {
                sys.waitpid(-1, 0);
                return 1;
            } catch (ErrnoException e) {
                if (e.errno() != Errno.ECHILD) {
                    return 2;
                }
            }
            int pid = sys.spawn(new SpawnRequest(List.of("fail", "4"), sys.environ(), null, -1, -1, -1));
            WaitStatus none = null;
            long deadline = System.currentTimeMillis() + 5000;
            while (System.currentTimeMillis() < deadline) {
                none = sys.waitpid(pid, Syscalls.WNOHANG);
                if (none.pid() == pid) {
                    break;
                }
                sys.sleep(5);
            }
            if (none == null || none.pid() != pid || none.exitCode() != 4) {
                return 3;
            }
            try {
                sys.waitpid(pid, 0);
                return 4;
            } catch (ErrnoException e) {
                return e.errno() == Errno.ECHILD ? 0 : 5;
            }
        });
        TestVms.install(vm, "reaper");
        ExecResult r = await(vm.process().execFile("reaper", List.of(), ExecOptions.DEFAULT));
        assertEquals(0, r.exitCode(), r.stderrText());
    }

    @Test
    void processListAndTree() throws Exception {
        vms.program("tree-parent", (sys, argv, self) -> {
            sys.spawn(new SpawnRequest(List.of("sleep", "60000"), sys.environ(), null, -1, -1, -1));
            sys.sleep(60_000);
            return 0;
        });
        TestVms.install(vm, "tree-parent");
        ProcessDescriptor parent = vm.process().spawn("tree-parent", List.of(), SpawnOptions.DEFAULT);
        List<ProcessTreeNode> tree = awaitTree(parent.pid());
        ProcessTreeNode root = tree.stream().filter(n -> n.process().pid() == parent.pid()).findFirst().orElseThrow();
        assertEquals(1, root.children().size());
        ProcessDescriptor child = root.children().get(0).process();
        assertEquals(parent.pid(), child.ppid());
        assertEquals(parent.pgid(), child.pgid());
        assertEquals("/usr/local/bin/sleep", child.command());
        assertEquals(List.of("60000"), child.args());
        assertEquals("javatest", child.executor());
        assertTrue(vm.process().list().size() >= 2);
        vm.process().signal(-parent.pgid(), Signal.SIGKILL);
        awaitExit(vm.process().waitFor(parent.pid()));
    }

    private List<ProcessTreeNode> awaitTree(int pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<ProcessTreeNode> tree = vm.process().tree();
            if (tree.stream().anyMatch(n -> n.process().pid() == pid && !n.children().isEmpty())) {
                return tree;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("child did not appear");
    }

    private void awaitState(int pid, java.util.function.BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && !cond.getAsBoolean()) {
            Thread.sleep(5);
        }
    }

    @Test
    void timeoutsKillAndReportTimedOut() throws Exception {
        ExecResult r = await(vm.process().execFile("sleep", List.of("60000"), ExecOptions.builder().timeoutMs(100).build()));
        assertEquals(Outcome.TIMED_OUT, r.outcome());
        assertEquals("ETIMEDOUT", r.error().code());
    }

    @Test
    void spawnStreamsStdinAndOutputAndReplaysIt() throws Exception {
        ProcessDescriptor p = vm.process().spawn("cat", List.of(), SpawnOptions.DEFAULT);
        List<String> live = new CopyOnWriteArrayList<>();
        vm.process().onOutput(p.pid(), o -> live.add(new String(o.chunk(), StandardCharsets.UTF_8)));
        vm.process().writeStdin(p.pid(), "one\n".getBytes(StandardCharsets.UTF_8));
        vm.process().writeStdin(p.pid(), "two\n".getBytes(StandardCharsets.UTF_8));
        vm.process().closeStdin(p.pid());
        ProcessExit exit = awaitExit(vm.process().waitFor(p.pid()));
        assertEquals(0, exit.exitCode());
        assertEquals("one\ntwo\n", String.join("", live));
        ErrnoException closed = assertThrows(ErrnoException.class, () -> vm.process().writeStdin(p.pid(), new byte[] {1}));
        assertEquals(Errno.EPIPE, closed.errno());

        OutputReplay all = vm.process().readOutput(p.pid(), 0);
        assertEquals("one\ntwo\n", all.events().stream().map(o -> new String(o.chunk(), StandardCharsets.UTF_8)).reduce("", String::concat));
        assertTrue(all.events().stream().allMatch(o -> o.channel() == OutputChannel.STDOUT));
        long first = all.events().get(0).sequence();
        OutputReplay rest = vm.process().readOutput(p.pid(), first);
        assertEquals(all.events().size() - 1, rest.events().size());
        assertFalse(all.truncated());
        List<ProcessExit> exits = new ArrayList<>();
        vm.process().onExit(p.pid(), exits::add);
        assertEquals(List.of(exit), exits, "onExit fires at once for an exited process");
    }

    @Test
    void outputCaptureModesAndStreamingCallbacks() throws Exception {
        List<String> streamed = new CopyOnWriteArrayList<>();
        ExecResult none = await(vm.process().execFile("fail", List.of("1"), ExecOptions.builder()
                .capture(agentos.api.process.OutputCapture.NONE)
                .onStderr(b -> streamed.add(new String(b, StandardCharsets.UTF_8))).build()));
        assertNull(none.stdout());
        assertNull(none.stderr());
        assertEquals(List.of("failing with 1\n"), streamed);
        ExecResult errOnly = await(vm.process().execFile("fail", List.of("1"),
                ExecOptions.builder().capture(agentos.api.process.OutputCapture.STDERR).build()));
        assertNull(errOnly.stdout());
        assertEquals("failing with 1\n", errOnly.stderrText());
    }

    @Test
    void procShowsProcesses() throws Exception {
        vms.program("self", (sys, argv, self) -> {
            int fd = sys.open("/proc/self/cmdline", Syscalls.O_RDONLY, 0);
            String cmdline = readAll(sys, fd);
            List<String> fds = sys.readdir("/proc/self/fd").stream().map(e -> e.name()).toList();
            print(sys, 1, cmdline.replace('\0', ' ').trim() + "|" + sys.readlink("/proc/self/cwd") + "|" + fds + "|"
                    + sys.readlink("/proc/" + sys.pid() + "/fd/" + fd));
            return 0;
        });
        TestVms.install(vm, "self");
        ExecResult r = await(vm.process().execFile("self", List.of("a", "b"), ExecOptions.DEFAULT));
        assertTrue(r.stdoutText().matches("self a b\\|/workspace\\|\\[0, 1, 2, 3\\]\\|/proc/[0-9]+/cmdline"), r.stdoutText());
        ErrnoException w = assertThrows(ErrnoException.class, () -> vm.filesystem().writeFile("/proc/x", new byte[0]));
        assertEquals(Errno.EROFS, w.errno());
        assertTrue(new String(vm.filesystem().readFile("/proc/mounts"), StandardCharsets.UTF_8).contains("proc /proc"));
    }

    @Test
    void shebangsPickTheInterpreter() throws Exception {
        vms.program("interp", (sys, argv, self) -> {
            print(sys, 1, String.join(",", argv));
            return 0;
        });
        TestVms.install(vm, "interp");
        vm.filesystem().writeFile("/workspace/script", "#!/usr/local/bin/interp -x\nbody\n");
        vm.filesystem().writeFile("/workspace/envscript", "#!/usr/bin/env interp\nbody\n");
        vm.filesystem().chmod("/workspace/script", 0755);
        vm.filesystem().chmod("/workspace/envscript", 0755);
        assertEquals("/usr/local/bin/interp,-x,/workspace/script,arg",
                await(vm.process().execFile("./script", List.of("arg"), ExecOptions.DEFAULT)).stdoutText());
        assertEquals("interp,/workspace/envscript",
                await(vm.process().execFile("/workspace/envscript", List.of(), ExecOptions.DEFAULT)).stdoutText());
    }

    @Test
    void unknownProcessesAreEsrch() {
        assertEquals(Errno.ESRCH, assertThrows(ErrnoException.class, () -> vm.process().signal(99999, Signal.SIGTERM)).errno());
        assertTrue(vm.process().get(99999).isEmpty());
        Exception e = assertThrows(Exception.class, () -> vm.process().waitFor(99999).toCompletableFuture().get());
        assertTrue(e.getCause() instanceof ErrnoException);
    }

    @Test
    void disposingTheVmKillsItsProcesses() throws Exception {
        ProcessDescriptor p = vm.process().spawn("sleep", List.of("60000"), SpawnOptions.DEFAULT);
        var exit = vm.process().waitFor(p.pid());
        vm.dispose();
        assertTrue(awaitExit(exit).status() > 128);
    }

    @Test
    void envPolicyHidesVariables() throws Exception {
        Vm restricted = vms.vm(agentos.api.config.VmConfig.builder()
                .env("SECRET_TOKEN", "x").env("VISIBLE", "y")
                .permissions(new agentos.api.config.PermissionPolicy(null, null, null, null,
                        agentos.api.config.ScopePolicy.of(agentos.api.config.PermissionMode.ALLOW,
                                agentos.api.config.PermissionRule.of(agentos.api.config.PermissionMode.DENY, "read", "SECRET_*")),
                        null))
                .build());
        String out = await(restricted.process().execFile("env", List.of(), ExecOptions.DEFAULT)).stdoutText();
        assertTrue(out.contains("VISIBLE=y"), out);
        assertFalse(out.contains("SECRET_TOKEN"), out);
    }

    static Map<String, String> noEnv() {
        return Map.of();
    }
}
