package agentos.exec.wasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.AgentOsException;
import agentos.api.Vm;
import agentos.api.config.SoftwareRef;
import agentos.api.config.VmConfig;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import agentos.api.software.SoftwareInfo;
import agentos.api.spi.AospkgPackage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upstream .aospkg files linked into a running VM (and from the config) put their commands on PATH at once. */
class SoftwareLinkTest {
    static WasmVms vms;

    @BeforeAll
    static void boot() {
        vms = new WasmVms();
    }

    @AfterAll
    static void shutdown() {
        vms.close();
    }

    static Path packageFile(String name) {
        return WasmVms.common().stream()
                .filter(p -> p.manifest().name().equals(name))
                .map(p -> ((AospkgPackage) p).file())
                .findFirst().orElseThrow();
    }

    static ExecResult run(Vm vm, String cmd, List<String> args) throws Exception {
        return vm.process().execFile(cmd, args, ExecOptions.builder().build()).toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @Test
    void linkingAPackageIntoARunningVmAddsItsCommands() throws Exception {
        try (Vm vm = vms.os().create(VmConfig.builder().defaultSoftware(false).build())) {
            assertTrue(vm.software().list().isEmpty(), vm.software().list().toString());
            ExecResult before = run(vm, "echo", List.of("hi"));
            assertEquals(127, before.exitCode(), "no coreutils yet: " + before);

            SoftwareInfo info = vm.software().link(packageFile("coreutils").toString());
            assertEquals("coreutils", info.packageName());
            assertTrue(info.commands().contains("sh"), info.commands().toString());
            ExecResult after = run(vm, "echo", List.of("hi"));
            assertEquals("hi\n", after.stdoutText(), after.toString());
            assertTrue(vm.filesystem().exists("/opt/agentos/bin/sh"));
            assertEquals(List.of("coreutils"), vm.software().list().stream().map(SoftwareInfo::packageName).toList());
        }
    }

    @Test
    void aPackageFileInTheConfigIsLinkedAtCreation() throws Exception {
        VmConfig config = VmConfig.builder().defaultSoftware(false)
                .software(SoftwareRef.file(packageFile("coreutils").toString()))
                .software(SoftwareRef.file(packageFile("sed").toString()))
                .build();
        try (Vm vm = vms.os().create(config)) {
            ExecResult r = vm.process().exec("echo hello | sed s/hello/linked/").toCompletableFuture().get(60, TimeUnit.SECONDS);
            assertEquals("linked\n", r.stdoutText(), r.toString());
        }
    }

    @Test
    void badPackageFilesAreClearErrors(@TempDir Path dir) throws Exception {
        try (Vm vm = vms.os().create(VmConfig.builder().defaultSoftware(false).build())) {
            AgentOsException missing = assertThrows(AgentOsException.class,
                    () -> vm.software().link(dir.resolve("nope.aospkg").toString()));
            assertTrue(missing.getMessage().contains("no package file at") && missing.getMessage().contains("nope.aospkg"),
                    missing.getMessage());
            Path junk = Files.writeString(dir.resolve("junk.aospkg"), "not a package");
            AgentOsException bad = assertThrows(AgentOsException.class, () -> vm.software().link(junk.toString()));
            assertTrue(bad.getMessage().contains("is not a readable .aospkg package"), bad.getMessage());
            assertTrue(vm.software().list().isEmpty(), "nothing linked on failure");
        }
        VmConfig config = VmConfig.builder().software(SoftwareRef.file(dir.resolve("gone.aospkg").toString())).build();
        AgentOsException atCreate = assertThrows(AgentOsException.class, () -> vms.os().create(config));
        assertTrue(atCreate.getMessage().startsWith("VmConfig.software: no package file at"), atCreate.getMessage());
    }
}
