package agentos.acp.internal;

import agentos.api.AgentOs;
import agentos.api.Vm;
import agentos.api.config.SessionDatabaseConfig;
import agentos.api.config.SoftwareRef;
import agentos.api.config.VmConfig;
import agentos.api.session.PermissionPolicyMode;
import agentos.api.session.PromptResult;
import agentos.api.session.SessionException;
import agentos.api.spi.LauncherMode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code agentos prompt --agent pi [--session ID] [--cwd DIR] [--yes|--no] TEXT}: one turn of an agent in a fresh
 * VM, streamed. Sessions are kept in the default session database under scope {@code cli}, so a later prompt with
 * the same {@code --session} continues the conversation (from its transcript: the VM itself is new).
 */
@Component(property = LauncherMode.NAME + "=prompt")
public final class PromptMode implements LauncherMode {
    static final String USAGE = "usage: agentos prompt --agent pi [--session ID] [--cwd DIR] [--yes|--no] TEXT";
    private final AgentOs agentOs;
    private final Map<String, String> env;

    @Activate
    public PromptMode(@Reference AgentOs agentOs) {
        this(agentOs, System.getenv());
    }

    PromptMode(AgentOs agentOs, Map<String, String> env) {
        this.agentOs = agentOs;
        this.env = env;
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        String agent = null;
        String session = "main";
        String cwd = "/workspace";
        PermissionPolicyMode policy = PermissionPolicyMode.ASK;
        List<String> text = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--yes" -> policy = PermissionPolicyMode.ALLOW_ALL;
                case "--no" -> policy = PermissionPolicyMode.REJECT_ALL;
                case "--agent", "--session", "--cwd" -> {
                    if (i + 1 >= args.size()) {
                        err.println("agentos prompt: " + a + " needs a value; " + USAGE);
                        return AgentCli.EX_USAGE;
                    }
                    String v = args.get(++i);
                    if (a.equals("--agent")) {
                        agent = v;
                    } else if (a.equals("--session")) {
                        session = v;
                    } else if (!v.startsWith("/")) {
                        err.println("agentos prompt: --cwd must be an absolute path in the VM, got '" + v + "'");
                        return AgentCli.EX_USAGE;
                    } else {
                        cwd = v;
                    }
                }
                default -> text.add(a);
            }
        }
        if (agent == null || text.isEmpty()) {
            err.println("agentos prompt: " + (agent == null ? "--agent is required" : "no prompt text") + "; " + USAGE);
            return AgentCli.EX_USAGE;
        }
        if (!agent.equals("pi")) {
            err.println("agentos prompt: agent '" + agent + "' is not available from the command line; agents: pi");
            return AgentCli.EX_USAGE;
        }
        String key = env.get("ANTHROPIC_API_KEY");
        if (key == null || key.isBlank()) {
            err.println("agentos prompt: set ANTHROPIC_API_KEY to your Anthropic API key (and ANTHROPIC_BASE_URL to use "
                    + "another endpoint); Pi reaches its model with them. Try ./agentos quickstart for a run without a key.");
            return AgentCli.EX_CONFIG;
        }
        String baseUrl = env.getOrDefault("ANTHROPIC_BASE_URL", AgentCli.DEFAULT_BASE_URL);
        Map<String, String> agentEnv = Map.of("ANTHROPIC_API_KEY", key, "ANTHROPIC_BASE_URL", baseUrl);
        VmConfig config;
        try {
            config = AgentCli.forProvider(VmConfig.builder().software(SoftwareRef.named("pi"))
                    .database(SessionDatabaseConfig.DEFAULT.withScope("cli")), baseUrl).build();
        } catch (IllegalArgumentException e) {
            err.println("agentos prompt: " + e.getMessage());
            return AgentCli.EX_CONFIG;
        }
        Vm vm = agentOs.create(config);
        try {
            err.println("[agentos] starting " + agent + " (session " + session + ")…");
            vm.sessions().open(AgentCli.options(session, agent, cwd, agentEnv, policy)).toCompletableFuture().get();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            PromptResult r = AgentCli.turn(vm, session, String.join(" ", text), out, err, reader);
            out.println();
            err.println("[stop: " + r.stopReason() + "]");
            return 0;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            err.println("\nagentos prompt: " + (c instanceof SessionException ? c.getMessage() : String.valueOf(c)));
            return 1;
        } catch (SessionException e) {
            err.println("\nagentos prompt: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            vm.dispose();
        }
    }
}
