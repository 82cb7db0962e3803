package agentos.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import agentos.api.AgentOs;
import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.LimitWarning;
import agentos.api.config.VmConfig;
import agentos.api.config.VmLimits;
import agentos.api.NotAvailableException;
import agentos.api.Vm;
import agentos.api.VmInfo;
import agentos.api.VmLifecycleEvent;
import agentos.api.VmNotFoundException;
import agentos.api.VmState;
import agentos.api.fs.DirEntry;
import agentos.api.fs.FileStat;
import agentos.api.fs.FileType;
import agentos.api.fs.FileWrite;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import agentos.api.process.OutputReplay;
import agentos.api.process.ProcessDescriptor;
import agentos.api.process.ProcessExit;
import agentos.api.process.ProcessState;
import agentos.api.process.ProcessTreeNode;
import agentos.api.process.Signal;
import agentos.api.process.SpawnOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The behaviour every {@link AgentOs} must show, whether in-framework or through the client and sidecar. Each
 * subclass supplies the implementation; the assertions are identical.
 */
public abstract class FacadeContract {
    /** Upper bound for one guest operation, so a broken implementation fails instead of hanging the build. */
    private static final long WAIT_S = 60;

    protected abstract AgentOs agentOs();

    private Vm vm;

    @Before
    public void createVm() {
        vm = agentOs().create();
    }

    @After
    public void disposeVm() {
        if (vm != null) {
            vm.dispose();
        }
    }

    private static <T> T await(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
    }

    @Test
    public void filesystemRoundTripsBytesAndMetadata() {
        var fs = vm.filesystem();
        fs.mkdir("/workspace/a/b", true);
        byte[] binary = new byte[300];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        fs.writeFile("/workspace/a/b/bin.dat", binary);
        fs.writeFile("/workspace/a/note.txt", "héllo\n");
        assertArrayEquals(binary, fs.readFile("/workspace/a/b/bin.dat"));
        assertEquals("héllo\n", new String(fs.readFile("/workspace/a/note.txt"), StandardCharsets.UTF_8));
        FileStat st = fs.stat("/workspace/a/b/bin.dat");
        assertEquals(FileType.FILE, st.type());
        assertEquals(300, st.size());
        assertEquals(List.of("b", "note.txt"), fs.readdir("/workspace/a"));
        assertEquals(List.of(new DirEntry("b", FileType.DIRECTORY), new DirEntry("note.txt", FileType.FILE)),
                fs.readdirEntries("/workspace/a"));
        assertTrue(fs.readdirRecursive("/workspace/a").contains("/workspace/a/b/bin.dat"));
        fs.move("/workspace/a/note.txt", "/workspace/a/renamed.txt");
        assertFalse(fs.exists("/workspace/a/note.txt"));
        assertTrue(fs.exists("/workspace/a/renamed.txt"));
        fs.chmod("/workspace/a/renamed.txt", 0600);
        assertEquals(0600, fs.stat("/workspace/a/renamed.txt").mode() & 07777);
        var batch = fs.writeFiles(List.of(FileWrite.of("/workspace/x.txt", "x"), FileWrite.of("/nodir/y.txt", "y")));
        assertTrue(batch.get(0).ok());
        assertFalse(batch.get(1).ok());
        assertEquals(Errno.ENOENT, batch.get(1).errno());
        fs.remove("/workspace/a", true);
        assertFalse(fs.exists("/workspace/a"));
    }

    @Test
    public void filesystemErrorsKeepErrnoSyscallAndPath() {
        ErrnoException e = assertThrows(ErrnoException.class, () -> vm.filesystem().readFile("/workspace/missing.txt"));
        assertEquals(Errno.ENOENT, e.errno());
        assertEquals("/workspace/missing.txt", e.path());
        vm.filesystem().writeFile("/workspace/file", "f");
        ErrnoException notDir = assertThrows(ErrnoException.class, () -> vm.filesystem().mkdir("/workspace/file/sub", false));
        assertEquals(Errno.ENOTDIR, notDir.errno());
        ErrnoException relative = assertThrows(ErrnoException.class, () -> vm.filesystem().readFile("workspace/file"));
        assertEquals(Errno.EINVAL, relative.errno());
    }

    @Test
    public void execReportsStatusStdoutStderrAndHonoursEnvCwdStdin() throws Exception {
        ExecResult r = await(vm.process().exec("echo out; echo err >&2; exit 3"));
        assertEquals(Integer.valueOf(3), r.exitCode());
        assertEquals("out\n", r.stdoutText());
        assertEquals("err\n", r.stderrText());
        vm.filesystem().mkdir("/workspace/dir", false);
        ExecResult withOptions = await(vm.process().exec("echo $GREETING; pwd; cat",
                ExecOptions.builder().env("GREETING", "hi").cwd("/workspace/dir").stdin("from stdin").build()));
        assertEquals("hi\n/workspace/dir\nfrom stdin", withOptions.stdoutText());
        assertTrue(withOptions.succeeded());
    }

    @Test
    public void execStreamsOutputBeforeItCompletes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecResult r = await(vm.process().exec("for i in 1 2 3; do echo line$i; done; echo oops >&2",
                ExecOptions.builder().onStdout(b -> {
                    synchronized (out) {
                        out.writeBytes(b);
                    }
                }).onStderr(err::writeBytes).build()));
        assertEquals(Integer.valueOf(0), r.exitCode());
        synchronized (out) {
            assertEquals("line1\nline2\nline3\n", out.toString(StandardCharsets.UTF_8));
        }
        assertEquals("oops\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    public void execFileRunsWithoutAShell() throws Exception {
        ExecResult r = await(vm.process().execFile("echo", List.of("a b", "$HOME"), ExecOptions.DEFAULT));
        assertEquals("a b $HOME\n", r.stdoutText());
    }

    @Test
    public void spawnStreamsStdinToStdout() throws Exception {
        ProcessDescriptor cat = vm.process().spawn("cat", List.of(), SpawnOptions.DEFAULT);
        StringBuffer seen = new StringBuffer();
        CompletableFuture<String> gotPing = new CompletableFuture<>();
        CompletableFuture<ProcessExit> exited = new CompletableFuture<>();
        try (var sub = vm.process().onOutput(cat.pid(), o -> {
            seen.append(new String(o.chunk(), StandardCharsets.UTF_8));
            if (seen.toString().contains("ping\n")) {
                gotPing.complete(seen.toString());
            }
        }); var exitSub = vm.process().onExit(cat.pid(), exited::complete)) {
            vm.process().writeStdin(cat.pid(), "ping\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("ping\n", gotPing.get(WAIT_S, TimeUnit.SECONDS));
            vm.process().closeStdin(cat.pid());
            ProcessExit exit = await(vm.process().waitFor(cat.pid()));
            assertEquals(ProcessExit.Kind.EXITED, exit.kind());
            assertEquals(0, exit.status());
            assertEquals(exit, exited.get(WAIT_S, TimeUnit.SECONDS));
        }
        OutputReplay replay = vm.process().readOutput(cat.pid(), 0);
        StringBuilder replayed = new StringBuilder();
        replay.events().forEach(e -> replayed.append(new String(e.chunk(), StandardCharsets.UTF_8)));
        assertEquals("ping\n", replayed.toString());
        ErrnoException closed = assertThrows(ErrnoException.class,
                () -> vm.process().writeStdin(cat.pid(), new byte[] {1}));
        assertNotNull(closed.errno());
    }

    @Test
    public void killEndsAProcessAndTheProcessListShowsIt() throws Exception {
        ProcessDescriptor sleeper = vm.process().spawn("sleep", List.of("100"), SpawnOptions.DEFAULT);
        ProcessDescriptor listed = vm.process().list().stream().filter(p -> p.pid() == sleeper.pid()).findFirst().orElseThrow();
        assertTrue(listed.command(), listed.command().endsWith("/sleep"));
        assertTrue(vm.process().tree().stream().map(ProcessTreeNode::process).anyMatch(p -> p.pid() == sleeper.pid()));
        assertEquals(sleeper.pid(), vm.process().get(sleeper.pid()).orElseThrow().pid());
        vm.process().kill(sleeper.pid());
        ProcessExit exit = await(vm.process().waitFor(sleeper.pid()));
        assertEquals(ProcessExit.Kind.SIGNALLED, exit.kind());
        assertEquals(Signal.SIGKILL, exit.signal());
        assertEquals(137, exit.status());
        assertEquals(ProcessState.EXITED, vm.process().get(sleeper.pid()).orElseThrow().state());
        ErrnoException noSuch = assertThrows(ErrnoException.class, () -> vm.process().signal(999_999, Signal.SIGTERM));
        assertEquals(Errno.ESRCH, noSuch.errno());
    }

    @Test
    public void vmRegistryAndLifecycle() throws Exception {
        assertTrue(agentOs().list().stream().map(VmInfo::vmId).anyMatch(vm.id()::equals));
        assertEquals(VmState.READY, vm.info().state());
        assertEquals(vm.id(), agentOs().get(vm.id()).orElseThrow().id());
        assertEquals(vm.config().cwd(), "/workspace");
        List<VmLifecycleEvent> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> disposed = new CompletableFuture<>();
        vm.onLifecycle(e -> {
            events.add(e);
            if (e.state() == VmState.DISPOSED) {
                disposed.complete(null);
            }
        });
        String id = vm.id();
        agentOs().dispose(id);
        disposed.get(WAIT_S, TimeUnit.SECONDS);
        assertEquals(List.of(VmState.DISPOSING, VmState.DISPOSED), events.stream().map(VmLifecycleEvent::state).toList());
        assertTrue(agentOs().get(id).isEmpty());
        assertThrows(VmNotFoundException.class, () -> vm.filesystem());
        assertThrows(VmNotFoundException.class, () -> agentOs().dispose(id));
        vm.dispose(); // idempotent
        vm = null;
        VmNotFoundException unknown = assertThrows(VmNotFoundException.class, () -> agentOs().require("vm-999999"));
        assertEquals("vm-999999", unknown.vmId());
    }

    @Test
    public void limitWarningsArriveAndTheLimitFires() throws Exception {
        VmLimits.Resources r = VmLimits.Resources.DEFAULT;
        VmLimits.Resources small = new VmLimits.Resources(r.cpuCount(), r.maxProcesses(), r.maxOpenFds(), r.maxPipes(),
                r.maxPtys(), r.maxSockets(), r.maxConnections(), r.maxSocketBufferedBytes(), r.maxSocketDatagramQueueLen(),
                1024 * 1024, r.maxInodeCount(), r.maxBlockingReadMs(), r.maxPreadBytes(), r.maxFdWriteBytes(),
                r.maxProcessArgvBytes(), r.maxProcessEnvBytes(), r.maxReaddirEntries(), r.maxRecursiveFsDepth(),
                r.maxRecursiveFsEntries());
        Vm limited = agentOs().create(VmConfig.builder().limits(VmLimits.DEFAULT.withResources(small)).build());
        try {
            CompletableFuture<LimitWarning> warned = new CompletableFuture<>();
            limited.onLimitWarning(warned::complete);
            limited.filesystem().writeFile("/workspace/big", new byte[900 * 1024]);
            LimitWarning w = warned.get(WAIT_S, TimeUnit.SECONDS);
            assertEquals(limited.id(), w.vmId());
            assertEquals(1024 * 1024, w.capacity());
            ErrnoException full = assertThrows(ErrnoException.class,
                    () -> limited.filesystem().writeFile("/workspace/more", new byte[200 * 1024]));
            assertEquals(Errno.ENOSPC, full.errno());
        } finally {
            limited.dispose();
        }
    }

    @Test
    public void missingNamespacesSayWhichOne() {
        NotAvailableException e = assertThrows(NotAvailableException.class, () -> vm.cron());
        assertEquals("vm.cron()", e.capability());
    }

    @Test
    public void softwareListsTheDefaultPackages() {
        assertTrue(vm.software().list().stream().anyMatch(p -> p.packageName().equals("coreutils")));
        assertTrue(vm.info().software().contains("coreutils"));
    }

    @Test
    public void theHostTalksHttpToAGuestServer() throws Exception {
        // The guest server is a node program: Pax Exam's framework does not provision GraalJS (the launcher
        // puts it on the run path), so in-framework this runs only where node is installed.
        org.junit.Assume.assumeTrue("node is not provisioned in this framework",
                vm.software().list().stream().anyMatch(p -> p.packageName().equals("node")));
        vm.filesystem().writeFile("/workspace/server.js", """
                require('http').createServer((req, res) => {
                  if (req.url === '/stream') { res.write('one '); setTimeout(() => res.end('two'), 20); return; }
                  let body = '';
                  req.on('data', (d) => body += d).on('end', () => res.end(req.method + ' ' + req.url + ' ' + body));
                }).listen(8080);
                """);
        int pid = vm.process().spawn("node", java.util.List.of("/workspace/server.js"), agentos.api.process.SpawnOptions.DEFAULT).pid();
        agentos.api.network.HttpResponse r = null;
        for (int i = 0; i < 500 && r == null; i++) {
            try {
                r = vm.network().fetch(8080, new agentos.api.network.HttpRequest("POST", "/p?q=1", java.util.List.of(),
                        "body".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } catch (agentos.api.ErrnoException e) {
                assertEquals(agentos.api.Errno.ECONNREFUSED, e.errno());
                Thread.sleep(20);
            }
        }
        assertEquals(200, r.status());
        assertEquals("POST /p?q=1 body", r.bodyText());
        agentos.api.network.FetchStream s = vm.network().fetchStreamStart(8080, agentos.api.network.HttpRequest.get("/stream"));
        StringBuilder body = new StringBuilder();
        agentos.api.network.FetchChunk c;
        while (!(c = vm.network().fetchStreamRead(s.streamId(), 64)).done()) {
            body.append(new String(c.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals("one two", body.toString());
        vm.process().kill(pid);
    }

    @Test
    public void persistentContextsKeepGlobals() throws Exception {
        org.junit.Assume.assumeTrue("node is not provisioned in this framework",
                vm.software().list().stream().anyMatch(p -> p.packageName().equals("node")));
        vm.contexts().create("c1", agentos.api.code.Language.JAVASCRIPT);
        agentos.api.code.CodeOptions o = agentos.api.code.CodeOptions.DEFAULT.withFormat(agentos.api.code.ModuleFormat.COMMONJS).withContext("c1");
        await(vm.javascript().execute("globalThis.x = 40", o));
        assertEquals("42", await(vm.javascript().evaluate("x + 2", o)).valueJson());
        assertEquals(java.util.List.of("c1"), vm.contexts().list().stream().map(agentos.api.code.ContextDescriptor::contextId).toList());
        assertTrue(vm.contexts().get("c1").isPresent());
        vm.contexts().delete("c1");
        assertTrue(vm.contexts().get("c1").isEmpty());
    }
}
