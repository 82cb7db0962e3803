package agentos.acp.internal;

import agentos.api.ErrnoException;
import agentos.api.Vm;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;

/** The ACP client's {@code fs/*} methods, answered from the VM's filesystem. */
final class ClientMethods {
    private ClientMethods() {}

    static JsonElement readTextFile(Vm vm, JsonObject params) {
        String path = path(params);
        String text;
        try {
            text = new String(vm.filesystem().readFile(path), StandardCharsets.UTF_8);
        } catch (ErrnoException e) {
            throw new AcpPeer.RpcError(-32002, "cannot read " + path + ": " + e.getMessage());
        }
        if (params.has("line") || params.has("limit")) {
            String[] lines = text.split("\n", -1);
            int from = params.has("line") ? Math.max(1, params.get("line").getAsInt()) - 1 : 0;
            int count = params.has("limit") ? Math.max(0, params.get("limit").getAsInt()) : lines.length;
            StringBuilder sb = new StringBuilder();
            for (int i = from; i < Math.min(lines.length, from + count); i++) {
                sb.append(lines[i]);
                if (i + 1 < lines.length) {
                    sb.append('\n');
                }
            }
            text = sb.toString();
        }
        JsonObject r = new JsonObject();
        r.addProperty("content", text);
        return r;
    }

    static JsonElement writeTextFile(Vm vm, JsonObject params) {
        String path = path(params);
        if (path.equals("/etc/agentos") || path.startsWith("/etc/agentos/")) {
            throw new AcpPeer.RpcError(-32602, path + " is read-only in the VM");
        }
        try {
            vm.filesystem().writeFile(path, params.get("content").getAsString().getBytes(StandardCharsets.UTF_8));
        } catch (ErrnoException e) {
            throw new AcpPeer.RpcError(-32603, "cannot write " + path + ": " + e.getMessage());
        }
        return JsonNull.INSTANCE;
    }

    private static String path(JsonObject params) {
        if (!params.has("path") || !params.get("path").isJsonPrimitive() || !params.get("path").getAsString().startsWith("/")) {
            throw new AcpPeer.RpcError(-32602, "fs request needs an absolute 'path'");
        }
        return params.get("path").getAsString();
    }
}
