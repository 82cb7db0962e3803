package agentos.exec.wasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.Vm;
import agentos.api.config.DnsConfig;
import agentos.api.config.VmConfig;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** curl and wget (upstream's WASM builds) over the kernel's sockets: host_net as the binaries declare it. */
class CurlTest {
    static WasmVms vms;
    static HttpServer server;

    @BeforeAll
    static void boot() throws Exception {
        vms = new WasmVms();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            byte[] body = ("host saw " + x.getRequestMethod() + " " + x.getRequestURI() + " "
                    + new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void shutdown() {
        server.stop(0);
        vms.close();
    }

    static ExecResult exec(Vm vm, String cmd) throws Exception {
        return vm.process().exec(cmd, ExecOptions.DEFAULT).toCompletableFuture().get(120, TimeUnit.SECONDS);
    }

    @Test
    void curlAndWgetReachAnExemptLoopbackPortAndNothingElse() throws Exception {
        int port = server.getAddress().getPort();
        Vm vm = vms.os().create(VmConfig.builder().loopbackExemptPort(port)
                .dns(new DnsConfig(List.of(), Map.of("api.test", List.of("127.0.0.1")))).build());
        ExecResult get = exec(vm, "curl -sS http://127.0.0.1:" + port + "/a?b=1");
        assertEquals("host saw GET /a?b=1 \n", get.stdoutText(), get.stderrText());
        ExecResult post = exec(vm, "curl -sS -d hello http://api.test:" + port + "/p");
        assertEquals("host saw POST /p hello\n", post.stdoutText(), post.stderrText());
        ExecResult wget = exec(vm, "wget -q -O - http://api.test:" + port + "/w");
        assertEquals("host saw GET /w \n", wget.stdoutText(), wget.stderrText());

        Vm closed = vms.os().create();
        ExecResult refused = exec(closed, "curl -sS http://127.0.0.1:" + port + "/");
        assertEquals(7, refused.exitCode(), refused.stderrText());
        ExecResult denied = exec(closed, "curl -sS http://203.0.113.7/");
        assertEquals(7, denied.exitCode(), denied.stderrText());
        assertTrue(denied.stderrText().contains("Failed to connect"), denied.stderrText());
    }
}
