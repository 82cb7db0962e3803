package agentos.client.internal;

import agentos.api.Subscription;
import agentos.api.terminal.ShellOptions;
import agentos.api.terminal.Terminals;
import agentos.wire.Wire;
import agentos.wire.WireJson;
import com.google.gson.JsonObject;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** The {@code terminal} namespace over the wire. */
final class ClientTerminals implements Terminals {
    private final ClientVm vm;

    ClientTerminals(ClientVm vm) {
        this.vm = vm;
    }

    private JsonObject op(String op, Object... keyValues) {
        JsonObject p = WireJson.object(keyValues);
        p.addProperty("op", op);
        return p;
    }

    @Override
    public String open(ShellOptions options) {
        return WireJson.string(vm.call(Wire.TERMINAL, op("open", "options", options)), "shell_id");
    }

    @Override
    public void write(String shellId, byte[] data) {
        vm.call(Wire.TERMINAL, op("write", "shell_id", shellId, "data", data));
    }

    @Override
    public void resize(String shellId, int cols, int rows) {
        vm.call(Wire.TERMINAL, op("resize", "shell_id", shellId, "cols", cols, "rows", rows));
    }

    @Override
    public CompletionStage<Integer> waitFor(String shellId) {
        vm.terminal();
        return vm.transport().callAsync(vm.scope(), Wire.TERMINAL, op("wait", "shell_id", shellId), false, vm.transport().nextId())
                .thenApply(r -> WireJson.integer(r, "exit_code"));
    }

    @Override
    public void close(String shellId) {
        vm.call(Wire.TERMINAL, op("close", "shell_id", shellId));
    }

    @Override
    public Subscription onData(String shellId, Consumer<byte[]> listener) {
        return ClientProcesses.subscribe(vm, Wire.TERMINAL, op("subscribe_data", "shell_id", shellId),
                e -> listener.accept(WireJson.field(e, "data", byte[].class)));
    }

    @Override
    public Subscription onExit(String shellId, IntConsumer listener) {
        return ClientProcesses.subscribe(vm, Wire.TERMINAL, op("subscribe_exit", "shell_id", shellId),
                e -> listener.accept(WireJson.integer(e, "exit_code")));
    }
}
