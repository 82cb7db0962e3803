package agentos.kernel.internal;

import agentos.api.ErrnoException;
import agentos.api.NotAvailableException;
import agentos.api.Subscription;
import agentos.api.code.CodeOptions;
import agentos.api.code.ContextDescriptor;
import agentos.api.code.ContextState;
import agentos.api.code.Contexts;
import agentos.api.code.EvaluationResult;
import agentos.api.code.Language;
import agentos.api.code.ModuleFormat;
import agentos.api.config.Json;
import agentos.api.process.ExecResult;
import agentos.api.process.ExecutionError;
import agentos.api.process.OutputChannel;
import agentos.api.process.Outcome;
import agentos.api.process.SpawnOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * {@code Vm.contexts()}: named persistent JavaScript contexts. A context is one long-lived {@code node} process in
 * the VM running a small request loop (plain Node code the host writes, so the kernel stays JavaScript-agnostic):
 * each call is evaluated in that process's global scope, so {@code globalThis} (and, for CommonJS sources, top-level
 * {@code var}/function declarations) survive between calls. Calls to one context run one at a time; contexts run
 * in parallel. A call's console output is captured for its result; a reply is one stdout line behind a sentinel.
 */
final class VmContexts implements Contexts {
    private static final String SENTINEL = "\u0000agentos-context-reply ";
    static final String SERVER_DIR = "/tmp/.agentos-contexts";
    static final String SERVER = SERVER_DIR + "/server.cjs";
    private static final String SERVER_SOURCE = """
            'use strict';
            // Agent OS persistent context: evaluates requests (one JSON line each) in this process's global scope.
            const fs = require('fs');
            const SENTINEL = '\\u0000agentos-context-reply ';
            const b64 = (s) => Buffer.from(String(s)).toString('base64');
            let queue = Promise.resolve();
            let buffered = '';
            process.stdin.setEncoding('utf8');
            process.stdin.on('data', (d) => {
              buffered += d;
              let i;
              while ((i = buffered.indexOf('\\n')) >= 0) {
                const line = buffered.slice(0, i);
                buffered = buffered.slice(i + 1);
                if (line.trim()) { const req = JSON.parse(line); queue = queue.then(() => run(req)); }
              }
            });
            async function run(req) {
              let out = '', err = '';
              const w1 = process.stdout.write, w2 = process.stderr.write;
              process.stdout.write = function (c, e, cb) { out += typeof c === 'string' ? c : Buffer.from(c).toString(); if (typeof e === 'function') e(); else if (cb) cb(); return true; };
              process.stderr.write = function (c, e, cb) { err += typeof c === 'string' ? c : Buffer.from(c).toString(); if (typeof e === 'function') e(); else if (cb) cb(); return true; };
              let code = 0, value = '-';
              try {
                if (req.inputs !== undefined) globalThis.inputs = req.inputs;
                let result;
                if (req.op === 'evaluate') result = await (0, eval)('(' + req.source + '\\n)');
                else if (req.format === 'commonjs') result = await (0, eval)(req.source);
                else {
                  const file = '/tmp/.agentos-js/context-' + process.pid + '-' + req.id + '.mjs';
                  fs.writeFileSync(file, req.source);
                  try { await import(file); } finally { try { fs.unlinkSync(file); } catch (e) { /* gone */ } }
                }
                if (req.op === 'evaluate') value = b64(JSON.stringify(result === undefined ? null : result));
              } catch (e) {
                code = 1;
                err += (e && e.stack ? e.stack : String(e)) + '\\n';
              } finally {
                process.stdout.write = w1;
                process.stderr.write = w2;
              }
              fs.writeSync(1, SENTINEL + req.id + ' ' + code + ' ' + b64(out) + ' ' + b64(err) + ' ' + value + '\\n');
            }
            """;

    private final VmFilesystem fs;
    private final VmProcesses processes;
    private final Map<String, Ctx> contexts = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    private final class Ctx {
        final String id;
        final long createdAtMs = System.currentTimeMillis();
        volatile int pid;
        volatile @Nullable Subscription output;
        volatile ContextState state = ContextState.IDLE;
        volatile @Nullable Long lastStartedAtMs;
        volatile @Nullable Long lastCompletedAtMs;
        final Map<Long, CompletableFuture<String[]>> pending = new ConcurrentHashMap<>();
        final StringBuilder line = new StringBuilder();

        Ctx(String id) {
            this.id = id;
        }

        ContextDescriptor describe() {
            return new ContextDescriptor(id, state, Language.JAVASCRIPT, createdAtMs, lastStartedAtMs, lastCompletedAtMs);
        }
    }

    VmContexts(VmFilesystem fs, VmProcesses processes) {
        this.fs = fs;
        this.processes = processes;
    }

    @Override
    public synchronized ContextDescriptor create(String contextId, Language language) {
        if (language != Language.JAVASCRIPT) {
            throw new NotAvailableException("vm.contexts().create(" + language + ")", "only JavaScript contexts exist in this runtime");
        }
        if (contextId.isBlank()) {
            throw new IllegalArgumentException("contextId must not be blank");
        }
        if (contexts.containsKey(contextId)) {
            throw new IllegalArgumentException("context '" + contextId + "' already exists (reset or delete it)");
        }
        Ctx c = new Ctx(contextId);
        start(c);
        contexts.put(contextId, c);
        return c.describe();
    }

    private void start(Ctx c) {
        if (!fs.exists("/opt/agentos/bin/node")) {
            throw new NotAvailableException("vm.contexts()", "no JavaScript executor is installed (the node package comes with bundle agentos.exec.js)");
        }
        for (String dir : List.of(VmJavaScript.DIR, SERVER_DIR)) {
            if (!fs.exists(dir)) {
                try {
                    fs.mkdir(dir, true);
                    fs.chmod(dir, 01777);
                } catch (ErrnoException e) {
                    // created concurrently
                }
            }
        }
        if (!fs.exists(SERVER)) {
            fs.writeFile(SERVER, SERVER_SOURCE.getBytes(StandardCharsets.UTF_8));
        }
        c.pid = processes.spawn("node", List.of(SERVER), new SpawnOptions(Map.of(), null, null, 0, false)).pid();
        int pid = c.pid;
        c.output = processes.onOutput(pid, o -> {
            if (o.channel() != OutputChannel.STDOUT) {
                return;
            }
            synchronized (c.line) {
                c.line.append(new String(o.chunk(), StandardCharsets.UTF_8));
                int nl;
                while ((nl = c.line.indexOf("\n")) >= 0) {
                    String l = c.line.substring(0, nl);
                    c.line.delete(0, nl + 1);
                    int at = l.indexOf(SENTINEL);
                    if (at >= 0) {
                        String[] f = l.substring(at + SENTINEL.length()).split(" ");
                        CompletableFuture<String[]> p = c.pending.remove(Long.parseLong(f[0]));
                        if (p != null) {
                            p.complete(f);
                        }
                    }
                }
            }
        });
        processes.onExit(pid, x -> {
            if (c.pid == pid) {
                c.state = ContextState.FAILED;
                c.pending.values().forEach(p -> p.completeExceptionally(
                        new IllegalStateException("context '" + c.id + "' ended (" + x.kind() + ")")));
                c.pending.clear();
            }
        });
    }

    private Ctx require(String contextId) {
        Ctx c = contexts.get(contextId);
        if (c == null) {
            throw new IllegalArgumentException("no context '" + contextId + "' (create it with vm.contexts().create)");
        }
        return c;
    }

    /** Runs one request in the context; the reply is [id, exitCode, stdout b64, stderr b64, value b64 or -]. */
    private CompletionStage<String[]> call(String contextId, String op, String source, CodeOptions options) {
        Ctx c = require(contextId);
        if (c.state == ContextState.FAILED) {
            throw new IllegalStateException("context '" + contextId + "' has failed; reset it");
        }
        long id = ids.incrementAndGet();
        CompletableFuture<String[]> reply = new CompletableFuture<>();
        c.pending.put(id, reply);
        StringBuilder req = new StringBuilder("{\"id\":").append(id).append(",\"op\":").append(Json.quote(op))
                .append(",\"format\":").append(Json.quote(options.format() == ModuleFormat.COMMONJS ? "commonjs" : "module"))
                .append(",\"source\":").append(Json.quote(source));
        if (options.inputsJson() != null) {
            req.append(",\"inputs\":").append(options.inputsJson());
        }
        req.append("}\n");
        c.state = ContextState.RUNNING;
        c.lastStartedAtMs = System.currentTimeMillis();
        processes.writeStdin(c.pid, req.toString().getBytes(StandardCharsets.UTF_8));
        CompletableFuture<String[]> bounded = options.timeoutMs() > 0 ? reply.orTimeout(options.timeoutMs(), TimeUnit.MILLISECONDS) : reply;
        return bounded.whenComplete((r, e) -> {
            c.pending.remove(id);
            c.lastCompletedAtMs = System.currentTimeMillis();
            if (c.state == ContextState.RUNNING && c.pending.isEmpty()) {
                c.state = ContextState.IDLE;
            }
        });
    }

    private static ExecResult result(String[] f) {
        int code = Integer.parseInt(f[1]);
        byte[] out = Base64.getDecoder().decode(f[2]);
        byte[] err = Base64.getDecoder().decode(f[3]);
        return new ExecResult(code == 0 ? Outcome.SUCCEEDED : Outcome.FAILED, code, out, err, false, false,
                code == 0 ? null : new ExecutionError("EXIT", "Error", "the code threw (see stderr)", null));
    }

    CompletionStage<ExecResult> execute(String contextId, String source, CodeOptions options) {
        return call(contextId, "execute", source, options).thenApply(VmContexts::result);
    }

    CompletionStage<EvaluationResult> evaluate(String contextId, String expression, CodeOptions options) {
        return call(contextId, "evaluate", expression, options).thenApply(f -> new EvaluationResult(result(f),
                f[4].equals("-") ? null : new String(Base64.getDecoder().decode(f[4]), StandardCharsets.UTF_8)));
    }

    @Override
    public Optional<ContextDescriptor> get(String contextId) {
        Ctx c = contexts.get(contextId);
        return c == null ? Optional.empty() : Optional.of(c.describe());
    }

    @Override
    public List<ContextDescriptor> list() {
        List<ContextDescriptor> out = new ArrayList<>();
        contexts.values().forEach(c -> out.add(c.describe()));
        out.sort(java.util.Comparator.comparing(ContextDescriptor::contextId));
        return out;
    }

    @Override
    public synchronized ContextDescriptor reset(String contextId) {
        Ctx c = require(contextId);
        c.state = ContextState.RESETTING;
        stop(c);
        c.state = ContextState.IDLE;
        start(c);
        return c.describe();
    }

    @Override
    public synchronized void delete(String contextId) {
        Ctx c = contexts.remove(contextId);
        if (c != null) {
            c.state = ContextState.DELETING;
            stop(c);
        }
    }

    private void stop(Ctx c) {
        int pid = c.pid;
        c.pid = -1;
        Subscription s = c.output;
        if (s != null) {
            s.close();
        }
        c.pending.values().forEach(p -> p.completeExceptionally(new IllegalStateException("context '" + c.id + "' was reset or deleted")));
        c.pending.clear();
        try {
            processes.kill(pid);
        } catch (RuntimeException e) {
            // already gone
        }
    }
}
