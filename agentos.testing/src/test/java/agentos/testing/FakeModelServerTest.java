package agentos.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.testing.FakeModelServer.Fixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeModelServerTest {
    private static HttpResponse<String> post(FakeModelServer s, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.baseUrl() + path))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anthropicMessagesStreamTextAndToolUseAndAnswerByFixture() throws Exception {
        try (FakeModelServer s = FakeModelServer.start(
                Fixture.onUserText("make a file").toolCall("bash", Map.of("command", "echo hi > f")),
                Fixture.onToolResult().text("Done."))) {
            HttpResponse<String> tool = post(s, "/v1/messages", """
                    {"model": "claude-x", "stream": true, "messages": [{"role": "user", "content": [{"type": "text", "text": "please make a file"}]}]}""");
            assertEquals(200, tool.statusCode());
            assertEquals("text/event-stream", tool.headers().firstValue("content-type").orElseThrow());
            String events = tool.body();
            assertTrue(events.startsWith("event: message_start\n"), events);
            assertTrue(events.contains("\"type\":\"tool_use\"") && events.contains("input_json_delta")
                    && events.contains("\"stop_reason\":\"tool_use\"") && events.trim().endsWith("{\"type\":\"message_stop\"}"), events);
            String partial = events.lines().filter(l -> l.contains("partial_json")).map(l -> l.replaceAll(".*\"partial_json\":\"(.*)\"}}$", "$1"))
                    .reduce("", String::concat).replace("\\\"", "\"");
            assertEquals("{\"command\":\"echo hi > f\"}", partial);

            HttpResponse<String> done = post(s, "/v1/messages", """
                    {"model": "claude-x", "messages": [{"role": "user", "content": "please make a file"},
                     {"role": "assistant", "content": [{"type": "tool_use", "id": "t1", "name": "bash", "input": {}}]},
                     {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1", "content": "ok"}]}]}""");
            assertTrue(done.body().contains("\"text\":\"Done.\"") && done.body().contains("\"stop_reason\":\"end_turn\""), done.body());

            HttpResponse<String> none = post(s, "/v1/messages", "{\"messages\": [{\"role\": \"user\", \"content\": \"something else\"}]}");
            assertEquals(400, none.statusCode());
            assertTrue(none.body().contains("no fixture matches (last user text: 'something else'"), none.body());
            assertEquals(3, s.journal().size());
            assertEquals("please make a file", s.journal().get(0).lastUserText());
            assertTrue(s.journal().get(1).hasToolResult());
        }
    }

    @Test
    void openAiResponsesStreamEndsWithResponseCompletedAndErrorsUseTheProvidersShape() throws Exception {
        try (FakeModelServer s = FakeModelServer.start(Fixture.onUserText("hi").text("Hello there"),
                Fixture.onUserText("fail").error(429, "rate_limit_error", "slow down"))) {
            HttpResponse<String> r = post(s, "/v1/responses", "{\"model\": \"gpt-x\", \"stream\": true, \"input\": [{\"role\": \"user\", \"content\": [{\"type\": \"input_text\", \"text\": \"hi\"}]}]}");
            assertTrue(r.body().startsWith("event: response.created\n"), r.body());
            assertTrue(r.body().contains("response.output_text.delta") && r.body().contains("event: response.completed"), r.body());
            HttpResponse<String> e = post(s, "/v1/messages", "{\"messages\": [{\"role\": \"user\", \"content\": \"fail\"}]}");
            assertEquals(429, e.statusCode());
            assertEquals("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}", e.body());
        }
    }
}
