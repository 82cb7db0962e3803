package agentos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import agentos.api.AgentOs;
import agentos.api.Vm;
import agentos.api.config.MountConfig;
import agentos.api.config.VmConfig;
import agentos.api.fs.MountInfo;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import agentos.api.spi.Executor;
import agentos.api.spi.ExecutorProcess;
import agentos.api.spi.LaunchContext;
import agentos.api.spi.ProgramHeader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The kernel and VFS wired by DS in Felix: filesystem, mount plugins, and executors that come and go. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KernelIT {

    @Inject
    private BundleContext context;

    @Inject
    private AgentOs agentOs;

    @Configuration
    public Option[] config() {
        return ItestSupport.agentOsRuntime();
    }

    /** Runs programs whose file is "\0itx" + a message: it prints the message and its argv. */
    static final class EchoExecutor implements Executor {
        @Override
        public String id() {
            return "itx";
        }

        @Override
        public boolean canExecute(ProgramHeader header) {
            return header.startsWith(new byte[] {0, 'i', 't', 'x'});
        }

        @Override
        public ExecutorProcess start(LaunchContext ctx) {
            byte[] p = ctx.program();
            String msg = new String(p, 4, p.length - 4, StandardCharsets.UTF_8) + " " + String.join(",", ctx.argv()) + "\n";
            byte[] out = msg.getBytes(StandardCharsets.UTF_8);
            ctx.syscalls().write(1, out, 0, out.length);
            return new ExecutorProcess() {
                @Override
                public int awaitExit() {
                    return 0;
                }

                @Override
                public void signal(agentos.api.process.Signal signal) {}

                @Override
                public void terminate(String reason) {}
            };
        }
    }

    @Test
    public void filesystemAndMountPluginsWork() {
        try (Vm vm = agentOs.create(VmConfig.defaults())) {
            vm.filesystem().writeFile("/workspace/hello.txt", "hello from the host\n");
            assertEquals("hello from the host\n", new String(vm.filesystem().readFile("/workspace/hello.txt"), StandardCharsets.UTF_8));
            assertTrue(new String(vm.filesystem().readFile("/etc/os-release"), StandardCharsets.UTF_8).contains("alpine"));
            vm.filesystem().mount(MountConfig.of("/data", "memory", "{}"));
            vm.filesystem().writeFile("/data/x", "y");
            assertEquals(List.of(new MountInfo("/data", "memory", false)), vm.filesystem().listMounts());
        }
    }

    @Test
    public void executorsCanBeInstalledAndRemovedWhileVmsRun() throws Exception {
        try (Vm vm = agentOs.create(VmConfig.defaults())) {
            vm.filesystem().writeFile("/workspace/prog", new byte[] {0, 'i', 't', 'x', 'h', 'i'});
            vm.filesystem().chmod("/workspace/prog", 0755);
            ServiceRegistration<Executor> reg = context.registerService(Executor.class, new EchoExecutor(), null);
            try {
                ExecResult r = vm.process().execFile("/workspace/prog", List.of("a"), ExecOptions.DEFAULT)
                        .toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertEquals("hi /workspace/prog,a\n", r.stdoutText());
            } finally {
                reg.unregister();
            }
            ExecResult gone = vm.process().execFile("/workspace/prog", List.of(), ExecOptions.DEFAULT)
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(126, (int) gone.exitCode());
            assertTrue(gone.stderrText(), gone.stderrText().contains("ENOEXEC"));
        }
    }

}
