package agentos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import agentos.api.AgentOs;
import agentos.api.Vm;
import agentos.api.config.VmConfig;
import agentos.api.process.ExecResult;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Upstream's WASM userland through the executor and software bundles, wired by DS inside Felix. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellIT {

    @Inject
    private AgentOs agentOs;

    @Configuration
    public Option[] config() {
        return ItestSupport.agentOsRuntime();
    }

    @Test
    public void aShellPipelineRunsInAVm() throws Exception {
        try (Vm vm = agentOs.create(VmConfig.defaults())) {
            ExecResult r = vm.process().exec("echo hello | grep hell; ls /opt/agentos/bin | head -2").toCompletableFuture()
                    .get(120, TimeUnit.SECONDS);
            assertEquals(r.stderrText(), 0, (int) r.exitCode());
            assertTrue(r.stdoutText(), r.stdoutText().startsWith("hello\n["));
            assertTrue(vm.software().list().stream().anyMatch(s -> s.packageName().equals("coreutils")));
        }
    }
}
