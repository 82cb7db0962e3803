package agentos.kernel.internal;

import static agentos.kernel.internal.TestVms.print;
import static agentos.kernel.internal.TestVms.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.LimitWarning;
import agentos.api.Vm;
import agentos.api.config.MountConfig;
import agentos.api.config.PermissionMode;
import agentos.api.config.PermissionPolicy;
import agentos.api.config.PermissionRule;
import agentos.api.config.ScopePolicy;
import agentos.api.config.VmConfig;
import agentos.api.config.VmLimits;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import agentos.api.spi.SpawnRequest;
import agentos.api.spi.Syscalls;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kernel limit fires with the errno a guest expects, and the policy applies at the kernel boundary. */
class KernelLimitsTest {
    private TestVms vms;

    @BeforeEach
    void setUp() {
        vms = new TestVms();
        vms.program("sleep", (sys, argv, self) -> {
            sys.sleep(Long.parseLong(argv.get(1)));
            return 0;
        });
        // Runs a probe and prints the errno it ended with ("ok" if none).
        vms.program("probe", (sys, argv, self) -> {
            try {
                switch (argv.get(1)) {
                    case "fds" -> {
                        for (int i = 0; i < 100; i++) {
                            sys.open("/etc/hostname", Syscalls.O_RDONLY, 0);
                        }
                    }
                    case "pipes" -> {
                        for (int i = 0; i < 100; i++) {
                            sys.pipe(0);
                        }
                    }
                    case "procs" -> {
                        for (int i = 0; i < 100; i++) {
                            sys.spawn(new SpawnRequest(List.of("sleep", "60000"), sys.environ(), null, -1, -1, -1));
                        }
                    }
                    case "argv" -> sys.spawn(new SpawnRequest(List.of("sleep", "1", "x".repeat(5000)), sys.environ(), null, -1, -1, -1));
                    case "env" -> sys.spawn(new SpawnRequest(List.of("sleep", "1"), java.util.Map.of("BIG", "x".repeat(5000)), null, -1, -1, -1));
                    case "ptys" -> {
                        for (int i = 0; i < 100; i++) {
                            sys.openpty(80, 24);
                        }
                    }
                    case "fsbytes" -> {
                        int fd = sys.open("/workspace/big", Syscalls.O_WRONLY | Syscalls.O_CREAT, 0644);
                        byte[] b = new byte[1024];
                        for (int i = 0; i < 10_000; i++) {
                            sys.write(fd, b, 0, b.length);
                        }
                    }
                    case "pipefull" -> {
                        int[] p = sys.pipe(Syscalls.O_NONBLOCK);
                        byte[] b = new byte[1024];
                        for (int i = 0; i < 10_000; i++) {
                            sys.write(p[1], b, 0, b.length);
                        }
                    }
                    case "read-clamp" -> {
                        int fd = sys.open("/workspace/f", Syscalls.O_RDONLY, 0);
                        byte[] b = new byte[4096];
                        print(sys, 1, "read " + sys.read(fd, b, 0, b.length) + " ");
                    }
                    default -> throw new IllegalArgumentException(argv.get(1));
                }
                print(sys, 1, "ok");
            } catch (ErrnoException e) {
                print(sys, 1, e.errno().name());
            }
            return 0;
        });
    }

    @AfterEach
    void tearDown() {
        vms.close();
    }

    private static VmLimits.Resources resources(int fds, int procs, int pipes, int ptys, long fsBytes, long preadBytes, long argvBytes) {
        VmLimits.Resources r = VmLimits.Resources.DEFAULT;
        return new VmLimits.Resources(r.cpuCount(), procs, fds, pipes, ptys, r.maxSockets(), r.maxConnections(),
                r.maxSocketBufferedBytes(), r.maxSocketDatagramQueueLen(), fsBytes, r.maxInodeCount(), r.maxBlockingReadMs(),
                preadBytes, r.maxFdWriteBytes(), argvBytes, argvBytes, r.maxReaddirEntries(),
                r.maxRecursiveFsDepth(), r.maxRecursiveFsEntries());
    }

    private String probe(Vm vm, String what) throws Exception {
        ExecResult r = vm.process().execFile("probe", List.of(what), ExecOptions.DEFAULT).toCompletableFuture().get(30, TimeUnit.SECONDS);
        return r.stdoutText() + r.stderrText();
    }

    private Vm vm(VmLimits.Resources r, List<LimitWarning> warnings) {
        VmLimits.Process p = VmLimits.Process.DEFAULT;
        VmLimits limits = VmLimits.DEFAULT.withResources(r).withProcess(new VmLimits.Process(p.pendingStdinBytes(),
                p.capturedOutputLimitBytes(), p.retainedOutputBytes(), p.cpuTimeLimitMs(), p.wallClockLimitMs(), 64 * 1024));
        Vm vm = vms.vm(VmConfig.builder().limits(limits).build());
        vm.onLimitWarning(warnings::add);
        return vm;
    }

    @Test
    void eachLimitFiresWithTheMatchingErrno() throws Exception {
        List<LimitWarning> warnings = new CopyOnWriteArrayList<>();
        Vm vm = vm(resources(16, 8, 4, 2, 200_000, 100, 2048), warnings);
        assertEquals("EMFILE", probe(vm, "fds"));
        assertEquals("ENFILE", probe(vm, "pipes"));
        assertEquals("EAGAIN", probe(vm, "procs"));
        for (var p : vm.process().list()) {
            if (p.state() != agentos.api.process.ProcessState.EXITED) {
                vm.process().kill(p.pid());
            }
        }
        awaitReaped(vm);
        assertEquals("E2BIG", probe(vm, "argv"));
        assertEquals("E2BIG", probe(vm, "env"));
        assertEquals("EAGAIN", probe(vm, "ptys"));
        assertEquals("ENOSPC", probe(vm, "fsbytes"));
        assertEquals("EAGAIN", probe(vm, "pipefull"), "a non-blocking write to a full pipe");
        vm.filesystem().remove("/workspace/big", false);
        vm.filesystem().writeFile("/workspace/f", new byte[1000]);
        assertEquals("read 100 ok", probe(vm, "read-clamp"), "reads are clamped to maxPreadBytes");
        List<String> limits = warnings.stream().map(LimitWarning::limit).distinct().sorted().toList();
        assertTrue(limits.containsAll(List.of("maxFilesystemBytes", "maxPipes", "maxProcesses", "maxPtys")), limits.toString());
    }

    /** Killed orphans are reaped right after they exit; wait until the table has room again. */
    private static void awaitReaped(Vm vm) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline
                && vm.process().list().stream().anyMatch(p -> p.command().endsWith("/sleep"))) {
            Thread.sleep(5);
        }
    }

    @Test
    void hostSpawnsHitTheProcessLimitToo() throws Exception {
        Vm vm = vm(resources(16, 2, 4, 2, 200_000, 100, 2048), new ArrayList<>());
        vm.process().spawn("sleep", List.of("60000"), agentos.api.process.SpawnOptions.DEFAULT);
        vm.process().spawn("sleep", List.of("60000"), agentos.api.process.SpawnOptions.DEFAULT);
        ErrnoException e = org.junit.jupiter.api.Assertions.assertThrows(ErrnoException.class,
                () -> vm.process().spawn("sleep", List.of("1"), agentos.api.process.SpawnOptions.DEFAULT));
        assertEquals(Errno.EAGAIN, e.errno());
        assertTrue(e.getMessage().contains("maxProcesses=2"), e.getMessage());
    }

    @Test
    void fsPolicyAppliesThroughSymlinksAndChildProcessPolicyToSpawns() throws Exception {
        vms.program("reader", (sys, argv, self) -> {
            try {
                print(sys, 1, readAll(sys, sys.open(argv.get(1), Syscalls.O_RDONLY, 0)));
            } catch (ErrnoException e) {
                print(sys, 1, e.errno().name());
            }
            return 0;
        });
        vms.program("spawner", (sys, argv, self) -> {
            try {
                sys.spawn(new SpawnRequest(List.of(argv.get(1), "1"), sys.environ(), null, -1, -1, -1));
                print(sys, 1, "spawned");
            } catch (ErrnoException e) {
                print(sys, 1, e.errno().name() + ": " + e.getMessage());
            }
            return 0;
        });
        PermissionPolicy policy = new PermissionPolicy(
                ScopePolicy.of(PermissionMode.ALLOW, PermissionRule.of(PermissionMode.DENY, "*", "/secret/**")),
                null,
                ScopePolicy.of(PermissionMode.ALLOW, PermissionRule.of(PermissionMode.DENY, "spawn", "sleep")),
                null, null, null);
        Vm vm = vms.vm(VmConfig.builder().permissions(policy).build());
        vm.filesystem().mkdir("/secret", false);
        vm.filesystem().writeFile("/secret/key", "k");
        vm.filesystem().writeFile("/workspace/open", "fine");
        ((KernelVm) vm).kernelForTest().vfs().symlink(agentos.api.spi.Caller.HOST, "/secret/key", "/workspace/link");
        ExecResult direct = vm.process().execFile("reader", List.of("/secret/key"), ExecOptions.DEFAULT).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals("EACCES", direct.stdoutText());
        assertEquals("EACCES", vm.process().execFile("reader", List.of("/workspace/link"), ExecOptions.DEFAULT)
                .toCompletableFuture().get(10, TimeUnit.SECONDS).stdoutText());
        assertEquals("fine", vm.process().execFile("reader", List.of("/workspace/open"), ExecOptions.DEFAULT)
                .toCompletableFuture().get(10, TimeUnit.SECONDS).stdoutText());
        String spawn = vm.process().execFile("spawner", List.of("sleep"), ExecOptions.DEFAULT).toCompletableFuture().get(10, TimeUnit.SECONDS).stdoutText();
        assertTrue(spawn.startsWith("EACCES: "), spawn);
        assertTrue(spawn.contains("childProcess"), spawn);
        String allowed = vm.process().execFile("spawner", List.of("reader"), ExecOptions.DEFAULT)
                .toCompletableFuture().get(10, TimeUnit.SECONDS).stdoutText();
        assertTrue(allowed.contains("spawned"), allowed);
    }

    @Test
    void mountsAppliedToARunningVmAreVisibleToItsProcessesAtOnce() throws Exception {
        vms.program("lister", (sys, argv, self) -> {
            print(sys, 1, sys.readdir(argv.get(1)).stream().map(e -> e.name()).toList().toString());
            return 0;
        });
        Vm vm = vms.vm();
        vm.filesystem().mount(MountConfig.of("/data", "memory", "{}"));
        vm.filesystem().writeFile("/data/a.txt", "x");
        assertEquals("[a.txt]", vm.process().execFile("lister", List.of("/data"), ExecOptions.DEFAULT)
                .toCompletableFuture().get(10, TimeUnit.SECONDS).stdoutText());
        vm.filesystem().unmount("/data");
        assertEquals("[]", vm.process().execFile("lister", List.of("/data"), ExecOptions.DEFAULT)
                .toCompletableFuture().get(10, TimeUnit.SECONDS).stdoutText());
    }
}
