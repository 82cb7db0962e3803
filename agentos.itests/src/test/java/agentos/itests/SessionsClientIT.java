package agentos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import agentos.api.Vm;
import agentos.api.config.SessionDatabaseConfig;
import agentos.api.config.SoftwareRef;
import agentos.api.config.VmConfig;
import agentos.api.session.ContentBlock;
import agentos.api.session.HistoryQuery;
import agentos.api.session.OpenSessionOptions;
import agentos.api.session.PermissionPolicyMode;
import agentos.api.session.PromptRequest;
import agentos.api.session.PromptResult;
import agentos.api.session.SessionException;
import agentos.api.session.SessionState;
import agentos.api.session.SessionStreamEntry;
import agentos.client.AgentOsClient;
import agentos.testing.FakeModelServer;
import agentos.testing.FakeModelServer.Fixture;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * Durable Pi sessions through agentos.client and a real sidecar (the same flows as the in-process tests in
 * agentos.acp): a tool turn whose file the host reads, streamed events, history, a typed error, and the session
 * coming back after the sidecar is restarted.
 */
public class SessionsClientIT {
    private static final long WAIT_S = 300;

    static String text(PromptResult r) {
        return r.message() == null ? "" : r.message().content().stream()
                .map(b -> JsonParser.parseString(b.json()).getAsJsonObject().get("text").getAsString()).reduce("", String::concat);
    }

    @Test
    public void piSessionThroughTheClientSurvivesASidecarRestart() throws Exception {
        Path db = Files.createTempDirectory("agentos-sessions-it").resolve("sessions.db");
        SessionDatabaseConfig database = SessionDatabaseConfig.sqliteFile(db.toString()).withScope("it");
        try (FakeModelServer model = FakeModelServer.start(
                Fixture.onUserText("create the file").toolCall("Creating.", "bash",
                        Map.of("command", "echo via-client > /workspace/c.txt && cat /workspace/c.txt")),
                Fixture.onToolResult().text("Done."),
                Fixture.always().text("I read the transcript."))) {
            VmConfig config = VmConfig.builder().software(SoftwareRef.named("pi")).loopbackExemptPort(model.port())
                    .database(database).build();
            OpenSessionOptions options = new OpenSessionOptions("main", "pi", "/workspace", List.of(),
                    Map.of("ANTHROPIC_API_KEY", "sk-fake", "ANTHROPIC_BASE_URL", model.baseUrl()), List.of(),
                    PermissionPolicyMode.ALLOW_ALL, false, null);

            try (AgentOsClient client = AgentOsClient.start(AgentOsClient.Options.builder().jar(FacadeClientIT.sidecarJar()).build())) {
                Vm vm = client.create(config);
                assertEquals(List.of("pi"), vm.agents().list().stream().map(a -> a.id()).toList());
                List<SessionStreamEntry> events = new CopyOnWriteArrayList<>();
                vm.sessions().onEvent("main", events::add);
                vm.sessions().open(options).toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
                assertEquals("pi-sdk-acp", vm.sessions().getAgentInfo("main").orElseThrow().name());
                PromptResult r = vm.sessions().prompt(new PromptRequest("main", "turn-1", List.of(ContentBlock.text("please create the file"))))
                        .toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
                assertEquals("end_turn", r.stopReason());
                assertEquals("Creating.Done.", text(r));
                assertEquals("via-client\n", new String(vm.filesystem().readFile("/workspace/c.txt"), StandardCharsets.UTF_8));
                assertTrue(events.stream().anyMatch(e -> e instanceof SessionStreamEntry.Ephemeral));
                assertTrue(events.stream().anyMatch(e -> e instanceof SessionStreamEntry.Durable d && d.type().equals("tool_call")));
                assertTrue(vm.sessions().get("main").orElseThrow().state() instanceof SessionState.Idle);
                SessionException missing = assertThrows(SessionException.class, () -> vm.sessions().getConfig("nope"));
                assertEquals("session_not_found", missing.code());
                vm.dispose();
            }

            try (AgentOsClient restarted = AgentOsClient.start(AgentOsClient.Options.builder().jar(FacadeClientIT.sidecarJar()).build())) {
                Vm vm = restarted.create(config);
                var info = vm.sessions().get("main").orElseThrow();
                var history = vm.sessions().readHistory(new HistoryQuery("main", null, null, 1000));
                assertEquals(info.latestSequence(), history.events().get(history.events().size() - 1).sequence());
                assertEquals("user_message", history.events().get(0).type());
                assertTrue(history.events().get(0).json().contains("please create the file"));
                vm.sessions().open(options).toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
                PromptResult again = vm.sessions().prompt(PromptRequest.text("main", "what did you do before?"))
                        .toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
                assertEquals("I read the transcript.", text(again));
                assertTrue("the restored agent got the transcript preamble",
                        model.journal().get(model.journal().size() - 1).body().toString().contains("/tmp/agentos-transcript-main.md"));
                assertTrue(new String(vm.filesystem().readFile("/tmp/agentos-transcript-main.md"), StandardCharsets.UTF_8)
                        .contains("please create the file"));
                vm.dispose();
            }
        }
    }
}
