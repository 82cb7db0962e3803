package agentos.testing;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A model provider on 127.0.0.1 (port 0) speaking the real wire formats: Anthropic Messages ({@code POST
 * /v1/messages}, SSE when {@code stream} is true, else JSON; text and {@code tool_use} with
 * {@code input_json_delta}) and OpenAI Responses ({@code POST /v1/responses}, SSE ending in
 * {@code response.completed}). Each request is answered by the first {@link Fixture} (in order) whose match
 * holds; every request is kept in the {@link #journal()}. Unmatched requests get a 400 in the provider's error
 * format naming what was asked, so a test fails with a readable message instead of hanging.
 */
public final class FakeModelServer implements AutoCloseable {
    private static final Gson GSON = new com.google.gson.GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    /** One request as received. */
    public record RecordedRequest(String method, String path, Map<String, List<String>> headers, @Nullable JsonObject body) {
        /** The text of the last user message (Anthropic {@code messages} or OpenAI {@code input}), or "". */
        public String lastUserText() {
            return FakeModelServer.lastUserText(body);
        }

        /** Whether the last message is a tool result (the model is being told what a tool returned). */
        public boolean hasToolResult() {
            return FakeModelServer.hasToolResult(body);
        }

        public @Nullable String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** What a fixture answers: text, a tool call (then text before it, if any), or a provider error. */
    public sealed interface Reply {
        record Text(String text) implements Reply {}

        record ToolCall(@Nullable String text, String name, JsonObject input) implements Reply {}

        record Error(int status, String type, String message) implements Reply {}
    }

    /** A match and a reply; {@code delayMs} is slept between streamed events. */
    public record Fixture(String description, Predicate<RecordedRequest> match, Reply reply, long delayMs) {
        /** Matches when the last user message contains {@code text}. */
        public static Builder onUserText(String text) {
            return new Builder("last user text contains '" + text + "'", r -> r.lastUserText().contains(text) && !r.hasToolResult());
        }

        /** Matches when the conversation carries a tool result. */
        public static Builder onToolResult() {
            return new Builder("has a tool result", RecordedRequest::hasToolResult);
        }

        /** Matches any request. */
        public static Builder always() {
            return new Builder("any request", r -> true);
        }

        public Fixture withDelay(long ms) {
            return new Fixture(description, match, reply, ms);
        }
    }

    public static final class Builder {
        private final String description;
        private final Predicate<RecordedRequest> match;

        private Builder(String description, Predicate<RecordedRequest> match) {
            this.description = description;
            this.match = match;
        }

        public Fixture text(String text) {
            return new Fixture(description, match, new Reply.Text(text), 0);
        }

        public Fixture toolCall(String name, Map<String, ?> input) {
            return toolCall(null, name, input);
        }

        public Fixture toolCall(@Nullable String text, String name, Map<String, ?> input) {
            return new Fixture(description, match, new Reply.ToolCall(text, name, GSON.toJsonTree(input).getAsJsonObject()), 0);
        }

        public Fixture error(int status, String type, String message) {
            return new Fixture(description, match, new Reply.Error(status, type, message), 0);
        }
    }

    private final HttpServer server;
    private final List<Fixture> fixtures;
    private final List<RecordedRequest> journal = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    private FakeModelServer(List<Fixture> fixtures) throws IOException {
        this.fixtures = List.copyOf(fixtures);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeModelServer start(Fixture... fixtures) throws IOException {
        return new FakeModelServer(List.of(fixtures));
    }

    public static FakeModelServer start(List<Fixture> fixtures) throws IOException {
        return new FakeModelServer(fixtures);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} (what {@code ANTHROPIC_BASE_URL} takes). */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public List<RecordedRequest> journal() {
        return List.copyOf(journal);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            byte[] raw = x.getRequestBody().readAllBytes();
            JsonObject body = null;
            try {
                JsonElement e = JsonParser.parseString(new String(raw, StandardCharsets.UTF_8));
                body = e.isJsonObject() ? e.getAsJsonObject() : null;
            } catch (RuntimeException e) {
                // not JSON: recorded without a body
            }
            RecordedRequest r = new RecordedRequest(x.getRequestMethod(), x.getRequestURI().getPath(),
                    Map.copyOf(x.getRequestHeaders()), body);
            journal.add(r);
            boolean openai = r.path().endsWith("/responses");
            boolean anthropic = r.path().endsWith("/messages");
            if (!r.method().equals("POST") || !(openai || anthropic)) {
                send(x, 404, error(openai, "not_found_error", "the fake model server serves POST /v1/messages and POST /v1/responses, not "
                        + r.method() + " " + r.path()));
                return;
            }
            Fixture f = fixtures.stream().filter(fx -> fx.match().test(r)).findFirst().orElse(null);
            if (f == null) {
                send(x, 400, error(openai, "invalid_request_error", "no fixture matches (last user text: '" + r.lastUserText()
                        + "', tool result: " + r.hasToolResult() + ")"));
                return;
            }
            if (f.reply() instanceof Reply.Error err) {
                send(x, err.status(), error(openai, err.type(), err.message()));
                return;
            }
            String model = body != null && body.has("model") ? body.get("model").getAsString() : "fake-model";
            boolean stream = body != null && body.has("stream") && body.get("stream").getAsBoolean();
            if (openai) {
                openAiResponse(x, f, model, stream);
            } else {
                anthropicResponse(x, f, model, stream);
            }
        }
    }

    // ---- Anthropic Messages ----

    private void anthropicResponse(HttpExchange x, Fixture f, String model, boolean stream) throws IOException {
        String id = "msg_fake_" + ids.incrementAndGet();
        List<JsonObject> blocks = new ArrayList<>();
        String stop = "end_turn";
        String text = f.reply() instanceof Reply.Text t ? t.text() : ((Reply.ToolCall) f.reply()).text();
        if (text != null) {
            JsonObject b = new JsonObject();
            b.addProperty("type", "text");
            b.addProperty("text", text);
            blocks.add(b);
        }
        if (f.reply() instanceof Reply.ToolCall call) {
            JsonObject b = new JsonObject();
            b.addProperty("type", "tool_use");
            b.addProperty("id", "toolu_fake_" + ids.incrementAndGet());
            b.addProperty("name", call.name());
            b.add("input", call.input());
            blocks.add(b);
            stop = "tool_use";
        }
        JsonObject usage = new JsonObject();
        usage.addProperty("input_tokens", 12);
        usage.addProperty("output_tokens", 7);
        if (!stream) {
            JsonObject m = new JsonObject();
            m.addProperty("id", id);
            m.addProperty("type", "message");
            m.addProperty("role", "assistant");
            m.addProperty("model", model);
            JsonArray content = new JsonArray();
            blocks.forEach(content::add);
            m.add("content", content);
            m.addProperty("stop_reason", stop);
            m.add("stop_sequence", null);
            m.add("usage", usage);
            send(x, 200, m);
            return;
        }
        Sse sse = new Sse(x, f.delayMs());
        JsonObject start = new JsonObject();
        start.addProperty("id", id);
        start.addProperty("type", "message");
        start.addProperty("role", "assistant");
        start.addProperty("model", model);
        start.add("content", new JsonArray());
        start.add("stop_reason", null);
        start.add("stop_sequence", null);
        start.add("usage", usage);
        sse.event("message_start", obj("type", "message_start", "message", start));
        sse.event("ping", obj("type", "ping"));
        for (int i = 0; i < blocks.size(); i++) {
            JsonObject b = blocks.get(i);
            if (b.get("type").getAsString().equals("text")) {
                sse.event("content_block_start", obj("type", "content_block_start", "index", i, "content_block", obj("type", "text", "text", "")));
                for (String piece : pieces(b.get("text").getAsString())) {
                    sse.event("content_block_delta", obj("type", "content_block_delta", "index", i, "delta", obj("type", "text_delta", "text", piece)));
                }
            } else {
                sse.event("content_block_start", obj("type", "content_block_start", "index", i, "content_block",
                        obj("type", "tool_use", "id", b.get("id").getAsString(), "name", b.get("name").getAsString(), "input", new JsonObject())));
                for (String piece : pieces(GSON.toJson(b.get("input")))) {
                    sse.event("content_block_delta", obj("type", "content_block_delta", "index", i, "delta",
                            obj("type", "input_json_delta", "partial_json", piece)));
                }
            }
            sse.event("content_block_stop", obj("type", "content_block_stop", "index", i));
        }
        JsonObject out = new JsonObject();
        out.addProperty("output_tokens", 7);
        sse.event("message_delta", obj("type", "message_delta", "delta", obj("stop_reason", stop, "stop_sequence", null), "usage", out));
        sse.event("message_stop", obj("type", "message_stop"));
        sse.end();
    }

    // ---- OpenAI Responses ----

    private void openAiResponse(HttpExchange x, Fixture f, String model, boolean stream) throws IOException {
        String id = "resp_fake_" + ids.incrementAndGet();
        List<JsonObject> items = new ArrayList<>();
        String text = f.reply() instanceof Reply.Text t ? t.text() : ((Reply.ToolCall) f.reply()).text();
        if (text != null) {
            JsonArray content = new JsonArray();
            content.add(obj("type", "output_text", "text", text, "annotations", new JsonArray()));
            items.add(obj("type", "message", "id", "msg_fake_" + ids.incrementAndGet(), "status", "completed", "role", "assistant", "content", content));
        }
        if (f.reply() instanceof Reply.ToolCall call) {
            items.add(obj("type", "function_call", "id", "fc_fake_" + ids.incrementAndGet(), "call_id", "call_fake_" + ids.incrementAndGet(),
                    "name", call.name(), "arguments", GSON.toJson(call.input()), "status", "completed"));
        }
        JsonArray output = new JsonArray();
        items.forEach(output::add);
        JsonObject usage = obj("input_tokens", 12, "output_tokens", 7, "total_tokens", 19);
        JsonObject done = obj("id", id, "object", "response", "status", "completed", "model", model, "output", output, "usage", usage);
        if (!stream) {
            send(x, 200, done);
            return;
        }
        Sse sse = new Sse(x, f.delayMs());
        int seq = 0;
        JsonObject inProgress = obj("id", id, "object", "response", "status", "in_progress", "model", model, "output", new JsonArray());
        sse.event("response.created", obj("type", "response.created", "sequence_number", seq++, "response", inProgress));
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.get(i);
            sse.event("response.output_item.added", obj("type", "response.output_item.added", "sequence_number", seq++, "output_index", i, "item", item));
            if (item.get("type").getAsString().equals("message")) {
                String itemId = item.get("id").getAsString();
                String t = item.getAsJsonArray("content").get(0).getAsJsonObject().get("text").getAsString();
                for (String piece : pieces(t)) {
                    sse.event("response.output_text.delta", obj("type", "response.output_text.delta", "sequence_number", seq++,
                            "item_id", itemId, "output_index", i, "content_index", 0, "delta", piece));
                }
                sse.event("response.output_text.done", obj("type", "response.output_text.done", "sequence_number", seq++,
                        "item_id", itemId, "output_index", i, "content_index", 0, "text", t));
            } else {
                String itemId = item.get("id").getAsString();
                String args = item.get("arguments").getAsString();
                for (String piece : pieces(args)) {
                    sse.event("response.function_call_arguments.delta", obj("type", "response.function_call_arguments.delta",
                            "sequence_number", seq++, "item_id", itemId, "output_index", i, "delta", piece));
                }
                sse.event("response.function_call_arguments.done", obj("type", "response.function_call_arguments.done",
                        "sequence_number", seq++, "item_id", itemId, "output_index", i, "arguments", args));
            }
            sse.event("response.output_item.done", obj("type", "response.output_item.done", "sequence_number", seq++, "output_index", i, "item", item));
        }
        sse.event("response.completed", obj("type", "response.completed", "sequence_number", seq, "response", done));
        sse.end();
    }

    // ---- helpers ----

    private static JsonObject error(boolean openai, String type, String message) {
        if (openai) {
            return obj("error", obj("type", type, "message", message, "code", null, "param", null));
        }
        return obj("type", "error", "error", obj("type", type, "message", message));
    }

    private static void send(HttpExchange x, int status, JsonObject body) throws IOException {
        byte[] b = GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("content-type", "application/json");
        x.getResponseHeaders().add("request-id", "req_fake");
        x.sendResponseHeaders(status, b.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(b);
        }
    }

    /** Splits text into a few deltas, as providers stream it. */
    private static List<String> pieces(String s) {
        List<String> out = new ArrayList<>();
        int step = Math.max(1, (s.length() + 2) / 3);
        for (int i = 0; i < s.length(); i += step) {
            out.add(s.substring(i, Math.min(s.length(), i + step)));
        }
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }

    static JsonObject obj(Object... kv) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < kv.length; i += 2) {
            o.add((String) kv[i], kv[i + 1] == null ? null : kv[i + 1] instanceof JsonElement e ? e : GSON.toJsonTree(kv[i + 1]));
        }
        return o;
    }

    static String lastUserText(@Nullable JsonObject body) {
        if (body == null) {
            return "";
        }
        JsonArray messages = body.has("messages") && body.get("messages").isJsonArray() ? body.getAsJsonArray("messages")
                : body.has("input") && body.get("input").isJsonArray() ? body.getAsJsonArray("input") : null;
        if (messages == null) {
            return body.has("input") && body.get("input").isJsonPrimitive() ? body.get("input").getAsString() : "";
        }
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonObject m = messages.get(i).getAsJsonObject();
            if (!"user".equals(m.has("role") ? m.get("role").getAsString() : null)) {
                continue;
            }
            JsonElement c = m.get("content");
            if (c == null) {
                return "";
            }
            if (c.isJsonPrimitive()) {
                return c.getAsString();
            }
            StringBuilder sb = new StringBuilder();
            for (JsonElement part : c.getAsJsonArray()) {
                JsonObject p = part.getAsJsonObject();
                String type = p.has("type") ? p.get("type").getAsString() : "";
                if ((type.equals("text") || type.equals("input_text")) && p.has("text")) {
                    sb.append(p.get("text").getAsString());
                }
            }
            return sb.toString();
        }
        return "";
    }

    /** Whether the last message is a tool result (Anthropic {@code tool_result}, Responses {@code function_call_output}). */
    static boolean hasToolResult(@Nullable JsonObject body) {
        if (body == null) {
            return false;
        }
        JsonArray messages = body.has("messages") && body.get("messages").isJsonArray() ? body.getAsJsonArray("messages")
                : body.has("input") && body.get("input").isJsonArray() ? body.getAsJsonArray("input") : null;
        if (messages == null || messages.isEmpty() || !messages.get(messages.size() - 1).isJsonObject()) {
            return false;
        }
        String last = messages.get(messages.size() - 1).toString();
        return last.contains("\"tool_result\"") || last.contains("\"function_call_output\"") || last.contains("\"role\":\"tool\"");
    }

    /** Server-sent events on one exchange. */
    private static final class Sse {
        private final OutputStream out;
        private final long delayMs;

        Sse(HttpExchange x, long delayMs) throws IOException {
            this.delayMs = delayMs;
            x.getResponseHeaders().add("content-type", "text/event-stream");
            x.getResponseHeaders().add("cache-control", "no-cache");
            x.getResponseHeaders().add("request-id", "req_fake");
            x.sendResponseHeaders(200, 0);
            out = x.getResponseBody();
        }

        void event(String name, JsonObject data) throws IOException {
            if (delayMs > 0) {
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            out.write(("event: " + name + "\ndata: " + GSON.toJson(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        void end() throws IOException {
            out.close();
        }
    }
}
