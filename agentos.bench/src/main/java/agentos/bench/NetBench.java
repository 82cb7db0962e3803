package agentos.bench;

import agentos.api.ErrnoException;
import agentos.api.Vm;
import agentos.api.config.VmConfig;
import agentos.api.network.HttpRequest;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import agentos.api.process.SpawnOptions;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * VM networking: guest-to-guest HTTP requests per second over in-VM loopback (a node server and a node client in
 * one VM), and {@code Vm.network().fetch} round-trip latency to a guest server. Baselines measured in the same run:
 * a plain JDK socket client against the JDK's HttpServer on host loopback, one connection per request like the guest.
 */
public final class NetBench {
    private NetBench() {}

    /** One HTTP/1.1 request on a fresh host connection (like the guest client: one connection per request). */
    private static void hostGet(int port) throws java.io.IOException {
        try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes());
            s.getInputStream().readAllBytes();
        }
    }

    public static void main(String[] args) throws Exception {
        Vm vm = JsBench.runtimeWithNode().create(VmConfig.defaults());
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 300;

        vm.filesystem().writeFile("/workspace/rps.js", """
                const http = require('http');
                const n = Number(process.argv[2]);
                const server = http.createServer((req, res) => res.end('ok'));
                server.listen(0, async () => {
                  const port = server.address().port;
                  const one = () => new Promise((ok, fail) => http.get({ port, path: '/' }, (r) => { r.resume(); r.on('end', ok); }).on('error', fail));
                  for (let i = 0; i < 50; i++) await one();
                  const t0 = process.hrtime.bigint();
                  for (let i = 0; i < n; i++) await one();
                  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
                  console.log((n / (ms / 1000)).toFixed(0));
                  server.close();
                });
                """);
        ExecResult rps = vm.process().exec("node /workspace/rps.js " + requests, ExecOptions.DEFAULT).toCompletableFuture().get(600, TimeUnit.SECONDS);
        if (rps.exitCode() == null || rps.exitCode() != 0) {
            throw new AssertionError("guest benchmark failed: " + rps.stderrText());
        }
        double guestRps = Double.parseDouble(rps.stdoutText().trim());

        HttpServer host = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        host.createContext("/", x -> {
            x.sendResponseHeaders(200, 2);
            try (OutputStream o = x.getResponseBody()) {
                o.write("ok".getBytes());
            }
        });
        host.start();
        int hostPort = host.getAddress().getPort();
        double[] hostMs = new double[requests];
        for (int i = 0; i < 50; i++) {
            hostGet(hostPort);
        }
        long h0 = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            hostGet(hostPort);
            hostMs[i] = (System.nanoTime() - t) / 1e6;
        }
        double hostRps = requests / ((System.nanoTime() - h0) / 1e9);
        host.stop(0);

        vm.filesystem().writeFile("/workspace/server.js", "require('http').createServer((q, r) => r.end('ok')).listen(3000);");
        vm.process().spawn("node", List.of("/workspace/server.js"), SpawnOptions.DEFAULT);
        for (int i = 0; ; i++) {
            try {
                vm.network().fetch(3000, HttpRequest.get("/"));
                break;
            } catch (ErrnoException e) {
                if (i > 1000) {
                    throw e;
                }
                Thread.sleep(10);
            }
        }
        for (int i = 0; i < 50; i++) {
            vm.network().fetch(3000, HttpRequest.get("/"));
        }
        double[] ms = new double[requests];
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            vm.network().fetch(3000, HttpRequest.get("/"));
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(hostMs);
        System.out.printf("guest-to-guest HTTP over in-VM loopback (node client -> node server, %d requests): %.0f req/s%n", requests, guestRps);
        System.out.printf("baseline, a JDK socket client -> JDK HttpServer on host loopback: %.0f req/s (guest/host ratio %.2f)%n",
                hostRps, guestRps / hostRps);
        System.out.printf("Vm.network().fetch to a node server in the VM: p50 %.2f ms, p95 %.2f ms%n", ms[requests / 2], ms[(int) (requests * 0.95)]);
        System.out.printf("baseline, host round trip p50 %.2f ms (ratio %.2f)%n", hostMs[requests / 2], ms[requests / 2] / hostMs[requests / 2]);
        System.exit(0);
    }
}
