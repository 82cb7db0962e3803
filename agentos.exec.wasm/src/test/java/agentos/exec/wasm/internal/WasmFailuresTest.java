package agentos.exec.wasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.Vm;
import agentos.api.config.VmConfig;
import agentos.api.config.VmLimits;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import agentos.api.process.Outcome;
import agentos.api.process.ProcessExit;
import agentos.api.process.Signal;
import agentos.api.process.SpawnOptions;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Guest failures end that process with a status and a message, never the JVM; limits fire. */
class WasmFailuresTest {
    static WasmVms vms;
    static Vm vm;

    @BeforeAll
    static void boot() {
        vms = new WasmVms();
        vm = vms.os().create(VmConfig.builder()
                .limits(VmLimits.DEFAULT.withWasm(new VmLimits.Wasm(16L << 20, 8L << 20, 256L << 20)))
                .build());
    }

    @AfterAll
    static void shutdown() {
        vms.close();
    }

    /** A module whose _start has the given body (no locals), plus one page of memory. */
    static byte[] module(int... body) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        b.writeBytes(new byte[] {1, 4, 1, 0x60, 0, 0}); // type: () -> ()
        b.writeBytes(new byte[] {3, 2, 1, 0}); // function 0 has type 0
        b.writeBytes(new byte[] {5, 3, 1, 0, 1}); // memory: min 1 page, no max
        b.writeBytes(new byte[] {7, 10, 1, 6, '_', 's', 't', 'a', 'r', 't', 0, 0}); // export _start
        int size = body.length + 1;
        b.write(10);
        b.write(size + 2);
        b.write(1);
        b.write(size);
        b.write(0); // no locals
        for (int x : body) {
            b.write(x);
        }
        return b.toByteArray();
    }

    static ExecResult run(String name, byte[] program, long timeoutMs) throws Exception {
        vm.filesystem().writeFile("/workspace/" + name, program);
        vm.filesystem().chmod("/workspace/" + name, 0755);
        return vm.process().execFile("/workspace/" + name, List.of(), ExecOptions.builder().timeoutMs(timeoutMs).build())
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @Test
    void aTrapEndsTheProcessWithAMessage() throws Exception {
        ExecResult r = run("trap.wasm", module(0x00, 0x0b), 0); // unreachable
        assertEquals(1, r.exitCode());
        assertTrue(r.stderrText().contains("wasm trap"), r.stderrText());
    }

    @Test
    void memoryGrowthStopsAtTheCap() throws Exception {
        // i32.const 1000 (64 MB > the 16 MiB cap); memory.grow; i32.const -1; i32.eq; if unreachable end
        ExecResult r = run("grow.wasm", module(0x41, 0xe8, 0x07, 0x40, 0x00, 0x41, 0x7f, 0x46, 0x04, 0x40, 0x00, 0x0b, 0x0b), 0);
        assertEquals(1, r.exitCode(), "memory.grow returned -1, so the guest trapped: " + r.stderrText());
        // The same growth within the cap succeeds (100 pages = 6.4 MB).
        ExecResult ok = run("grow-ok.wasm", module(0x41, 0xe4, 0x00, 0x40, 0x00, 0x41, 0x7f, 0x46, 0x04, 0x40, 0x00, 0x0b, 0x0b), 0);
        assertEquals(0, ok.exitCode(), ok.stderrText());
    }

    @Test
    void aRunawayLoopIsKilledAtItsDeadline() throws Exception {
        ExecResult r = run("spin.wasm", module(0x03, 0x40, 0x0c, 0x00, 0x0b, 0x0b), 300); // loop br 0 end
        assertEquals(Outcome.TIMED_OUT, r.outcome());
        assertNull(r.exitCode());
        assertEquals("still alive\n", vm.process().execFile("echo", List.of("still", "alive"), ExecOptions.DEFAULT)
                .toCompletableFuture().get(60, TimeUnit.SECONDS).stdoutText(), "the VM (and the JVM) carry on");
    }

    @Test
    void killInterruptsASpinningModule() throws Exception {
        vm.filesystem().writeFile("/workspace/spin2.wasm", module(0x03, 0x40, 0x0c, 0x00, 0x0b, 0x0b));
        vm.filesystem().chmod("/workspace/spin2.wasm", 0755);
        var p = vm.process().spawn("/workspace/spin2.wasm", List.of(), SpawnOptions.DEFAULT);
        Thread.sleep(100);
        vm.process().signal(p.pid(), Signal.SIGTERM);
        ProcessExit exit = vm.process().waitFor(p.pid()).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals(ProcessExit.Kind.SIGNALLED, exit.kind());
        assertEquals(143, exit.status());
    }

    @Test
    void badModulesAndMissingCommandsFailCleanly() throws Exception {
        byte[] bad = {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 5, 1};
        ExecResult r = run("bad.wasm", bad, 0);
        assertEquals(126, r.exitCode());
        assertTrue(r.stderrText().contains("ENOEXEC"), r.stderrText());
        ExecResult missing = vm.process().execFile("definitely-not-installed", List.of(), ExecOptions.DEFAULT)
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertEquals(127, missing.exitCode());
    }

    @Test
    void unknownImportsFailTheSpawnNamingTheImport() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        b.writeBytes(new byte[] {1, 4, 1, 0x60, 0, 0});
        // import "env" "mystery" (func type 0)
        b.writeBytes(new byte[] {2, 15, 1, 3, 'e', 'n', 'v', 7, 'm', 'y', 's', 't', 'e', 'r', 'y', 0, 0});
        ExecResult r = run("import.wasm", b.toByteArray(), 0);
        assertEquals(126, r.exitCode());
        assertTrue(r.stderrText().contains("env.mystery"), r.stderrText());
    }
}
