package agentos.acp.internal;

import agentos.api.Subscription;
import agentos.api.Vm;
import agentos.api.process.ProcessExit;
import agentos.api.process.SpawnOptions;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The ACP client's {@code terminal/*} methods: commands the agent runs as VM processes, their output kept up to a
 * byte limit (the oldest bytes are dropped first, as ACP specifies) and capped by {@code maxTerminalOutputBytes}.
 */
final class Terminals {
    private final Vm vm;
    private final int maxOutputBytes;
    private final Map<String, Term> terminals = new ConcurrentHashMap<>();

    Terminals(Vm vm, int maxOutputBytes) {
        this.vm = vm;
        this.maxOutputBytes = maxOutputBytes;
    }

    private static final class Term {
        final int pid;
        final int limit;
        final StringBuilder output = new StringBuilder();
        boolean truncated;
        @Nullable Subscription subscription;
        final CompletableFuture<ProcessExit> exit;

        Term(int pid, int limit, CompletableFuture<ProcessExit> exit) {
            this.pid = pid;
            this.limit = limit;
            this.exit = exit;
        }
    }

    CompletionStage<JsonElement> handle(String method, JsonObject p) {
        try {
            return switch (method) {
                case "terminal/create" -> CompletableFuture.completedFuture(create(p));
                case "terminal/output" -> CompletableFuture.completedFuture(output(term(p)));
                case "terminal/wait_for_exit" -> term(p).exit.thenApply(Terminals::exitStatus);
                case "terminal/kill" -> {
                    kill(term(p));
                    yield CompletableFuture.completedFuture(new JsonObject());
                }
                case "terminal/release" -> {
                    Term t = term(p);
                    terminals.remove(p.get("terminalId").getAsString());
                    kill(t);
                    if (t.subscription != null) {
                        t.subscription.close();
                    }
                    yield CompletableFuture.completedFuture(new JsonObject());
                }
                default -> CompletableFuture.failedFuture(new AcpPeer.RpcError(-32601, "method not found: " + method));
            };
        } catch (AcpPeer.RpcError e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private JsonElement create(JsonObject p) {
        if (!p.has("command")) {
            throw new AcpPeer.RpcError(-32602, "terminal/create needs 'command'");
        }
        List<String> args = new ArrayList<>();
        if (p.has("args")) {
            p.getAsJsonArray("args").forEach(a -> args.add(a.getAsString()));
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (p.has("env")) {
            p.getAsJsonArray("env").forEach(e -> env.put(e.getAsJsonObject().get("name").getAsString(),
                    e.getAsJsonObject().get("value").getAsString()));
        }
        int limit = p.has("outputByteLimit") && !p.get("outputByteLimit").isJsonNull()
                ? (int) Math.min(maxOutputBytes, p.get("outputByteLimit").getAsLong()) : maxOutputBytes;
        String cwd = p.has("cwd") && !p.get("cwd").isJsonNull() ? p.get("cwd").getAsString() : null;
        int pid;
        try {
            pid = vm.process().spawn(p.get("command").getAsString(), args, new SpawnOptions(env, cwd, null, 0, false)).pid();
        } catch (RuntimeException e) {
            throw new AcpPeer.RpcError(-32603, "cannot start " + p.get("command").getAsString() + ": " + e.getMessage());
        }
        Term t = new Term(pid, limit, vm.process().waitFor(pid).toCompletableFuture());
        t.subscription = vm.process().onOutput(pid, o -> {
            synchronized (t) {
                t.output.append(new String(o.chunk(), StandardCharsets.UTF_8));
                if (t.output.length() > t.limit) {
                    t.output.delete(0, t.output.length() - t.limit);
                    t.truncated = true;
                }
            }
        });
        String id = "term_" + UUID.randomUUID();
        terminals.put(id, t);
        JsonObject r = new JsonObject();
        r.addProperty("terminalId", id);
        return r;
    }

    private static JsonElement output(Term t) {
        JsonObject r = new JsonObject();
        synchronized (t) {
            r.addProperty("output", t.output.toString());
            r.addProperty("truncated", t.truncated);
        }
        if (t.exit.isDone()) {
            r.add("exitStatus", exitStatus(t.exit.join()));
        }
        return r;
    }

    private static JsonObject exitStatus(ProcessExit e) {
        JsonObject r = new JsonObject();
        if (e.exitCode() != null) {
            r.addProperty("exitCode", e.exitCode());
        } else {
            r.add("exitCode", JsonNull.INSTANCE);
        }
        if (e.signal() != null) {
            r.addProperty("signal", e.signal().name());
        } else {
            r.add("signal", JsonNull.INSTANCE);
        }
        return r;
    }

    private Term term(JsonObject p) {
        Term t = p.has("terminalId") ? terminals.get(p.get("terminalId").getAsString()) : null;
        if (t == null) {
            throw new AcpPeer.RpcError(-32002, "no terminal " + p.get("terminalId"));
        }
        return t;
    }

    private void kill(Term t) {
        if (!t.exit.isDone()) {
            try {
                vm.process().kill(t.pid);
            } catch (RuntimeException gone) {
                // exited meanwhile
            }
        }
    }

    void releaseAll() {
        for (String id : List.copyOf(terminals.keySet())) {
            Term t = terminals.remove(id);
            if (t != null) {
                kill(t);
                if (t.subscription != null) {
                    t.subscription.close();
                }
            }
        }
    }
}
