package agentos.acp.internal;

import agentos.api.Subscription;
import agentos.api.Vm;
import agentos.api.process.OutputChannel;
import agentos.api.process.OutputReplay;
import agentos.api.process.ProcessExit;
import agentos.api.process.ProcessOutput;
import agentos.api.process.SpawnOptions;
import agentos.api.session.SessionException;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One agent process in a VM speaking ACP: newline-delimited JSON-RPC 2.0 on its stdin/stdout, logs on stderr.
 * Messages from the agent are handled in arrival order on one thread per peer; the agent's requests may answer
 * later (a permission request waits for the host). A line longer than the cap, or the process exiting, ends the
 * peer and fails every pending request with a typed error.
 */
final class AcpPeer {

    /** What the session layer does with the agent's messages. */
    interface Handler {
        void notification(String method, JsonObject params);

        /** Answers an agent request: the result, or a failed stage with an {@link RpcError}. */
        CompletionStage<JsonElement> request(String method, JsonObject params);

        void stderr(byte[] chunk);

        /** The peer ended: the process exited ({@code exit} set) or the peer failed ({@code error} set). */
        void ended(@Nullable ProcessExit exit, @Nullable SessionException error);
    }

    /** A JSON-RPC error answered to the agent. */
    static final class RpcError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        RpcError(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private final Vm vm;
    private final int pid;
    private final int maxLineBytes;
    private final Handler handler;
    private final ExecutorService inbound;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Map<Long, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
    private final StringBuffer stderrTail = new StringBuffer();
    private final Subscription outputSubscription;
    private long lastSequence = -1;
    private volatile @Nullable SessionException failure;

    AcpPeer(Vm vm, String command, List<String> args, Map<String, String> env, String cwd, int maxLineBytes, Handler handler) {
        this.vm = vm;
        this.maxLineBytes = maxLineBytes;
        this.handler = handler;
        this.inbound = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("agentos-acp-" + command).factory());
        this.pid = vm.process().spawn(command, args, new SpawnOptions(env, cwd, null, 0, true)).pid();
        synchronized (line) {
            // Subscribe, then replay what the process wrote before the subscription existed (dedup by sequence).
            outputSubscription = vm.process().onOutput(pid, this::output);
            OutputReplay replay = vm.process().readOutput(pid, 0);
            for (ProcessOutput o : replay.events()) {
                output(o);
            }
        }
        vm.process().waitFor(pid).whenComplete((exit, error) -> inbound.execute(() -> end(exit,
                new SessionException("adapter_exited", "the agent process " + pid + " (" + command + ") exited"
                        + (exit == null ? "" : " with " + describe(exit)) + stderrTailSuffix()))));
    }

    int pid() {
        return pid;
    }

    boolean isAlive() {
        return failure == null;
    }

    /** "; its stderr ends with: …" (the last few kilobytes the agent wrote there), or empty, for error messages. */
    String stderrTailSuffix() {
        String tail = stderrTail.toString().strip();
        return tail.isEmpty() ? "" : "; its stderr ends with: " + tail;
    }

    private static String describe(ProcessExit exit) {
        return exit.signal() != null ? "signal " + exit.signal() : "status " + exit.exitCode();
    }

    CompletableFuture<JsonObject> request(String method, JsonObject params) {
        SessionException f = failure;
        if (f != null) {
            return CompletableFuture.failedFuture(f);
        }
        long id = nextId.incrementAndGet();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(id, answer);
        JsonObject msg = new JsonObject();
        msg.addProperty("jsonrpc", "2.0");
        msg.addProperty("id", id);
        msg.addProperty("method", method);
        msg.add("params", params);
        if (!send(msg)) {
            pending.remove(id);
            answer.completeExceptionally(failure != null ? failure
                    : new SessionException("adapter_exited", "cannot write to the agent process " + pid));
        }
        return answer;
    }

    /** A request that fails with {@code code} when the agent does not answer within {@code timeoutMs}. */
    CompletableFuture<JsonObject> request(String method, JsonObject params, long timeoutMs, String code) {
        return request(method, params).orTimeout(timeoutMs, TimeUnit.MILLISECONDS).exceptionallyCompose(e -> {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof java.util.concurrent.TimeoutException) {
                return CompletableFuture.failedFuture(new SessionException(code, "the agent did not answer " + method + " within "
                        + timeoutMs + " ms" + stderrTailSuffix()));
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    void notify(String method, JsonObject params) {
        JsonObject msg = new JsonObject();
        msg.addProperty("jsonrpc", "2.0");
        msg.addProperty("method", method);
        msg.add("params", params);
        send(msg);
    }

    private synchronized boolean send(JsonObject msg) {
        if (failure != null) {
            return false;
        }
        try {
            vm.process().writeStdin(pid, (msg + "\n").getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Kills the agent process; pending requests fail with {@code error}. */
    void close(SessionException error) {
        inbound.execute(() -> end(null, error));
        try {
            vm.process().kill(pid);
        } catch (RuntimeException alreadyGone) {
            // the process or the VM is gone already
        }
    }

    private void output(ProcessOutput o) {
        synchronized (line) {
            if (o.sequence() <= lastSequence) {
                return;
            }
            lastSequence = o.sequence();
            if (o.channel() == OutputChannel.STDERR) {
                byte[] chunk = o.chunk();
                stderrTail.append(new String(chunk, StandardCharsets.UTF_8));
                if (stderrTail.length() > 4096) {
                    stderrTail.delete(0, stderrTail.length() - 4096);
                }
                inbound.execute(() -> handler.stderr(chunk));
                return;
            }
            byte[] b = o.chunk();
            int start = 0;
            for (int i = 0; i < b.length; i++) {
                if (b[i] == '\n') {
                    line.write(b, start, i - start);
                    if (line.size() > maxLineBytes) {
                        tooLong();
                        return;
                    }
                    String text = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    start = i + 1;
                    if (!text.isBlank()) {
                        inbound.execute(() -> dispatch(text));
                    }
                }
            }
            line.write(b, start, b.length - start);
            if (line.size() > maxLineBytes) {
                tooLong();
            }
        }
    }

    private void tooLong() {
        line.reset();
        close(new SessionException("line_too_long", "the agent process " + pid + " wrote an ACP line over the limit of "
                + maxLineBytes + " bytes (agentos.acp maxLineBytes); the session is closed"));
    }

    private void dispatch(String text) {
        if (failure != null) {
            return;
        }
        JsonObject msg;
        try {
            msg = JsonParser.parseString(text).getAsJsonObject();
        } catch (RuntimeException e) {
            // Not JSON-RPC: some SDKs print to stdout by accident; show it with the stderr so it is not lost.
            handler.stderr(("[stdout, not ACP] " + text + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        boolean hasId = msg.has("id") && !msg.get("id").isJsonNull();
        if (msg.has("method")) {
            String method = msg.get("method").getAsString();
            JsonObject params = msg.has("params") && msg.get("params").isJsonObject() ? msg.getAsJsonObject("params") : new JsonObject();
            if (!hasId) {
                try {
                    handler.notification(method, params);
                } catch (RuntimeException e) {
                    handler.stderr(("[agentos] failed to handle " + method + ": " + e + "\n").getBytes(StandardCharsets.UTF_8));
                }
                return;
            }
            JsonElement id = msg.get("id");
            CompletionStage<JsonElement> answer;
            try {
                answer = handler.request(method, params);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((result, error) -> respond(id, result, error));
            return;
        }
        if (hasId) {
            CompletableFuture<JsonObject> waiter = pending.remove(msg.get("id").getAsLong());
            if (waiter == null) {
                return;
            }
            if (msg.has("error")) {
                JsonObject err = msg.getAsJsonObject("error");
                int code = err.has("code") ? err.get("code").getAsInt() : -32603;
                String message = err.has("message") ? err.get("message").getAsString() : err.toString();
                waiter.completeExceptionally(new RpcError(code, message
                        + (err.has("data") ? " (" + err.get("data") + ")" : "")));
            } else {
                JsonElement r = msg.get("result");
                waiter.complete(r != null && r.isJsonObject() ? r.getAsJsonObject() : new JsonObject());
            }
        }
    }

    private void respond(JsonElement id, @Nullable JsonElement result, @Nullable Throwable error) {
        JsonObject msg = new JsonObject();
        msg.addProperty("jsonrpc", "2.0");
        msg.add("id", id);
        if (error == null) {
            msg.add("result", result == null ? JsonNull.INSTANCE : result);
        } else {
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
            JsonObject err = new JsonObject();
            err.addProperty("code", cause instanceof RpcError r ? r.code : -32603);
            err.addProperty("message", String.valueOf(cause.getMessage()));
            msg.add("error", err);
        }
        send(msg);
    }

    private void end(@Nullable ProcessExit exit, SessionException error) {
        if (failure != null) {
            return;
        }
        failure = error;
        outputSubscription.close();
        try {
            // The handler first, so a turn ends with the exit's error and exit listeners hear of it before callers.
            handler.ended(exit, error);
        } finally {
            for (CompletableFuture<JsonObject> f : pending.values()) {
                f.completeExceptionally(error);
            }
            pending.clear();
            inbound.shutdown();
        }
    }
}
