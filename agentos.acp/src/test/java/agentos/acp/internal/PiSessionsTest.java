package agentos.acp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.Vm;
import agentos.api.config.SessionDatabaseConfig;
import agentos.api.config.SoftwareRef;
import agentos.api.config.VmConfig;
import agentos.api.session.HistoryQuery;
import agentos.api.session.OpenSessionOptions;
import agentos.api.session.PermissionPolicyMode;
import agentos.api.session.PromptRequest;
import agentos.api.session.PromptResult;
import agentos.api.session.SessionStreamEntry;
import agentos.testing.FakeModelServer;
import agentos.testing.FakeModelServer.Fixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upstream's Pi agent (@agentos-software/pi@0.2.7, unmodified) through the session layer: opened by
 * {@code sessions.open}, prompted, its bash tool running in the VM, its model a fake Anthropic server on loopback.
 */
class PiSessionsTest {
    @TempDir
    Path dir;

    @Test
    void piSessionsDoToolAndTextTurnsAndASecondSessionOpensFaster() throws Exception {
        assertTrue(Files.isRegularFile(AgentVms.piPackage()), "the build fetches the Pi package to " + AgentVms.piPackage());
        try (AgentVms vms = new AgentVms(dir.resolve("sessions.db"), AcpSettings.defaults());
             FakeModelServer model = FakeModelServer.start(
                     Fixture.onUserText("create the file").toolCall("I will create it.", "bash",
                             Map.of("command", "echo made-by-pi > /workspace/pi.txt && cat /workspace/pi.txt")),
                     Fixture.onToolResult().text("Created /workspace/pi.txt."),
                     Fixture.onUserText("say hello").text("Hello from the fake model."),
                     Fixture.onUserText("tell a long story").text("Once upon a time, " + "and then ".repeat(200) + "the end.").withDelay(100),
                     Fixture.always().text("Second session here."))) {
            Vm vm = vms.os().create(VmConfig.builder().software(SoftwareRef.named("pi")).loopbackExemptPort(model.port())
                    .database(SessionDatabaseConfig.DEFAULT).build());
            Map<String, String> env = Map.of("ANTHROPIC_API_KEY", "sk-fake", "ANTHROPIC_BASE_URL", model.baseUrl());
            OpenSessionOptions main = new OpenSessionOptions("main", "pi", "/workspace", List.of(), env, List.of(),
                    PermissionPolicyMode.ALLOW_ALL, false, null);
            List<SessionStreamEntry> events = new CopyOnWriteArrayList<>();
            vm.sessions().onEvent("main", events::add);

            long t0 = System.nanoTime();
            vm.sessions().open(main).toCompletableFuture().get(300, TimeUnit.SECONDS);
            long firstOpenMs = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("pi-sdk-acp", vm.sessions().getAgentInfo("main").orElseThrow().name());

            long t1 = System.nanoTime();
            PromptResult tool = vm.sessions().prompt(PromptRequest.text("main", "please create the file"))
                    .toCompletableFuture().get(300, TimeUnit.SECONDS);
            long toolTurnMs = (System.nanoTime() - t1) / 1_000_000;
            assertEquals("end_turn", tool.stopReason());
            assertEquals("made-by-pi\n", new String(vm.filesystem().readFile("/workspace/pi.txt"), StandardCharsets.UTF_8));
            assertEquals("I will create it.Created /workspace/pi.txt.", SessionsTest.text(tool));
            assertTrue(events.stream().anyMatch(e -> e instanceof SessionStreamEntry.Durable && e.type().equals("tool_call_update")
                    && e.json().contains("completed") && e.json().contains("made-by-pi")), "a durable, completed bash tool call");
            assertTrue(events.stream().anyMatch(e -> e instanceof SessionStreamEntry.Ephemeral && e.type().equals("agent_message_chunk")),
                    "the answer streamed as ephemeral deltas");
            assertTrue(model.journal().get(0).body().toString().contains("Agent OS VM"), "the OS instructions reached Pi's system prompt");

            PromptResult text = vm.sessions().prompt(PromptRequest.text("main", "now say hello")).toCompletableFuture().get(300, TimeUnit.SECONDS);
            assertEquals("Hello from the fake model.", SessionsTest.text(text));
            assertEquals(List.of("user_message", "agent_message"), vm.sessions().readHistory(new HistoryQuery("main", null, null, 1000))
                    .events().stream().map(SessionStreamEntry::type).filter(t -> t.endsWith("_message")).toList().subList(2, 4));

            // Cancel while the model is still streaming (one SSE event per 100 ms).
            var slow = vm.sessions().prompt(PromptRequest.text("main", "please tell a long story")).toCompletableFuture();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (events.stream().noneMatch(e -> e instanceof SessionStreamEntry.Ephemeral && e.json().contains("Once upon"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(vm.sessions().cancelPrompt("main"));
            assertEquals("cancelled", slow.get(60, TimeUnit.SECONDS).stopReason());

            long t2 = System.nanoTime();
            vm.sessions().open(new OpenSessionOptions("second", "pi", "/workspace", List.of(), env, List.of(),
                    PermissionPolicyMode.ALLOW_ALL, false, null)).toCompletableFuture().get(300, TimeUnit.SECONDS);
            long secondOpenMs = (System.nanoTime() - t2) / 1_000_000;
            assertEquals("Second session here.", SessionsTest.text(vm.sessions().prompt(PromptRequest.text("second", "who are you"))
                    .toCompletableFuture().get(300, TimeUnit.SECONDS)));
            assertEquals(2, vm.sessions().list(null, 10).sessions().size());
            System.out.printf("pi sessions: first open %d ms, tool turn %d ms, second open %d ms%n", firstOpenMs, toolTurnMs, secondOpenMs);
            vm.dispose();
        }
    }
}
