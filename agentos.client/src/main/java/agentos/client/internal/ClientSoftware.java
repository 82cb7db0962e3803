package agentos.client.internal;

import agentos.api.software.Software;
import agentos.api.software.SoftwareInfo;
import agentos.wire.Wire;
import agentos.wire.WireJson;
import com.google.gson.reflect.TypeToken;
import java.util.List;

/** The {@code software} namespace over the wire. */
final class ClientSoftware implements Software {
    private final ClientVm vm;

    ClientSoftware(ClientVm vm) {
        this.vm = vm;
    }

    @Override
    public List<SoftwareInfo> list() {
        return WireJson.field(vm.call(Wire.SOFTWARE, WireJson.object("op", "list")), "packages",
                new TypeToken<List<SoftwareInfo>>() {}.getType());
    }

    @Override
    public SoftwareInfo link(String packagePath) {
        return WireJson.field(vm.call(Wire.SOFTWARE, WireJson.object("op", "link", "path", packagePath)), "package", SoftwareInfo.class);
    }
}
