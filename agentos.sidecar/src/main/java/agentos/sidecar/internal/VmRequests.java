package agentos.sidecar.internal;

import agentos.api.Subscription;
import agentos.api.Vm;
import agentos.api.config.MountConfig;
import agentos.api.fs.FileWrite;
import agentos.api.fs.Filesystem;
import agentos.api.process.ExecOptions;
import agentos.api.process.OutputCapture;
import agentos.api.process.OutputChannel;
import agentos.api.process.Processes;
import agentos.api.process.PtySize;
import agentos.api.process.Signal;
import agentos.api.process.SpawnOptions;
import agentos.api.terminal.ShellOptions;
import agentos.api.terminal.Terminals;
import agentos.wire.Frame;
import agentos.wire.Ownership;
import agentos.wire.Wire;
import agentos.wire.WireJson;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The VM-scoped part of the request catalogue: one method per request type, each a thin call into {@link Vm}. */
final class VmRequests {
    static final Set<String> TYPES = Set.of(Wire.DISPOSE_VM, Wire.VM_INFO, Wire.VM_CONFIG, Wire.FILESYSTEM, Wire.EXEC,
            Wire.EXEC_FILE, Wire.SPAWN, Wire.GET_PROCESS, Wire.LIST_PROCESSES, Wire.PROCESS_TREE, Wire.WAIT_PROCESS,
            Wire.SIGNAL, Wire.WRITE_STDIN, Wire.CLOSE_STDIN, Wire.RESIZE_PTY, Wire.READ_OUTPUT, Wire.SUBSCRIBE_OUTPUT,
            Wire.SUBSCRIBE_EXIT, Wire.TERMINAL, Wire.SOFTWARE, Wire.JAVASCRIPT, Wire.NETWORK, Wire.CONTEXTS);

    private static final java.lang.reflect.Type STRINGS = new TypeToken<List<String>>() {}.getType();
    private static final java.lang.reflect.Type WRITES = new TypeToken<List<FileWrite>>() {}.getType();
    private static final java.lang.reflect.Type ENV = new TypeToken<Map<String, String>>() {}.getType();

    private final Connection connection;

    VmRequests(Connection connection) {
        this.connection = connection;
    }

    /** Returns a JsonObject, a CompletionStage of one, or a {@link Connection.Ordered}. */
    Object handle(Frame request, Vm vm, JsonObject p) {
        Ownership scope = request.ownership();
        return switch (request.type()) {
            case Wire.DISPOSE_VM -> {
                vm.dispose();
                yield new JsonObject();
            }
            case Wire.VM_INFO -> WireJson.object("info", vm.info());
            case Wire.VM_CONFIG -> WireJson.object("config", vm.config());
            case Wire.FILESYSTEM -> filesystem(vm.filesystem(), p);
            case Wire.EXEC, Wire.EXEC_FILE -> exec(request, vm.process(), p);
            case Wire.SPAWN -> {
                SpawnOptions options = p.has("options") ? WireJson.field(p, "options", SpawnOptions.class) : SpawnOptions.DEFAULT;
                List<String> args = p.has("args") ? WireJson.field(p, "args", STRINGS) : List.of();
                yield WireJson.object("process", vm.process().spawn(WireJson.string(p, "file"), args, options));
            }
            case Wire.GET_PROCESS -> WireJson.object("process", vm.process().get(WireJson.integer(p, "pid")).orElse(null));
            case Wire.LIST_PROCESSES -> WireJson.object("processes", vm.process().list());
            case Wire.PROCESS_TREE -> WireJson.object("tree", vm.process().tree());
            case Wire.WAIT_PROCESS -> vm.process().waitFor(WireJson.integer(p, "pid")).thenApply(e -> WireJson.object("exit", e));
            case Wire.SIGNAL -> {
                vm.process().signal(WireJson.integer(p, "pid"), WireJson.field(p, "signal", Signal.class));
                yield new JsonObject();
            }
            case Wire.WRITE_STDIN -> {
                byte[] data = WireJson.field(p, "data", byte[].class);
                vm.process().writeStdin(WireJson.integer(p, "pid"), data);
                yield WireJson.object("accepted_bytes", data.length);
            }
            case Wire.CLOSE_STDIN -> {
                vm.process().closeStdin(WireJson.integer(p, "pid"));
                yield new JsonObject();
            }
            case Wire.RESIZE_PTY -> {
                vm.process().resizePty(WireJson.integer(p, "pid"), WireJson.field(p, "size", PtySize.class));
                yield new JsonObject();
            }
            case Wire.READ_OUTPUT -> WireJson.object("replay",
                    vm.process().readOutput(WireJson.integer(p, "pid"), WireJson.longValue(p, "after", 0)));
            case Wire.SUBSCRIBE_OUTPUT -> subscribe(p, sid -> vm.process().onOutput(WireJson.integer(p, "pid"), o -> {
                JsonObject e = (JsonObject) WireJson.tree(o);
                e.addProperty("subscription", sid);
                connection.event(scope, Wire.PROCESS_OUTPUT, e, true);
            }));
            case Wire.SUBSCRIBE_EXIT -> subscribe(p, sid -> vm.process().onExit(WireJson.integer(p, "pid"), x -> {
                JsonObject e = (JsonObject) WireJson.tree(x);
                e.addProperty("subscription", sid);
                // Bulk, so the exit arrives after the process's output events.
                connection.event(scope, Wire.PROCESS_EXITED, e, true);
            }));
            case Wire.TERMINAL -> terminal(scope, vm.terminal(), p);
            case Wire.JAVASCRIPT -> javascript(vm.javascript(), p);
            case Wire.SOFTWARE -> switch (WireJson.string(p, "op")) {
                case "list" -> WireJson.object("packages", vm.software().list());
                case "link" -> WireJson.object("package", vm.software().link(WireJson.string(p, "path")));
                default -> throw new IllegalArgumentException("software.op must be list or link");
            };
            case Wire.CONTEXTS -> switch (WireJson.string(p, "op")) {
                case "create" -> WireJson.object("context", vm.contexts().create(WireJson.string(p, "context_id"),
                        p.has("language") ? WireJson.field(p, "language", agentos.api.code.Language.class) : agentos.api.code.Language.JAVASCRIPT));
                case "get" -> WireJson.object("context", vm.contexts().get(WireJson.string(p, "context_id")).orElse(null));
                case "list" -> WireJson.object("contexts", vm.contexts().list());
                case "reset" -> WireJson.object("context", vm.contexts().reset(WireJson.string(p, "context_id")));
                case "delete" -> {
                    vm.contexts().delete(WireJson.string(p, "context_id"));
                    yield new JsonObject();
                }
                default -> throw new IllegalArgumentException("contexts.op must be create, get, list, reset or delete");
            };
            case Wire.NETWORK -> switch (WireJson.string(p, "op")) {
                case "fetch" -> WireJson.object("response", vm.network().fetch(WireJson.integer(p, "port"),
                        WireJson.field(p, "request", agentos.api.network.HttpRequest.class)));
                case "stream_start" -> WireJson.object("stream", vm.network().fetchStreamStart(WireJson.integer(p, "port"),
                        WireJson.field(p, "request", agentos.api.network.HttpRequest.class)));
                case "stream_read" -> WireJson.object("chunk", vm.network().fetchStreamRead(WireJson.string(p, "stream_id"),
                        WireJson.integer(p, "max_bytes")));
                case "stream_cancel" -> {
                    vm.network().fetchStreamCancel(WireJson.string(p, "stream_id"));
                    yield new JsonObject();
                }
                default -> throw new IllegalArgumentException("network.op must be fetch, stream_start, stream_read or stream_cancel");
            };
            default -> throw new UnsupportedOperationException("unknown request type '" + request.type() + "'");
        };
    }

    /**
     * Registers a subscription under the id the client chose (so the client's listener exists before the first
     * event can arrive).
     */
    JsonObject subscribe(JsonObject p, java.util.function.LongFunction<Subscription> open) {
        long sid = WireJson.longValue(p, "subscription", 0);
        if (sid <= 0) {
            throw new IllegalArgumentException("field 'subscription' must be a positive id chosen by the client");
        }
        Subscription[] opened = new Subscription[1];
        connection.subscribe(sid, () -> {
            if (opened[0] != null) {
                opened[0].close();
            }
        });
        try {
            opened[0] = open.apply(sid);
        } catch (RuntimeException e) {
            connection.dropSubscription(sid);
            throw e;
        }
        return WireJson.object("subscription", sid);
    }

    private Object exec(Frame request, Processes processes, JsonObject p) {
        JsonObject o = p.has("options") ? p.getAsJsonObject("options") : new JsonObject();
        ExecOptions.Builder b = ExecOptions.builder();
        if (o.has("env")) {
            b.env(WireJson.<Map<String, String>>field(o, "env", ENV));
        }
        String cwd = WireJson.optional(o, "cwd", String.class);
        if (cwd != null) {
            b.cwd(cwd);
        }
        byte[] stdin = WireJson.optional(o, "stdin", byte[].class);
        if (stdin != null) {
            b.stdin(stdin);
        }
        b.timeoutMs(WireJson.longValue(o, "timeout_ms", 0));
        OutputCapture capture = WireJson.optional(o, "capture", OutputCapture.class);
        if (capture != null) {
            b.capture(capture);
        }
        PtySize pty = WireJson.optional(o, "pty", PtySize.class);
        if (pty != null) {
            b.pty(pty);
        }
        boolean streamed = WireJson.bool(p, "stream_stdout") || WireJson.bool(p, "stream_stderr");
        if (WireJson.bool(p, "stream_stdout")) {
            b.onStdout(chunk -> streamed(request, OutputChannel.STDOUT, chunk));
        }
        if (WireJson.bool(p, "stream_stderr")) {
            b.onStderr(chunk -> streamed(request, OutputChannel.STDERR, chunk));
        }
        var stage = request.type().equals(Wire.EXEC)
                ? processes.exec(WireJson.string(p, "command"), b.build())
                : processes.execFile(WireJson.string(p, "file"), p.has("args") ? WireJson.field(p, "args", STRINGS) : List.of(), b.build());
        var result = stage.thenApply(r -> WireJson.object("result", r));
        return streamed ? new Connection.Ordered(result) : result;
    }

    private void streamed(Frame request, OutputChannel channel, byte[] chunk) {
        connection.event(request.ownership(), Wire.PROCESS_OUTPUT,
                WireJson.object("exec_id", request.id(), "channel", channel, "chunk", chunk), true);
    }

    private JsonObject filesystem(Filesystem fs, JsonObject p) {
        String op = WireJson.string(p, "op");
        return switch (op) {
            case "read_file" -> WireJson.object("content", fs.readFile(path(p)));
            case "write_file" -> {
                fs.writeFile(path(p), WireJson.<byte[]>field(p, "content", byte[].class));
                yield new JsonObject();
            }
            case "read_files" -> WireJson.object("results", fs.readFiles(WireJson.field(p, "paths", STRINGS)));
            case "write_files" -> WireJson.object("results", fs.writeFiles(WireJson.field(p, "files", WRITES)));
            case "chmod" -> {
                fs.chmod(path(p), WireJson.integer(p, "mode"));
                yield new JsonObject();
            }
            case "stat" -> WireJson.object("stat", fs.stat(path(p)));
            case "lstat" -> WireJson.object("stat", fs.lstat(path(p)));
            case "mkdir" -> {
                fs.mkdir(path(p), WireJson.bool(p, "recursive"));
                yield new JsonObject();
            }
            case "readdir" -> WireJson.object("names", fs.readdir(path(p)));
            case "readdir_entries" -> WireJson.object("entries", fs.readdirEntries(path(p)));
            case "readdir_recursive" -> WireJson.object("paths", fs.readdirRecursive(path(p)));
            case "exists" -> WireJson.object("exists", fs.exists(path(p)));
            case "move" -> {
                fs.move(WireJson.string(p, "from"), WireJson.string(p, "to"));
                yield new JsonObject();
            }
            case "remove" -> {
                fs.remove(path(p), WireJson.bool(p, "recursive"));
                yield new JsonObject();
            }
            case "export" -> WireJson.object("snapshot", fs.export(WireJson.longValue(p, "max_bytes", Long.MAX_VALUE)));
            case "mount" -> {
                fs.mount(WireJson.field(p, "mount", MountConfig.class));
                yield new JsonObject();
            }
            case "unmount" -> {
                fs.unmount(path(p));
                yield new JsonObject();
            }
            case "list_mounts" -> WireJson.object("mounts", fs.listMounts());
            default -> throw new UnsupportedOperationException("unknown filesystem op '" + op + "'");
        };
    }

    private Object javascript(agentos.api.code.JavaScript js, JsonObject p) {
        agentos.api.code.CodeOptions options = p.has("options")
                ? WireJson.field(p, "options", agentos.api.code.CodeOptions.class) : agentos.api.code.CodeOptions.DEFAULT;
        String op = WireJson.string(p, "op");
        return switch (op) {
            case "execute" -> js.execute(WireJson.string(p, "source"), options).thenApply(r -> WireJson.object("result", r));
            case "evaluate" -> js.evaluate(WireJson.string(p, "source"), options).thenApply(r -> WireJson.object("evaluation", r));
            case "execute_file" -> js.executeFile(path(p), options).thenApply(r -> WireJson.object("result", r));
            case "spawn" -> WireJson.object("process", js.spawn(WireJson.string(p, "source"), options));
            case "spawn_file" -> WireJson.object("process", js.spawnFile(path(p), options));
            default -> throw new UnsupportedOperationException("unknown javascript op '" + op + "'");
        };
    }

    private static String path(JsonObject p) {
        return WireJson.string(p, "path");
    }

    private Object terminal(Ownership scope, Terminals terminals, JsonObject p) {
        String op = WireJson.string(p, "op");
        return switch (op) {
            case "open" -> WireJson.object("shell_id",
                    terminals.open(p.has("options") ? WireJson.field(p, "options", ShellOptions.class) : ShellOptions.DEFAULT));
            case "write" -> {
                terminals.write(WireJson.string(p, "shell_id"), WireJson.field(p, "data", byte[].class));
                yield new JsonObject();
            }
            case "resize" -> {
                terminals.resize(WireJson.string(p, "shell_id"), WireJson.integer(p, "cols"), WireJson.integer(p, "rows"));
                yield new JsonObject();
            }
            case "wait" -> terminals.waitFor(WireJson.string(p, "shell_id")).thenApply(code -> WireJson.object("exit_code", code));
            case "close" -> {
                terminals.close(WireJson.string(p, "shell_id"));
                yield new JsonObject();
            }
            case "subscribe_data" -> subscribe(p, sid -> terminals.onData(WireJson.string(p, "shell_id"), data ->
                    connection.event(scope, Wire.TERMINAL_DATA, WireJson.object("subscription", sid, "data", data), true)));
            case "subscribe_exit" -> subscribe(p, sid -> terminals.onExit(WireJson.string(p, "shell_id"), code ->
                    connection.event(scope, Wire.TERMINAL_EXITED, WireJson.object("subscription", sid, "exit_code", code), true)));
            default -> throw new UnsupportedOperationException("unknown terminal op '" + op + "'");
        };
    }
}
