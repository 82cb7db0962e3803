package agentos.kernel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.Vm;
import agentos.api.config.SoftwareRef;
import agentos.api.config.VmConfig;
import agentos.api.fs.FileType;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import agentos.api.software.SoftwareInfo;
import agentos.api.spi.PackageCommand;
import agentos.api.spi.PackageEntry;
import agentos.api.spi.PackageManifest;
import agentos.api.spi.SoftwarePackage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Software packages appear under /opt/agentos, their commands on PATH, and go away with their service. */
class SoftwareProjectionTest {
    private TestVms vms;

    static SoftwarePackage pkg(String name, String version, String command, String program) {
        return pkg(name, version, command, program, Map.of());
    }

    static SoftwarePackage pkg(String name, String version, String command, String program, Map<String, String> env) {
        byte[] file = JavaTestExecutor.file(program);
        return new SoftwarePackage() {
            @Override
            public PackageManifest manifest() {
                return new PackageManifest(name, version, List.of(new PackageCommand(command, "bin/" + command, null)), null, env);
            }

            @Override
            public List<PackageEntry> entries() {
                return List.of(new PackageEntry("bin", FileType.DIRECTORY, 0755, 0, null),
                        new PackageEntry("bin/" + command, FileType.FILE, 0755, file.length, null),
                        new PackageEntry("README", FileType.FILE, 0644, 5, null));
            }

            @Override
            public InputStream open(String path) {
                return new ByteArrayInputStream(path.equals("README") ? "docs\n".getBytes(StandardCharsets.UTF_8) : file);
            }
        };
    }

    @BeforeEach
    void setUp() {
        vms = new TestVms();
        vms.program("hello-impl", (sys, argv, self) -> {
            TestVms.print(sys, 1, "hello from " + argv.get(0) + "\n");
            return 0;
        });
        vms.packages.add(pkg("coreutils", "0.3.4", "hello", "hello-impl"));
        vms.packages.add(pkg("ripgrep", "14.1.0", "rg", "hello-impl"));
    }

    @AfterEach
    void tearDown() {
        vms.close();
    }

    private static ExecResult run(Vm vm, String cmd) throws Exception {
        return vm.process().execFile(cmd, List.of(), ExecOptions.DEFAULT).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void defaultSoftwareIsProjectedAndOnPath() throws Exception {
        Vm vm = vms.vm();
        assertEquals("hello from hello\n", run(vm, "hello").stdoutText());
        assertEquals(127, run(vm, "rg").exitCode(), "not a default package");
        assertEquals("/opt/agentos/pkgs/coreutils/current/bin/hello", new String(
                ((KernelVm) vm).kernelForTest().vfs().readlink(agentos.api.spi.Caller.HOST, "/opt/agentos/bin/hello")));
        assertEquals("docs\n", new String(vm.filesystem().readFile("/opt/agentos/pkgs/coreutils/0.3.4/README"), StandardCharsets.UTF_8));
        assertEquals("/opt/agentos/pkgs/coreutils/0.3.4", ((KernelVm) vm).kernelForTest().vfs()
                .realpath(agentos.api.spi.Caller.HOST, "/opt/agentos/pkgs/coreutils/current"));
        assertEquals(List.of(new SoftwareInfo("coreutils", "0.3.4", List.of("hello"), null)), vm.software().list());
        assertEquals(List.of("coreutils"), vm.info().software(), "VmInfo names the projected packages");
        ErrnoException ro = org.junit.jupiter.api.Assertions.assertThrows(ErrnoException.class,
                () -> vm.filesystem().writeFile("/opt/agentos/bin/evil", "x"));
        assertEquals(Errno.EROFS, ro.errno());
    }

    @Test
    void namedPackagesAreAddedAndUninstallingRemovesCommands() throws Exception {
        Vm vm = vms.vm(VmConfig.builder().defaultSoftware(false).software(SoftwareRef.named("ripgrep")).build());
        assertEquals("hello from rg\n", run(vm, "rg").stdoutText());
        assertEquals(127, run(vm, "hello").exitCode());
        vms.packages.removeIf(p -> p.manifest().name().equals("ripgrep"));
        ExecResult gone = run(vm, "rg");
        assertEquals(127, gone.exitCode());
        assertTrue(gone.stderrText().contains("command not found"));
        assertTrue(vm.software().list().isEmpty());
    }

    @Test
    void providesEnvFillsInDefaultsFirstWriterWins() {
        vms.packages.add(pkg("alpha", "1", "a", "hello-impl", Map.of("ORDER", "alpha", "HOME", "/evil", "TOOL_HOME", "/opt/x")));
        vms.packages.add(pkg("beta", "1", "b", "hello-impl", Map.of("ORDER", "beta", "FROM_CONFIG", "package")));
        Vm vm = vms.vm(VmConfig.builder().defaultSoftware(false).software(SoftwareRef.named("alpha"))
                .software(SoftwareRef.named("beta")).env("FROM_CONFIG", "config").build());
        Map<String, String> env = ((KernelVm) vm).kernelForTest().baseEnv("/");
        assertEquals("/opt/x", env.get("TOOL_HOME"), "a package's default is set");
        assertEquals("alpha", env.get("ORDER"), "the first package to set a key wins");
        assertEquals("config", env.get("FROM_CONFIG"), "the VM config wins over packages");
        assertEquals("/home/agentos", env.get("HOME"), "base variables are never overwritten");
        vms.packages.removeIf(p -> p.manifest().name().equals("alpha"));
        assertEquals("beta", ((KernelVm) vm).kernelForTest().baseEnv("/").get("ORDER"), "projection is live");
    }

    @Test
    void packageFilesAreReadOnceAndSharedAcrossVms() throws Exception {
        Vm a = vms.vm();
        Vm b = vms.vm();
        byte[] first;
        byte[] second;
        String bin = "/opt/agentos/pkgs/coreutils/current/bin/hello";
        try (agentos.api.spi.VfsFile f = ((KernelVm) a).kernelForTest().vfs().open(agentos.api.spi.Caller.HOST, bin,
                agentos.api.spi.Syscalls.O_RDONLY, 0)) {
            first = f.sharedContent();
        }
        try (agentos.api.spi.VfsFile f = ((KernelVm) b).kernelForTest().vfs().open(agentos.api.spi.Caller.HOST, bin,
                agentos.api.spi.Syscalls.O_RDONLY, 0)) {
            second = f.sharedContent();
        }
        org.junit.jupiter.api.Assertions.assertNotNull(first);
        org.junit.jupiter.api.Assertions.assertSame(first, second, "one copy for every VM and spawn");
        org.junit.jupiter.api.Assertions.assertArrayEquals(JavaTestExecutor.file("hello-impl"), first);
        a.filesystem().writeFile("/tmp/mine", "guest data");
        try (agentos.api.spi.VfsFile f = ((KernelVm) a).kernelForTest().vfs().open(agentos.api.spi.Caller.HOST, "/tmp/mine",
                agentos.api.spi.Syscalls.O_RDONLY, 0)) {
            org.junit.jupiter.api.Assertions.assertNull(f.sharedContent(), "writable files are never shared");
        }
        assertEquals("hello from hello\n", run(a, "hello").stdoutText());
    }
}
