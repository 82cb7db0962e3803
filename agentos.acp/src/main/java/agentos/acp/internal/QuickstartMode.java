package agentos.acp.internal;

import agentos.api.AgentOs;
import agentos.api.Vm;
import agentos.api.config.SoftwareRef;
import agentos.api.config.VmConfig;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import agentos.api.session.PermissionPolicyMode;
import agentos.api.session.PromptResult;
import agentos.api.spi.LauncherMode;
import agentos.testing.FakeModelServer;
import agentos.testing.FakeModelServer.Fixture;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code agentos quickstart}: boots a VM, runs a shell pipeline in it, then one Pi turn that creates a file with
 * its bash tool, and prints the file. With ANTHROPIC_API_KEY set it talks to Anthropic; otherwise to the embedded
 * fake model server (a real HTTP server on 127.0.0.1 speaking Anthropic's streaming wire format), and says so.
 */
@Component(property = LauncherMode.NAME + "=quickstart")
public final class QuickstartMode implements LauncherMode {
    static final String FILE = "/workspace/hello.txt";
    static final String PROMPT = "Use your bash tool to create " + FILE + " containing one short line greeting the reader "
            + "from inside an Agent OS VM, then tell me what you wrote.";
    private final AgentOs agentOs;
    private final Map<String, String> env;

    @Activate
    public QuickstartMode(@Reference AgentOs agentOs) {
        this(agentOs, System.getenv());
    }

    QuickstartMode(AgentOs agentOs, Map<String, String> env) {
        this.agentOs = agentOs;
        this.env = env;
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        String key = env.get("ANTHROPIC_API_KEY");
        boolean real = key != null && !key.isBlank();
        FakeModelServer fake = null;
        Vm vm = null;
        try {
            String baseUrl;
            if (real) {
                baseUrl = env.getOrDefault("ANTHROPIC_BASE_URL", AgentCli.DEFAULT_BASE_URL);
            } else {
                fake = FakeModelServer.start(
                        Fixture.onUserText("create " + FILE).toolCall("I'll write the greeting with bash.", "bash",
                                Map.of("command", "echo 'Hello from inside an Agent OS VM!' > " + FILE + " && cat " + FILE)),
                        Fixture.onToolResult().text("I wrote \"Hello from inside an Agent OS VM!\" to " + FILE + "."));
                baseUrl = fake.baseUrl();
                key = "sk-agentos-fake";
            }
            out.println("== 1. Booting a VM");
            long t0 = System.nanoTime();
            vm = agentOs.create(AgentCli.forProvider(VmConfig.builder().software(SoftwareRef.named("pi")), baseUrl).build());
            out.printf("   %s is ready (%d ms)%n", vm.id(), (System.nanoTime() - t0) / 1_000_000);

            String pipeline = "uname -a; echo hello | sed s/hello/hi/; ls /opt/agentos/bin | wc -l";
            out.println("== 2. A shell pipeline in the VM: " + pipeline);
            ExecResult r = vm.process().exec(pipeline, ExecOptions.builder()
                    .onStdout(b -> out.print("   " + new String(b, StandardCharsets.UTF_8).replace("\n", "\n   ").stripTrailing() + "\n"))
                    .build()).toCompletableFuture().get();
            if (r.exitCode() == null || r.exitCode() != 0) {
                err.println("quickstart: the pipeline failed: " + r.stderrText());
                return 1;
            }

            out.println("== 3. One turn of the Pi coding agent (upstream @agentos-software/pi 0.2.7, running in the VM)");
            out.println(real ? "   model: Anthropic at " + baseUrl + " (ANTHROPIC_API_KEY is set)"
                    : "   model: the embedded fake model server at " + baseUrl + " (set ANTHROPIC_API_KEY to use Anthropic)");
            long t1 = System.nanoTime();
            vm.sessions().open(AgentCli.options("quickstart", "pi", "/workspace",
                    Map.of("ANTHROPIC_API_KEY", key, "ANTHROPIC_BASE_URL", baseUrl), PermissionPolicyMode.ALLOW_ALL))
                    .toCompletableFuture().get();
            out.printf("   session ready (%d ms); prompt: %s%n   ", (System.nanoTime() - t1) / 1_000_000, PROMPT);
            PromptResult turn = AgentCli.turn(vm, "quickstart", PROMPT, out, err,
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            out.println();
            out.println("   [stop: " + turn.stopReason() + "]");

            out.println("== 4. The file the agent wrote, read by the host: " + FILE);
            if (!vm.filesystem().exists(FILE)) {
                err.println("quickstart: the agent did not create " + FILE);
                return 1;
            }
            out.print("   " + new String(vm.filesystem().readFile(FILE), StandardCharsets.UTF_8));
            return 0;
        } catch (ExecutionException e) {
            err.println("quickstart: " + e.getCause().getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (java.io.IOException e) {
            err.println("quickstart: cannot start the fake model server: " + e.getMessage());
            return 1;
        } finally {
            if (vm != null) {
                vm.dispose();
            }
            close(fake);
        }
    }

    private static void close(@Nullable FakeModelServer fake) {
        if (fake != null) {
            fake.close();
        }
    }
}
