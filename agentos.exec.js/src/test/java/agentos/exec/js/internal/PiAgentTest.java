package agentos.exec.js.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.Vm;
import agentos.api.config.VmConfig;
import agentos.api.process.OutputChannel;
import agentos.api.process.SpawnOptions;
import agentos.testing.FakeModelServer;
import agentos.testing.FakeModelServer.Fixture;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The gateway to the agents: upstream's Pi package (@agentos-software/pi@0.2.7, the pi-sdk-acp adapter embedding
 * the real @mariozechner/pi-coding-agent SDK), unmodified, runs in a VM on this runtime and does a full turn with
 * a tool: ACP over the process's stdio, the model reached over the VM's network (a loopback-exempt fake
 * Anthropic server), its bash tool running {@code sh} in the VM.
 */
class PiAgentTest {
    /** A minimal ACP client over one process's stdin/stdout (newline-delimited JSON-RPC). */
    static final class Acp {
        final Vm vm;
        final int pid;
        final List<JsonObject> received = new CopyOnWriteArrayList<>();
        final StringBuilder pending = new StringBuilder();
        final StringBuffer stderr = new StringBuffer();
        int nextId = 1;

        Acp(Vm vm, String command, Map<String, String> env) {
            this.vm = vm;
            this.pid = vm.process().spawn(command, List.of(), new SpawnOptions(env, null, null, 0, true)).pid();
            vm.process().onOutput(pid, o -> {
                String s = new String(o.chunk(), StandardCharsets.UTF_8);
                if (o.channel() == OutputChannel.STDERR) {
                    stderr.append(s);
                    return;
                }
                synchronized (pending) {
                    pending.append(s);
                    int nl;
                    while ((nl = pending.indexOf("\n")) >= 0) {
                        String line = pending.substring(0, nl).trim();
                        pending.delete(0, nl + 1);
                        if (!line.isEmpty()) {
                            received.add(JsonParser.parseString(line).getAsJsonObject());
                        }
                    }
                }
            });
        }

        JsonObject request(String method, JsonObject params, int timeoutS) throws InterruptedException {
            int id = nextId++;
            JsonObject msg = new JsonObject();
            msg.addProperty("jsonrpc", "2.0");
            msg.addProperty("id", id);
            msg.addProperty("method", method);
            msg.add("params", params);
            vm.process().writeStdin(pid, (msg + "\n").getBytes(StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
            while (System.nanoTime() < deadline) {
                for (JsonObject m : received) {
                    if (m.has("id") && m.get("id").getAsInt() == id && !m.has("method")) {
                        if (m.has("error")) {
                            throw new AssertionError(method + " failed: " + m.get("error") + "\nstderr: " + stderr);
                        }
                        return m.getAsJsonObject("result");
                    }
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no answer to " + method + " in " + timeoutS + " s; stderr: " + stderr + "\nreceived: " + received);
        }

        /** The text of the agent_message_chunk updates received so far, after {@code from}. */
        String agentText(int from) {
            StringBuilder sb = new StringBuilder();
            for (JsonObject m : received.subList(from, received.size())) {
                JsonObject u = update(m);
                if (u != null && u.get("sessionUpdate").getAsString().equals("agent_message_chunk")) {
                    sb.append(u.getAsJsonObject("content").get("text").getAsString());
                }
            }
            return sb.toString();
        }

        static JsonObject update(JsonObject m) {
            return m.has("method") && m.get("method").getAsString().equals("session/update")
                    ? m.getAsJsonObject("params").getAsJsonObject("update") : null;
        }
    }

    static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    @Test
    void piDoesAToolTurnAndATextTurnInAVm() throws Exception {
        Path pi = Path.of(System.getProperty("agentos.test.pi", "target/test-pi/package.aospkg"));
        assertTrue(Files.isRegularFile(pi), "the build fetches the Pi package to " + pi + " (agentos.adapters.pi/src/fetch/fetch-pi.sh)");
        try (JsVms vms = new JsVms();
             FakeModelServer model = FakeModelServer.start(
                     Fixture.onUserText("create the file").toolCall("I will create it.", "bash",
                             Map.of("command", "echo made-by-pi > /workspace/pi.txt && cat /workspace/pi.txt")),
                     Fixture.onToolResult().text("Created /workspace/pi.txt."),
                     Fixture.onUserText("say hello").text("Hello from the fake model."))) {
            Vm vm = vms.os().create(VmConfig.builder().loopbackExemptPort(model.port()).build());
            assertEquals("pi", vm.software().link(pi.toString()).packageName());
            Acp acp = new Acp(vm, "pi-sdk-acp", Map.of("ANTHROPIC_API_KEY", "sk-fake", "ANTHROPIC_BASE_URL", model.baseUrl()));

            JsonObject init = acp.request("initialize", json("{\"protocolVersion\": 1, \"clientCapabilities\": "
                    + "{\"fs\": {\"readTextFile\": false, \"writeTextFile\": false}, \"terminal\": false}}"), 300);
            assertEquals(1, init.get("protocolVersion").getAsInt());
            assertEquals("pi-sdk-acp", init.getAsJsonObject("agentInfo").get("name").getAsString());
            String session = acp.request("session/new", json("{\"cwd\": \"/workspace\", \"mcpServers\": []}"), 300)
                    .get("sessionId").getAsString();

            int before = acp.received.size();
            JsonObject turn = acp.request("session/prompt", json("{\"sessionId\": \"" + session + "\", \"prompt\": "
                    + "[{\"type\": \"text\", \"text\": \"please create the file\"}]}"), 300);
            assertEquals("end_turn", turn.get("stopReason").getAsString());
            assertEquals("made-by-pi\n", new String(vm.filesystem().readFile("/workspace/pi.txt"), StandardCharsets.UTF_8));
            assertEquals("I will create it.Created /workspace/pi.txt.", acp.agentText(before));
            assertTrue(acp.received.subList(before, acp.received.size()).stream().map(Acp::update)
                    .anyMatch(u -> u != null && u.get("sessionUpdate").getAsString().equals("tool_call_update")
                            && u.get("status").getAsString().equals("completed") && u.toString().contains("made-by-pi")),
                    "a completed bash tool call with its output");
            FakeModelServer.RecordedRequest second = model.journal().get(1);
            assertTrue(second.hasToolResult() && second.body().toString().contains("made-by-pi"), "the tool's output went back to the model");
            assertEquals("sk-fake", model.journal().get(0).header("x-api-key"));
            assertEquals("/v1/messages", model.journal().get(0).path());

            before = acp.received.size();
            JsonObject text = acp.request("session/prompt", json("{\"sessionId\": \"" + session + "\", \"prompt\": "
                    + "[{\"type\": \"text\", \"text\": \"now say hello\"}]}"), 300);
            assertEquals("end_turn", text.get("stopReason").getAsString());
            assertEquals("Hello from the fake model.", acp.agentText(before));
            assertEquals(3, model.journal().size());
            vm.process().kill(acp.pid);
        }
    }
}
