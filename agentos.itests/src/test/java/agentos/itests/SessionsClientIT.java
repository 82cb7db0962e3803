package agentos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
import agentos.api.fs.FileType;
import agentos.api.session.AgentExitEvent;
import agentos.api.spi.AgentManifest;
import agentos.api.spi.AospkgWriter;
import agentos.api.spi.PackageCommand;
import agentos.api.spi.PackageEntry;
import agentos.api.spi.PackageManifest;
import agentos.api.spi.SoftwarePackage;
import agentos.client.AgentOsClient;
import agentos.testing.FakeModelServer;
import agentos.testing.FakeModelServer.Fixture;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * Durable Pi sessions through agentos.client and a real sidecar (the same flows as the in-process tests in
 * agentos.acp): a tool turn whose file the host reads, streamed events, history, a typed error, and the session
 * coming back after the sidecar is restarted; and, with agentos.acp's scripted ACP agent packed into an .aospkg,
 * the flows a real agent cannot be made to show on demand (ask, cancel, agent exit, unload, late subscribers).
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

    /** agentos.acp's scripted test agent as package (and agent) {@code script}. */
    static Path scriptAgentPackage() throws Exception {
        byte[] agent = Files.readAllBytes(Path.of(System.getProperty("agentos.bundles.dir"),
                "agentos.acp", "src", "test", "resources", "script-agent", "agent.js"));
        SoftwarePackage pkg = new SoftwarePackage() {
            @Override
            public PackageManifest manifest() {
                return new PackageManifest("script", "1.0.0", List.of(new PackageCommand("script-agent", "bin/agent.js", null)),
                        new AgentManifest("script", "script-agent", Map.of(), List.of()), Map.of());
            }

            @Override
            public List<PackageEntry> entries() {
                return List.of(new PackageEntry("bin/agent.js", FileType.FILE, 0755, agent.length, null));
            }

            @Override
            public java.io.InputStream open(String path) {
                return new java.io.ByteArrayInputStream(agent);
            }
        };
        Path file = Files.createTempDirectory("agentos-script-agent").resolve("script.aospkg");
        AospkgWriter.write(pkg, file);
        return file;
    }

    static SessionStreamEntry waitFor(List<SessionStreamEntry> events, String type) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            for (SessionStreamEntry e : events) {
                if (e.type().equals(type)) {
                    return e;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + type + " event in " + events);
    }

    @Test
    public void askCancelAgentExitUnloadAndLateSubscribersThroughTheClient() throws Exception {
        VmConfig config = VmConfig.builder().software(SoftwareRef.file(scriptAgentPackage().toString())).build();
        try (AgentOsClient client = AgentOsClient.start(AgentOsClient.Options.builder().jar(FacadeClientIT.sidecarJar()).build())) {
            Vm vm = client.create(config);
            var sessions = vm.sessions();
            assertEquals(List.of("script"), vm.agents().list().stream().map(a -> a.id()).toList());
            sessions.open(new OpenSessionOptions("s", "script", "/workspace", List.of(), Map.of(), List.of(),
                    PermissionPolicyMode.ASK, false, null)).toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
            List<SessionStreamEntry> events = new CopyOnWriteArrayList<>();
            sessions.onEvent("s", events::add);

            // ask: the request is durable, an unknown option is a typed error, the host's choice reaches the agent.
            for (String choice : List.of("yes-once", "no-once")) {
                events.clear();
                CompletableFuture<PromptResult> turn = sessions.prompt(PromptRequest.text("s", "please ask")).toCompletableFuture();
                var request = (SessionStreamEntry.Durable) waitFor(events, "permission_request");
                var waiting = (SessionState.Waiting) sessions.get("s").orElseThrow().state();
                assertEquals(request.requestId(), waiting.requests().get(0).requestId());
                assertEquals("invalid_permission_option",
                        assertThrows(SessionException.class, () -> sessions.respondPermission("s", request.requestId(), "maybe")).code());
                assertFalse("the turn waits for the host", turn.isDone());
                assertTrue(sessions.respondPermission("s", request.requestId(), choice).accepted());
                assertEquals("already_resolved", sessions.respondPermission("s", request.requestId(), choice).reason());
                assertEquals("outcome:" + choice, text(turn.get(WAIT_S, TimeUnit.SECONDS)));
            }

            // cancel during a slow streamed turn.
            events.clear();
            CompletableFuture<PromptResult> slow = sessions.prompt(PromptRequest.text("s", "be slow")).toCompletableFuture();
            waitFor(events, "agent_message_chunk");
            assertTrue(sessions.cancelPrompt("s"));
            assertEquals("cancelled", slow.get(WAIT_S, TimeUnit.SECONDS).stopReason());

            // a late subscriber catches up with readHistory(after) and then sees live events.
            long seen = sessions.get("s").orElseThrow().latestSequence();
            sessions.prompt(PromptRequest.text("s", "while nobody listens")).toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
            List<SessionStreamEntry> late = new CopyOnWriteArrayList<>();
            sessions.onEvent("s", late::add);
            var missed = sessions.readHistory(new HistoryQuery("s", null, seen, 100)).events();
            assertEquals(List.of("user_message", "plan", "agent_message"), missed.stream().map(SessionStreamEntry::type).toList());
            assertTrue(missed.get(2).json().contains("echo: while nobody listens"));
            sessions.prompt(PromptRequest.text("s", "now listening")).toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
            assertTrue(waitFor(late, "agent_message").json().contains("now listening"));

            // config options cross the wire.
            assertEquals("plan", sessions.setConfigOption("s", "mode", "plan").options().get(0).currentValue());

            // the agent exiting mid-turn fails the prompt with a typed error after an agent-exit event and its stderr.
            List<AgentExitEvent> exits = new CopyOnWriteArrayList<>();
            sessions.onAgentExit("s", exits::add);
            StringBuffer stderr = new StringBuffer();
            sessions.onAgentStderr("s", e -> stderr.append(new String(e.chunk(), StandardCharsets.UTF_8)));
            CompletionException failed = assertThrows(CompletionException.class, () -> sessions.prompt(PromptRequest.text("s", "exit now"))
                    .toCompletableFuture().orTimeout(WAIT_S, TimeUnit.SECONDS).join());
            assertEquals("adapter_exited", ((SessionException) failed.getCause()).code());
            for (int i = 0; i < 100 && exits.isEmpty(); i++) {
                Thread.sleep(50); // the event travels on its own frame; the response may overtake it on the client side
            }
            assertEquals(Integer.valueOf(3), exits.get(0).exitCode());
            assertTrue(stderr.toString(), stderr.toString().contains("agent: exiting on request"));
            assertTrue(sessions.get("s").orElseThrow().state() instanceof SessionState.Failed);

            // unload, then the next prompt restores the session (transcript fallback: no session/load).
            sessions.unload("s");
            String back = text(sessions.prompt(PromptRequest.text("s", "back")).toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS));
            assertTrue(back, back.contains("/tmp/agentos-transcript-s.md") && back.endsWith(" back"));
            sessions.delete("s");
            assertTrue(sessions.get("s").isEmpty());
            vm.dispose();
        }
    }
}
