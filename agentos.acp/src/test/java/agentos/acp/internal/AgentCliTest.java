package agentos.acp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.testing.FakeModelServer;
import agentos.testing.FakeModelServer.Fixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agentos quickstart} and {@code agentos prompt} with upstream's Pi, against the fake model server. */
class AgentCliTest {
    @TempDir
    static Path dir;
    static AgentVms vms;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        vms = new AgentVms(dir.resolve("sessions.db"), AcpSettings.defaults());
    }

    @AfterAll
    static void stop() {
        vms.close();
    }

    int run(agentos.api.spi.LauncherMode mode, String... args) {
        return mode.run(List.of(args), new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void quickstartRunsThePipelineAndAPiTurnAgainstTheEmbeddedFakeServer() {
        int status = run(new QuickstartMode(vms.os(), Map.of()));
        String o = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, o + err);
        assertTrue(o.contains("   hi\n"), o);
        assertTrue(o.contains("the embedded fake model server"), o);
        assertTrue(o.contains("[tool] bash started") && o.contains("[tool] completed"), o);
        assertTrue(o.endsWith("   Hello from inside an Agent OS VM!\n"), o);
    }

    @Test
    void promptStreamsAgainstTheConfiguredProviderAndNamesMissingCredentials() throws Exception {
        assertEquals(AgentCli.EX_CONFIG, run(new PromptMode(vms.os(), Map.of()), "--agent", "pi", "hello"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("set ANTHROPIC_API_KEY"), err.toString());
        err.reset();
        assertEquals(AgentCli.EX_USAGE, run(new PromptMode(vms.os(), Map.of()), "hello"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--agent is required"), err.toString());
        err.reset();
        try (FakeModelServer model = FakeModelServer.start(Fixture.always().text("Pong from the provider."))) {
            int status = run(new PromptMode(vms.os(), Map.of("ANTHROPIC_API_KEY", "sk-test", "ANTHROPIC_BASE_URL", model.baseUrl())),
                    "--agent", "pi", "--yes", "ping");
            assertEquals(0, status, out.toString() + err);
            assertEquals("Pong from the provider.\n", out.toString(StandardCharsets.UTF_8));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("[stop: end_turn]"), err.toString());
            assertEquals("sk-test", model.journal().get(0).header("x-api-key"));
        }
    }
}
