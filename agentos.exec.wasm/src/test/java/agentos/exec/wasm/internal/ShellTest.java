package agentos.exec.wasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import agentos.api.Vm;
import agentos.api.process.ExecResult;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShellTest {
    static WasmVms vms;
    static Vm vm;

    @BeforeAll
    static void boot() {
        vms = new WasmVms();
        vm = vms.os().create();
    }

    @AfterAll
    static void shutdown() {
        vms.close();
    }

    static ExecResult exec(String cmd) throws Exception {
        return vm.process().exec(cmd).toCompletableFuture().get(120, TimeUnit.SECONDS);
    }

    @Test
    void echoRuns() throws Exception {
        ExecResult r = vm.process().execFile("echo", java.util.List.of("hello", "world"), agentos.api.process.ExecOptions.DEFAULT)
                .toCompletableFuture().get(120, TimeUnit.SECONDS);
        System.out.println("echo: " + r);
        System.out.println("stderr: " + r.stderrText());
        assertEquals("hello world\n", r.stdoutText());
    }

    @Test
    void shellBuiltin() throws Exception {
        ExecResult r = exec("echo from-sh $((6*7))");
        System.out.println("sh: " + r + " stderr: " + r.stderrText());
        assertEquals("from-sh 42\n", r.stdoutText());
    }
}
