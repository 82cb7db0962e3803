package agentos.exec.js.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.Vm;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The heap guard firing: a configured threshold 256 MiB above the current heap, and a node process that hoards. */
class HeapGuardTest {
    @Test
    void aHoardingNodeProcessIsCancelledAndTheJvmGoesOn() throws Exception {
        var memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        long limit = memory.getHeapMemoryUsage().getUsed() + (256L << 20);
        try (JsVms vms = new JsVms(new JsExecutor(new HeapGuard(() -> limit)))) {
            Vm vm = vms.os().create();
            // The exec timeout only keeps a broken guard from hanging the build; the guard fires long before it.
            ExecResult r = vm.process().exec("node -e 'const keep = []; while (true) keep.push(new Array(100000).fill(1.5))'",
                    ExecOptions.builder().timeoutMs(120_000).build()).toCompletableFuture().get(180, TimeUnit.SECONDS);
            assertEquals(Integer.valueOf(137), r.exitCode(), r.stderrText());
            assertTrue(r.stderrText().contains("heap is nearly full"), r.stderrText());
            ExecResult after = vm.process().exec("node -e 'console.log(\"still here\")'").toCompletableFuture().get(60, TimeUnit.SECONDS);
            assertEquals("still here\n", after.stdoutText());
        }
    }
}
