package agentos.client.internal;

import agentos.api.code.CodeOptions;
import agentos.api.code.EvaluationResult;
import agentos.api.code.JavaScript;
import agentos.api.code.Npm;
import agentos.api.NotAvailableException;
import agentos.api.process.ExecResult;
import agentos.api.process.ProcessDescriptor;
import agentos.wire.Wire;
import agentos.wire.WireJson;
import com.google.gson.JsonObject;
import java.util.concurrent.CompletionStage;

/** The {@code javascript} namespace over the wire: one {@code javascript{op, …}} request per call. */
final class ClientJavaScript implements JavaScript {
    private final ClientVm vm;

    ClientJavaScript(ClientVm vm) {
        this.vm = vm;
    }

    private JsonObject op(String op, String key, String value, CodeOptions options) {
        JsonObject p = WireJson.object(key, value, "options", options);
        p.addProperty("op", op);
        return p;
    }

    private CompletionStage<JsonObject> async(JsonObject payload) {
        vm.javascript();
        Transport t = vm.transport();
        return t.callAsync(vm.scope(), Wire.JAVASCRIPT, payload, false, t.nextId());
    }

    @Override
    public CompletionStage<ExecResult> execute(String source, CodeOptions options) {
        return async(op("execute", "source", source, options)).thenApply(r -> WireJson.field(r, "result", ExecResult.class));
    }

    @Override
    public CompletionStage<EvaluationResult> evaluate(String expression, CodeOptions options) {
        return async(op("evaluate", "source", expression, options)).thenApply(r -> WireJson.field(r, "evaluation", EvaluationResult.class));
    }

    @Override
    public CompletionStage<ExecResult> executeFile(String path, CodeOptions options) {
        return async(op("execute_file", "path", path, options)).thenApply(r -> WireJson.field(r, "result", ExecResult.class));
    }

    @Override
    public ProcessDescriptor spawn(String source, CodeOptions options) {
        return WireJson.field(vm.call(Wire.JAVASCRIPT, op("spawn", "source", source, options)), "process", ProcessDescriptor.class);
    }

    @Override
    public ProcessDescriptor spawnFile(String path, CodeOptions options) {
        return WireJson.field(vm.call(Wire.JAVASCRIPT, op("spawn_file", "path", path, options)), "process", ProcessDescriptor.class);
    }

    @Override
    public Npm npm() {
        throw new NotAvailableException("vm.javascript().npm()", "npm is not provided in VMs yet");
    }
}
