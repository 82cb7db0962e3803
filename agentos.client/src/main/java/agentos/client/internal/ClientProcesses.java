package agentos.client.internal;

import agentos.api.Subscription;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import agentos.api.process.OutputChannel;
import agentos.api.process.OutputReplay;
import agentos.api.process.ProcessDescriptor;
import agentos.api.process.ProcessExit;
import agentos.api.process.ProcessOutput;
import agentos.api.process.ProcessTreeNode;
import agentos.api.process.Processes;
import agentos.api.process.PtySize;
import agentos.api.process.Signal;
import agentos.api.process.SpawnOptions;
import agentos.wire.Wire;
import agentos.wire.WireJson;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** The {@code process} namespace over the wire. Output and exit listeners are server-side subscriptions. */
final class ClientProcesses implements Processes {
    private final ClientVm vm;

    ClientProcesses(ClientVm vm) {
        this.vm = vm;
    }

    @Override
    public CompletionStage<ExecResult> exec(String command, ExecOptions options) {
        return run(Wire.EXEC, WireJson.object("command", command), options);
    }

    @Override
    public CompletionStage<ExecResult> execFile(String file, List<String> args, ExecOptions options) {
        return run(Wire.EXEC_FILE, WireJson.object("file", file, "args", args), options);
    }

    private CompletionStage<ExecResult> run(String type, JsonObject p, ExecOptions options) {
        JsonObject o = WireJson.object("env", options.env(), "cwd", options.cwd(), "stdin", options.stdin(),
                "timeout_ms", options.timeoutMs(), "capture", options.capture(), "pty", options.pty());
        p.add("options", o);
        Consumer<byte[]> out = options.onStdout();
        Consumer<byte[]> err = options.onStderr();
        p.addProperty("stream_stdout", out != null);
        p.addProperty("stream_stderr", err != null);
        Transport t = vm.transport();
        long id = t.nextId();
        boolean streamed = out != null || err != null;
        if (streamed) {
            vm.execStreams.put(id, e -> {
                byte[] chunk = WireJson.field(e, "chunk", byte[].class);
                Consumer<byte[]> target = ClientVm.channel(e) == OutputChannel.STDERR ? err : out;
                if (target != null) {
                    target.accept(chunk);
                }
            });
        }
        CompletableFuture<JsonObject> f;
        try {
            vm.process(); // fails fast on a disposed VM, like in-process
            f = t.callAsync(vm.scope(), type, p, streamed, id);
        } catch (RuntimeException e) {
            vm.execStreams.remove(id);
            throw e;
        }
        return f.whenComplete((r, e) -> vm.execStreams.remove(id))
                .thenApply(r -> WireJson.field(r, "result", ExecResult.class));
    }

    @Override
    public ProcessDescriptor spawn(String file, List<String> args, SpawnOptions options) {
        return WireJson.field(vm.call(Wire.SPAWN, WireJson.object("file", file, "args", args, "options", options)),
                "process", ProcessDescriptor.class);
    }

    @Override
    public Optional<ProcessDescriptor> get(int pid) {
        return Optional.ofNullable(WireJson.optional(vm.call(Wire.GET_PROCESS, WireJson.object("pid", pid)), "process",
                ProcessDescriptor.class));
    }

    @Override
    public List<ProcessDescriptor> list() {
        return WireJson.field(vm.call(Wire.LIST_PROCESSES, new JsonObject()), "processes",
                new TypeToken<List<ProcessDescriptor>>() {}.getType());
    }

    @Override
    public List<ProcessTreeNode> tree() {
        return WireJson.field(vm.call(Wire.PROCESS_TREE, new JsonObject()), "tree",
                new TypeToken<List<ProcessTreeNode>>() {}.getType());
    }

    @Override
    public CompletionStage<ProcessExit> waitFor(int pid) {
        vm.process();
        return vm.transport().callAsync(vm.scope(), Wire.WAIT_PROCESS, WireJson.object("pid", pid), false, vm.transport().nextId())
                .thenApply(r -> WireJson.field(r, "exit", ProcessExit.class));
    }

    @Override
    public void signal(int pid, Signal signal) {
        vm.call(Wire.SIGNAL, WireJson.object("pid", pid, "signal", signal));
    }

    @Override
    public void writeStdin(int pid, byte[] data) {
        vm.call(Wire.WRITE_STDIN, WireJson.object("pid", pid, "data", data));
    }

    @Override
    public void closeStdin(int pid) {
        vm.call(Wire.CLOSE_STDIN, WireJson.object("pid", pid));
    }

    @Override
    public void resizePty(int pid, PtySize size) {
        vm.call(Wire.RESIZE_PTY, WireJson.object("pid", pid, "size", size));
    }

    @Override
    public OutputReplay readOutput(int pid, long after) {
        return WireJson.field(vm.call(Wire.READ_OUTPUT, WireJson.object("pid", pid, "after", after)), "replay", OutputReplay.class);
    }

    @Override
    public Subscription onOutput(int pid, Consumer<ProcessOutput> listener) {
        return subscribe(vm, Wire.SUBSCRIBE_OUTPUT, WireJson.object("pid", pid),
                e -> listener.accept(WireJson.GSON.fromJson(e, ProcessOutput.class)));
    }

    @Override
    public Subscription onExit(int pid, Consumer<ProcessExit> listener) {
        return subscribe(vm, Wire.SUBSCRIBE_EXIT, WireJson.object("pid", pid),
                e -> listener.accept(WireJson.GSON.fromJson(e, ProcessExit.class)));
    }

    /** Registers the listener under a fresh id, then asks the sidecar to subscribe with that id. */
    static Subscription subscribe(ClientVm vm, String type, JsonObject p, Consumer<JsonObject> listener) {
        return subscribe(vm, type, p, listener, false);
    }

    /** As above; {@code inEnvelope} puts the id into the {@code payload} of an {@code ext} envelope. */
    static Subscription subscribe(ClientVm vm, String type, JsonObject p, Consumer<JsonObject> listener, boolean inEnvelope) {
        Transport t = vm.transport();
        long sid = t.nextId();
        t.subscribe(sid, listener);
        (inEnvelope ? p.getAsJsonObject("payload") : p).addProperty("subscription", sid);
        try {
            vm.call(type, p);
        } catch (RuntimeException e) {
            t.unsubscribe(sid);
            throw e;
        }
        return () -> {
            t.unsubscribe(sid);
            if (t.failure() == null) {
                try {
                    t.call(vm.scope().withVm(vm.id()), Wire.UNSUBSCRIBE, WireJson.object("subscription", sid));
                } catch (RuntimeException gone) {
                    // The VM or the connection is gone; nothing left to unsubscribe.
                }
            }
        };
    }
}
