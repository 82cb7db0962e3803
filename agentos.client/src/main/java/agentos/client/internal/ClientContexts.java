package agentos.client.internal;

import agentos.api.code.ContextDescriptor;
import agentos.api.code.Contexts;
import agentos.api.code.Language;
import agentos.wire.Wire;
import agentos.wire.WireJson;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import java.util.List;
import java.util.Optional;

/** The {@code contexts} namespace over the wire. */
final class ClientContexts implements Contexts {
    private final ClientVm vm;

    ClientContexts(ClientVm vm) {
        this.vm = vm;
    }

    @Override
    public ContextDescriptor create(String contextId, Language language) {
        return WireJson.field(vm.call(Wire.CONTEXTS, WireJson.object("op", "create", "context_id", contextId, "language", language)),
                "context", ContextDescriptor.class);
    }

    @Override
    public Optional<ContextDescriptor> get(String contextId) {
        JsonObject r = vm.call(Wire.CONTEXTS, WireJson.object("op", "get", "context_id", contextId));
        return r.has("context") && !r.get("context").isJsonNull() ? Optional.of(WireJson.field(r, "context", ContextDescriptor.class)) : Optional.empty();
    }

    @Override
    public List<ContextDescriptor> list() {
        return WireJson.field(vm.call(Wire.CONTEXTS, WireJson.object("op", "list")), "contexts",
                new TypeToken<List<ContextDescriptor>>() {}.getType());
    }

    @Override
    public ContextDescriptor reset(String contextId) {
        return WireJson.field(vm.call(Wire.CONTEXTS, WireJson.object("op", "reset", "context_id", contextId)), "context", ContextDescriptor.class);
    }

    @Override
    public void delete(String contextId) {
        vm.call(Wire.CONTEXTS, WireJson.object("op", "delete", "context_id", contextId));
    }
}
