package agentos.acp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.NotAvailableException;
import agentos.api.Vm;
import agentos.api.config.SessionDatabaseConfig;
import agentos.api.config.SoftwareRef;
import agentos.api.config.VmConfig;
import agentos.api.session.AgentExitEvent;
import agentos.api.session.HistoryPage;
import agentos.api.session.HistoryQuery;
import agentos.api.session.OpenSessionOptions;
import agentos.api.session.PermissionPolicyMode;
import agentos.api.session.PromptRequest;
import agentos.api.session.PromptResult;
import agentos.api.session.SessionException;
import agentos.api.session.SessionState;
import agentos.api.session.SessionStreamEntry;
import agentos.api.session.Sessions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session layer against a scripted ACP agent running under the VM's node: every flow but a real model. */
class SessionsTest {
    @TempDir
    static Path dir;
    static AgentVms vms;

    @BeforeAll
    static void start() {
        AcpSettings d = AcpSettings.defaults();
        vms = new AgentVms(dir.resolve("default.db"), new AcpSettings(60_000, 60_000, 2_000, 4096, 50, 4096, d.baseInstructions()));
    }

    @AfterAll
    static void stop() {
        vms.close();
    }

    static VmConfig config(SessionDatabaseConfig db) {
        return VmConfig.builder().software(SoftwareRef.named("script-agent")).database(db).build();
    }

    static OpenSessionOptions options(String id, PermissionPolicyMode policy) {
        return new OpenSessionOptions(id, "script", "/workspace", List.of(), Map.of("SCRIPT_LOAD", "0"), List.of(), policy, false, "Be brief.");
    }

    static <T> T await(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    static String text(PromptResult r) {
        return r.message() == null ? "" : r.message().content().stream()
                .map(b -> com.google.gson.JsonParser.parseString(b.json()).getAsJsonObject().get("text").getAsString())
                .reduce("", String::concat);
    }

    @Test
    void openPromptEventsHistoryConfigAndIdempotency() throws Exception {
        Vm vm = vms.os().create(config(SessionDatabaseConfig.DEFAULT));
        Sessions sessions = vm.sessions();
        assertEquals(List.of("script"), vm.agents().list().stream().map(a -> a.id()).toList());
        List<SessionStreamEntry> events = new CopyOnWriteArrayList<>();
        sessions.onEvent("main", events::add);

        await(sessions.open(options("main", PermissionPolicyMode.ALLOW_ALL)));
        await(sessions.open(options("main", PermissionPolicyMode.ALLOW_ALL))); // idempotent
        assertEquals("script-agent", sessions.getAgentInfo("main").orElseThrow().name());
        assertTrue(sessions.getCapabilities("main").orElseThrow().promptEmbeddedContext());
        String instructions = new String(vm.filesystem().readFile("/etc/agentos/instructions.md"), StandardCharsets.UTF_8);
        assertTrue(instructions.contains("Agent OS VM") && instructions.contains("Be brief."), instructions);
        assertEquals(1, vm.process().exec("echo x > /etc/agentos/instructions.md").toCompletableFuture().get().exitCode(),
                "the instructions are read-only to guests");

        PromptResult r = await(sessions.prompt(new PromptRequest("main", "k1", List.of(agentos.api.session.ContentBlock.text("hello there")))));
        assertEquals("end_turn", r.stopReason());
        assertEquals("echo: hello there", text(r));
        PromptResult again = await(sessions.prompt(new PromptRequest("main", "k1", List.of(agentos.api.session.ContentBlock.text("other")))));
        assertEquals(r.message().id(), again.message().id(), "a repeated idempotency key returns the first result");

        List<String> durable = events.stream().filter(e -> e instanceof SessionStreamEntry.Durable).map(SessionStreamEntry::type).toList();
        assertEquals(List.of("user_message", "plan", "agent_message"), durable);
        assertEquals(2, events.stream().filter(e -> e instanceof SessionStreamEntry.Ephemeral && e.type().equals("agent_message_chunk")).count());

        HistoryPage h = sessions.readHistory(new HistoryQuery("main", null, null, 10));
        assertEquals(List.of(1L, 2L, 3L), h.events().stream().map(SessionStreamEntry.Durable::sequence).toList());
        HistoryPage after = sessions.readHistory(new HistoryQuery("main", null, 1L, 1));
        assertEquals(2L, after.events().get(0).sequence());
        assertTrue(after.hasMoreAfter() && after.hasMoreBefore());
        HistoryPage before = sessions.readHistory(new HistoryQuery("main", 3L, null, 1));
        assertEquals(2L, before.events().get(0).sequence());

        assertEquals("default", sessions.getConfig("main").options().get(0).currentValue());
        assertEquals("plan", sessions.setConfigOption("main", "mode", "plan").options().get(0).currentValue());
        assertThrows(SessionException.class, () -> sessions.setConfigOption("main", "nope", "x"));

        var info = sessions.get("main").orElseThrow();
        assertInstanceOf(SessionState.Idle.class, info.state());
        assertEquals("/workspace", info.cwd());
        assertEquals(1, sessions.list(null, 10).sessions().size());
        vm.dispose();
    }

    @Test
    void askPolicyApproveAndRejectAndInvalidOption() throws Exception {
        Vm vm = vms.os().create(config(SessionDatabaseConfig.DEFAULT));
        Sessions sessions = vm.sessions();
        await(sessions.open(options("s", PermissionPolicyMode.ASK)));
        List<SessionStreamEntry> events = new CopyOnWriteArrayList<>();
        sessions.onEvent("s", events::add);
        for (String choice : List.of("yes-once", "no-once")) {
            events.clear();
            CompletableFuture<PromptResult> turn = sessions.prompt(PromptRequest.text("s", "please ask")).toCompletableFuture();
            SessionStreamEntry.Durable request = waitFor(events, "permission_request");
            var waiting = assertInstanceOf(SessionState.Waiting.class, sessions.get("s").orElseThrow().state());
            assertEquals(request.requestId(), waiting.requests().get(0).requestId());
            assertEquals(List.of("yes-once", "no-once"), waiting.requests().get(0).options().stream().map(o -> o.optionId()).toList());
            SessionException bad = assertThrows(SessionException.class, () -> sessions.respondPermission("s", request.requestId(), "maybe"));
            assertEquals("invalid_permission_option", bad.code());
            assertFalse(turn.isDone(), "no implicit timeout: the turn waits for the host");
            assertTrue(sessions.respondPermission("s", request.requestId(), choice).accepted());
            assertEquals("already_resolved", sessions.respondPermission("s", request.requestId(), choice).reason());
            assertEquals("outcome:" + choice, text(turn.get(60, TimeUnit.SECONDS)));
            waitFor(events, "permission_response");
        }
        assertEquals("request_not_found", sessions.respondPermission("s", "perm_nope", "x").reason());
        vm.dispose();
    }

    @Test
    void allowAllAndRejectAllAnswerWithoutRecording() throws Exception {
        Vm vm = vms.os().create(config(SessionDatabaseConfig.DEFAULT));
        Sessions sessions = vm.sessions();
        await(sessions.open(options("a", PermissionPolicyMode.ALLOW_ALL)));
        await(sessions.open(options("r", PermissionPolicyMode.REJECT_ALL)));
        assertEquals("outcome:yes-once", text(await(sessions.prompt(PromptRequest.text("a", "ask")))));
        assertEquals("outcome:no-once", text(await(sessions.prompt(PromptRequest.text("r", "ask")))));
        assertTrue(sessions.readHistory(new HistoryQuery("a", null, null, 100)).events().stream()
                .noneMatch(e -> e.type().startsWith("permission_")), "auto-resolved requests are not persisted");
        assertEquals(2, sessions.list(null, 10).sessions().size());
        var firstPage = sessions.list(null, 1);
        assertEquals(1, firstPage.sessions().size());
        var second = sessions.list(firstPage.nextCursor(), 1);
        assertEquals(1, second.sessions().size());
        assertFalse(firstPage.sessions().get(0).sessionId().equals(second.sessions().get(0).sessionId()));
        assertNull(second.nextCursor());
        vm.dispose();
    }

    @Test
    void cancelDuringASlowTurnAndCancelWhileAsking() throws Exception {
        Vm vm = vms.os().create(config(SessionDatabaseConfig.DEFAULT));
        Sessions sessions = vm.sessions();
        await(sessions.open(options("c", PermissionPolicyMode.ASK)));
        List<SessionStreamEntry> events = new CopyOnWriteArrayList<>();
        sessions.onEvent("c", events::add);
        CompletableFuture<PromptResult> slow = sessions.prompt(PromptRequest.text("c", "be slow")).toCompletableFuture();
        waitFor(events, "agent_message_chunk");
        assertTrue(sessions.cancelPrompt("c"));
        assertEquals("cancelled", slow.get(30, TimeUnit.SECONDS).stopReason());
        assertFalse(sessions.cancelPrompt("c"), "no active prompt");

        events.clear();
        CompletableFuture<PromptResult> asking = sessions.prompt(PromptRequest.text("c", "ask")).toCompletableFuture();
        SessionStreamEntry.Durable request = waitFor(events, "permission_request");
        assertTrue(sessions.cancelPrompt("c"));
        assertEquals("cancelled", asking.get(30, TimeUnit.SECONDS).stopReason());
        assertEquals("prompt_cancelled", sessions.respondPermission("c", request.requestId(), "yes-once").reason());
        vm.dispose();
    }

    @Test
    void agentExitMidTurnFailsThePromptAndTheNextPromptRestores() throws Exception {
        Vm vm = vms.os().create(config(SessionDatabaseConfig.DEFAULT));
        Sessions sessions = vm.sessions();
        await(sessions.open(options("x", PermissionPolicyMode.ALLOW_ALL)));
        List<AgentExitEvent> exits = new CopyOnWriteArrayList<>();
        sessions.onAgentExit("x", exits::add);
        StringBuffer stderr = new StringBuffer();
        sessions.onAgentStderr("x", e -> stderr.append(new String(e.chunk(), StandardCharsets.UTF_8)));
        CompletionException e = assertThrows(CompletionException.class, () -> sessions.prompt(PromptRequest.text("x", "exit now"))
                .toCompletableFuture().orTimeout(60, TimeUnit.SECONDS).join());
        assertEquals("adapter_exited", ((SessionException) e.getCause()).code());
        assertEquals(1, exits.size());
        assertEquals(3, exits.get(0).exitCode());
        assertTrue(stderr.toString().contains("agent: exiting on request"), stderr.toString());
        assertTrue(e.getCause().getMessage().contains("agent: exiting on request"), "the error carries the agent's last stderr: "
                + e.getCause().getMessage());
        assertInstanceOf(SessionState.Failed.class, sessions.get("x").orElseThrow().state());
        assertTrue(text(await(sessions.prompt(PromptRequest.text("x", "again")))).endsWith(" again"), "no silent restart, but the next prompt restores");
        vm.dispose();
    }

    @Test
    void unloadThenPromptAgainAndDelete() throws Exception {
        Vm vm = vms.os().create(config(SessionDatabaseConfig.DEFAULT));
        Sessions sessions = vm.sessions();
        await(sessions.open(options("u", PermissionPolicyMode.ALLOW_ALL)));
        sessions.unload("u");
        waitUntil(() -> vm.process().list().stream().noneMatch(p -> p.state() == agentos.api.process.ProcessState.RUNNING));
        String back = text(await(sessions.prompt(PromptRequest.text("u", "back"))));
        assertTrue(back.contains("/tmp/agentos-transcript-u.md") && back.endsWith(" back"),
                "without session/load the agent gets the transcript preamble: " + back);
        sessions.delete("u");
        sessions.delete("u");
        assertTrue(sessions.get("u").isEmpty());
        assertEquals("session_not_found", assertThrows(SessionException.class, () -> sessions.prompt(PromptRequest.text("u", "x"))).code());
        vm.dispose();
    }

    @Test
    void clientMethodsUnknownMethodsAndLineCap() throws Exception {
        Vm vm = vms.os().create(config(SessionDatabaseConfig.DEFAULT));
        Sessions sessions = vm.sessions();
        await(sessions.open(options("m", PermissionPolicyMode.ALLOW_ALL)));
        assertEquals("echo: error:-32601", "echo: " + text(await(sessions.prompt(PromptRequest.text("m", "bogus")))));
        assertEquals("read:b\n exit:4 out:term-out", text(await(sessions.prompt(PromptRequest.text("m", "files")))));
        assertEquals("a\nb\nc\n", new String(vm.filesystem().readFile("/workspace/fs.txt"), StandardCharsets.UTF_8));
        CompletionException e = assertThrows(CompletionException.class, () -> sessions.prompt(PromptRequest.text("m", "huge"))
                .toCompletableFuture().orTimeout(60, TimeUnit.SECONDS).join());
        assertEquals("line_too_long", ((SessionException) e.getCause()).code());
        vm.dispose();
    }

    @Test
    void unknownAgentAndMissingLayerInputsAreClear() throws Exception {
        Vm vm = vms.os().create(config(SessionDatabaseConfig.DEFAULT));
        CompletionException e = assertThrows(CompletionException.class,
                () -> vm.sessions().open(OpenSessionOptions.of("nope")).toCompletableFuture().join());
        assertTrue(e.getCause().getMessage().contains("no agent 'nope'") && e.getCause().getMessage().contains("script"), e.getCause().getMessage());
        assertThrows(IllegalArgumentException.class, () -> vm.sessions().open(new OpenSessionOptions("bad id", "script", null,
                List.of(), Map.of(), List.of(), PermissionPolicyMode.ALLOW_ALL, false, null)));
        vm.dispose();
        agentos.kernel.internal.VmRegistry bare = new agentos.kernel.internal.VmRegistry(4,
                (org.osgi.service.log.Logger) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {org.osgi.service.log.Logger.class}, (p, m, a) -> null),
                System::currentTimeMillis, new agentos.vfs.internal.VfsFactory(), List::of, List::of, List::of);
        NotAvailableException missing = assertThrows(NotAvailableException.class, () -> bare.create(VmConfig.builder()
                .defaultSoftware(false).build()).sessions());
        assertTrue(missing.getMessage().contains("agentos.acp"), missing.getMessage());
        bare.deactivate();
    }

    @Test
    void aNamedScopeOutlivesItsVmAndFallsBackToATranscript() throws Exception {
        SessionDatabaseConfig db = SessionDatabaseConfig.sqliteFile(dir.resolve("durable.db").toString()).withScope("team-a");
        Vm first = vms.os().create(config(db));
        await(first.sessions().open(options("keep", PermissionPolicyMode.ALLOW_ALL)));
        await(first.sessions().prompt(PromptRequest.text("keep", "remember the word zebra")));
        Vm clash = vms.os().create(config(db));
        assertEquals("scope_in_use", assertThrows(SessionException.class, clash::sessions).code());
        clash.dispose();
        first.dispose();

        // A fresh runtime over the same file, as after a sidecar restart.
        try (AgentVms restarted = new AgentVms(dir.resolve("default.db"), AcpSettings.defaults())) {
            Vm second = restarted.os().create(config(db));
            Sessions sessions = second.sessions();
            var info = sessions.get("keep").orElseThrow();
            assertEquals(3, info.latestSequence());
            assertEquals("script-agent", sessions.getAgentInfo("keep").orElseThrow().name(), "cached, without starting the agent");
            assertEquals("session_not_open", assertThrows(CompletionException.class,
                    () -> sessions.prompt(PromptRequest.text("keep", "x")).toCompletableFuture().join()).getCause() instanceof SessionException se
                    ? se.code() : "?");
            await(sessions.open(options("keep", PermissionPolicyMode.ALLOW_ALL)));
            PromptResult r = await(sessions.prompt(PromptRequest.text("keep", "what was the word?")));
            assertTrue(text(r).contains("/tmp/agentos-transcript-keep.md"), "the first prompt carries the transcript preamble: " + text(r));
            String transcript = new String(second.filesystem().readFile("/tmp/agentos-transcript-keep.md"), StandardCharsets.UTF_8);
            assertTrue(transcript.contains("remember the word zebra") && transcript.contains("echo: remember"), transcript);
            HistoryPage h = sessions.readHistory(new HistoryQuery("keep", null, 0L, 100));
            assertEquals("user_message", h.events().get(0).type());
            second.dispose();
        }
    }

    @Test
    void pendingPermissionRequestsOutliveTheVm() throws Exception {
        SessionDatabaseConfig db = SessionDatabaseConfig.sqliteFile(dir.resolve("pending.db").toString()).withScope("pending");
        Vm first = vms.os().create(config(db));
        await(first.sessions().open(options("w", PermissionPolicyMode.ASK)));
        List<SessionStreamEntry> events = new CopyOnWriteArrayList<>();
        first.sessions().onEvent("w", events::add);
        CompletableFuture<PromptResult> turn = first.sessions().prompt(PromptRequest.text("w", "ask")).toCompletableFuture();
        String requestId = waitFor(events, "permission_request").requestId();
        first.dispose();
        assertEquals("vm_shutdown", ((SessionException) assertThrows(java.util.concurrent.ExecutionException.class,
                () -> turn.get(30, TimeUnit.SECONDS)).getCause()).code());

        Vm second = vms.os().create(config(db));
        var waiting = assertInstanceOf(SessionState.Waiting.class, second.sessions().get("w").orElseThrow().state());
        assertEquals(requestId, waiting.requests().get(0).requestId());
        assertEquals("vm_shutdown", second.sessions().respondPermission("w", requestId, "yes-once").reason());
        second.dispose();
    }

    @Test
    void aHandshakeThatNeverAnswersTimesOutAndLeavesNothingStored() throws Exception {
        AcpSettings d = AcpSettings.defaults();
        try (AgentVms quick = new AgentVms(dir.resolve("quick.db"), new AcpSettings(1_500, 1_500, 1_000, 4096, 50, 4096, d.baseInstructions()))) {
            Vm vm = quick.os().create(config(SessionDatabaseConfig.DEFAULT));
            OpenSessionOptions o = new OpenSessionOptions("h", "script", "/workspace", List.of(), Map.of("SCRIPT_HANG_INIT", "1"),
                    List.of(), PermissionPolicyMode.ALLOW_ALL, false, null);
            CompletionException e = assertThrows(CompletionException.class, () -> vm.sessions().open(o).toCompletableFuture().join());
            assertEquals("handshake_timeout", ((SessionException) e.getCause()).code());
            assertTrue(vm.sessions().get("h").isEmpty(), "a session that never opened is not stored");
            waitUntil(() -> vm.process().list().stream().noneMatch(p -> p.state() == agentos.api.process.ProcessState.RUNNING));
            vm.dispose();
        }
    }

    @Test
    void retentionPrunesAndAnExpiredCursorIsATypedError() throws Exception {
        Vm vm = vms.os().create(config(SessionDatabaseConfig.DEFAULT));
        Sessions sessions = vm.sessions();
        await(sessions.open(options("p", PermissionPolicyMode.ALLOW_ALL)));
        for (int i = 0; i < 20; i++) {
            await(sessions.prompt(PromptRequest.text("p", "n" + i)));
        }
        HistoryPage all = sessions.readHistory(new HistoryQuery("p", null, null, 1000));
        assertEquals(50, all.events().size(), "retention keeps maxEventsPerSession");
        assertEquals(60, all.events().get(all.events().size() - 1).sequence());
        assertEquals("expired_cursor", assertThrows(SessionException.class,
                () -> sessions.readHistory(new HistoryQuery("p", null, 2L, 10))).code());
        vm.dispose();
    }

    static SessionStreamEntry.Durable waitFor(List<SessionStreamEntry> events, String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (SessionStreamEntry e : events) {
                if (e.type().equals(type)) {
                    return e instanceof SessionStreamEntry.Durable d ? d : new SessionStreamEntry.Durable(e.sessionId(), -1, 0, type, null, e.json());
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + type + " event in 60 s; got " + events);
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 30 s");
            }
            Thread.sleep(20);
        }
    }
}
