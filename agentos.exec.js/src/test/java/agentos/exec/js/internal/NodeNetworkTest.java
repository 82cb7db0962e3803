package agentos.exec.js.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.ErrnoException;
import agentos.api.Vm;
import agentos.api.config.DnsConfig;
import agentos.api.config.VmConfig;
import agentos.api.network.FetchChunk;
import agentos.api.network.FetchStream;
import agentos.api.network.Header;
import agentos.api.network.HttpRequest;
import agentos.api.network.HttpResponse;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import agentos.api.process.SpawnOptions;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node networking in a VM: servers and clients over in-VM loopback, the host reaching guests, egress policy, TLS. */
class NodeNetworkTest {
    static JsVms vms;

    @BeforeAll
    static void boot() {
        vms = new JsVms();
    }

    @AfterAll
    static void shutdown() {
        vms.close();
    }

    static String node(Vm vm, String script) throws Exception {
        vm.filesystem().writeFile("/workspace/t.js", script);
        ExecResult r = vm.process().exec("node /workspace/t.js", ExecOptions.DEFAULT).toCompletableFuture().get(120, TimeUnit.SECONDS);
        assertEquals(0, r.exitCode(), () -> "node failed (" + r.exitCode() + "): " + r.stderrText() + r.stdoutText());
        return r.stdoutText();
    }

    /** Starts {@code node FILE} in the background and waits until something answers on {@code port}. */
    static int serve(Vm vm, String file, String script, int port) throws Exception {
        vm.filesystem().writeFile(file, script);
        int pid = vm.process().spawn("node", List.of(file), SpawnOptions.DEFAULT).pid();
        for (int i = 0; i < 600; i++) {
            try {
                vm.network().fetch(port, HttpRequest.get("/ready"));
                return pid;
            } catch (ErrnoException e) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("guest server did not start: " + vm.process().readOutput(pid, 0).events().stream()
                .map(o -> new String(o.chunk(), StandardCharsets.UTF_8)).toList());
    }

    @Test
    void httpNetAndFetchInsideOneVm() throws Exception {
        String out = node(vms.os().create(), """
                const http = require('http'), net = require('net');
                const server = http.createServer((req, res) => {
                  let body = '';
                  req.on('data', (d) => body += d);
                  req.on('end', () => {
                    if (req.url === '/json') { res.writeHead(201, { 'content-type': 'application/json' }); res.end(JSON.stringify({ got: body })); return; }
                    res.setHeader('x-dup', ['a', 'b']);
                    res.write('chunk1 ');
                    setTimeout(() => res.end('chunk2 ' + req.method + ' ' + req.url), 5);
                  });
                });
                const echo = net.createServer((s) => s.pipe(s));
                server.listen(0, '127.0.0.1', () => echo.listen(0, async () => {
                  const port = server.address().port;
                  const res = await new Promise((ok) => http.get({ host: 'localhost', port, path: '/p?q=1' }, ok));
                  let text = '';
                  for await (const c of res) text += c;
                  console.log(res.statusCode, res.headers['transfer-encoding'], res.headers['x-dup'], text);
                  const r = await fetch('http://127.0.0.1:' + port + '/json', { method: 'POST', body: 'payload' });
                  console.log(r.status, r.headers.get('content-type'), JSON.stringify(await r.json()));
                  const s = net.connect(echo.address().port, () => s.end('echo me'));
                  let back = '';
                  s.on('data', (d) => back += d).on('end', () => {
                    console.log(back, s.remoteAddress !== undefined);
                    server.close(); echo.close();
                  });
                }));
                """);
        assertEquals("""
                200 chunked a, b chunk1 chunk2 GET /p?q=1
                201 application/json {"got":"payload"}
                echo me true
                """, out);
    }

    @Test
    void agentsPoolKeepAliveConnectionsAndIdleOnesLetTheProcessExit() throws Exception {
        Vm vm = vms.os().create(VmConfig.builder().build());
        String script = """
                const http = require('http');
                const server = http.createServer((req, res) => res.end(String(req.socket.remotePort)));
                server.keepAliveTimeout = 60000; // idle connections stay open: only unref'd pooled sockets let the process end
                server.listen(0, async () => {
                  const port = server.address().port;
                  const get = (agent) => new Promise((resolve) => http.get({ port, agent }, (res) => {
                    let t = ''; res.on('data', (d) => t += d).on('end', () => resolve([t, res.req.reusedSocket]));
                  }));
                  const a = await get(), b = await get(), c = await get();
                  console.log(a[0] === b[0] && b[0] === c[0], a[1], b[1], c[1]);
                  const one = new http.Agent({ keepAlive: true, maxSockets: 1 });
                  const ports = await Promise.all([1, 2, 3, 4].map(() => get(one)));
                  console.log(new Set(ports.map((p) => p[0])).size, Object.values(one.freeSockets).flat().length);
                  const fresh = new http.Agent({ keepAlive: false });
                  const d = await get(fresh), e = await get(fresh);
                  console.log(d[0] !== e[0], Object.keys(fresh.freeSockets).length);
                  server.close();
                  server.unref();
                });
                """;
        assertEquals("true false true true\n1 1\ntrue 0\n", node(vm, script));
    }

    @Test
    void httpServersAnswerSlowRequestsWith408() throws Exception {
        Vm vm = vms.os().create(VmConfig.builder().build());
        String script = """
                const http = require('http'), net = require('net');
                const server = http.createServer({ headersTimeout: 200, requestTimeout: 300, connectionsCheckingInterval: 50 },
                  (req, res) => res.end('ok'));
                server.listen(0, () => {
                  const c = net.connect(server.address().port);
                  let got = '';
                  c.on('data', (d) => got += d);
                  c.on('close', () => {
                    console.log(JSON.stringify(got));
                    try { http.createServer({ headersTimeout: 2000, requestTimeout: 1000 }); } catch (e) { console.log(e.code); }
                    server.close();
                  });
                  c.write('GET / HTTP/1.1\\r\\nHost: x\\r\\n'); // the headers never end
                });
                """;
        assertEquals("\"HTTP/1.1 408 Request Timeout\\r\\nConnection: close\\r\\n\\r\\n\"\nERR_OUT_OF_RANGE\n", node(vm, script));
    }

    @Test
    void theHostReachesGuestServersAndTwoVmsShareAPort() throws Exception {
        String server = """
                const http = require('http');
                http.createServer((req, res) => {
                  if (req.url === '/events') {
                    res.writeHead(200, { 'content-type': 'text/event-stream' });
                    let n = 0;
                    const t = setInterval(() => { res.write('data: ' + (++n) + '\\n\\n'); if (n === 3) { clearInterval(t); res.end(); } }, 20);
                    return;
                  }
                  let body = '';
                  req.on('data', (d) => body += d).on('end', () => res.end(process.env.NAME + ' ' + req.method + ' ' + req.url + ' ' + body));
                }).listen(8080);
                """;
        Vm a = vms.os().create(VmConfig.builder().env("NAME", "vm-a").build());
        Vm b = vms.os().create(VmConfig.builder().env("NAME", "vm-b").build());
        int pa = serve(a, "/workspace/server.js", server, 8080);
        serve(b, "/workspace/server.js", server, 8080);
        HttpResponse r = a.network().fetch(8080, new HttpRequest("PUT", "/x?y=1", List.of(new Header("content-type", "text/plain")),
                "body".getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, r.status());
        assertEquals("vm-a PUT /x?y=1 body", r.bodyText());
        assertEquals("vm-b GET /ready ", b.network().fetch(8080, HttpRequest.get("/ready")).bodyText());

        FetchStream s = a.network().fetchStreamStart(8080, HttpRequest.get("/events"));
        assertEquals("text/event-stream", s.headers().stream().filter(h -> h.name().equalsIgnoreCase("content-type")).findFirst().orElseThrow().value());
        StringBuilder events = new StringBuilder();
        int reads = 0;
        FetchChunk c;
        while (!(c = a.network().fetchStreamRead(s.streamId(), 1024)).done()) {
            events.append(new String(c.body(), StandardCharsets.UTF_8));
            reads++;
        }
        assertEquals("data: 1\n\ndata: 2\n\ndata: 3\n\n", events.toString());
        assertTrue(reads >= 2, "events should arrive as they are written, got " + reads + " reads");
        a.process().kill(pa);
    }

    @Test
    void guestsReachAHostServerOnlyOnExemptPortsAndEgressIsDenied() throws Exception {
        HttpServer host = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        host.createContext("/", x -> {
            byte[] body = ("host saw " + x.getRequestMethod() + " " + x.getRequestHeaders().getFirst("x-key") + " "
                    + new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("content-type", "text/plain");
            x.sendResponseHeaders(200, body.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(body);
            }
        });
        host.start();
        try {
            int port = host.getAddress().getPort();
            String client = """
                    fetch('http://models.test:%d/v1', { method: 'POST', headers: { 'x-key': 'k1' }, body: 'hello' })
                      .then(async (r) => console.log(r.status, await r.text()))
                      .catch((e) => console.log('failed', e.message, e.cause && e.cause.code));
                    """.formatted(port);
            DnsConfig dns = new DnsConfig(List.of(), Map.of("models.test", List.of("127.0.0.1")));
            assertEquals("failed fetch failed ECONNREFUSED\n", node(vms.os().create(VmConfig.builder().dns(dns).build()), client));
            Vm exempt = vms.os().create(VmConfig.builder().dns(dns).loopbackExemptPort(port).build());
            assertEquals("200 host saw POST k1 hello\n", node(exempt, client));

            String denied = node(exempt, """
                    const dns = require('dns');
                    fetch('https://203.0.113.7/').catch((e) => {
                      console.log(e.message, e.cause.code, e.cause.message.includes('default deny'));
                      dns.lookup('example.com', (err) => console.log(err.code, err.message.includes('example.com - denied by network policy')));
                    });
                    """);
            assertEquals("fetch failed EACCES true\nEACCES true\n", denied);
        } finally {
            host.stop(0);
        }
    }

    /** A self-signed localhost certificate: the server's SSLContext and the PEM a VM is told to trust. */
    /** keyPem: the key as PKCS#8 PEM; p12: the key store (password changeit). */
    record TestCa(SSLContext context, String pem, String keyPem, byte[] p12) {
        static TestCa create(Path dir) throws Exception {
            Path ks = dir.resolve("server.p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(keytool, "-genkeypair", "-alias", "test", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", ks.toString(), "-storetype", "PKCS12",
                    "-storepass", "changeit", "-keypass", "changeit");
            String pem = run(keytool, "-exportcert", "-rfc", "-alias", "test", "-keystore", ks.toString(), "-storepass", "changeit");
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (FileInputStream in = new FileInputStream(ks.toFile())) {
                store.load(in, "changeit".toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, "changeit".toCharArray());
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(kmf.getKeyManagers(), null, null);
            String key = "-----BEGIN PRIVATE KEY-----\n"
                    + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(store.getKey("test", "changeit".toCharArray()).getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            return new TestCa(ssl, pem, key, java.nio.file.Files.readAllBytes(ks));
        }
    }

    @Test
    void httpsToALoopbackTlsServerTrustsTheVmsExtraCa(@TempDir Path dir) throws Exception {
        TestCa ca = TestCa.create(dir);
        SSLContext ssl = ca.context();
        String pem = ca.pem();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/", x -> {
            byte[] body = "secret over tls".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            String client = """
                    const https = require('https');
                    https.get('https://localhost:%d/', (res) => { let t = ''; res.on('data', (d) => t += d).on('end', async () => {
                      console.log(res.statusCode, t);
                      const r = await fetch('https://localhost:%d/');
                      console.log(r.status, await r.text());
                    }); }).on('error', (e) => console.log('error', e.code, e.message.includes('TLS')));
                    """.formatted(port, port);
            Vm trusted = vms.os().create(VmConfig.builder().loopbackExemptPort(port).extraCaCertificate(pem).build());
            assertEquals("200 secret over tls\n200 secret over tls\n", node(trusted, client));
            Vm untrusted = vms.os().create(VmConfig.builder().loopbackExemptPort(port).build());
            assertEquals("error DEPTH_ZERO_SELF_SIGNED_CERT false\n", node(untrusted, client));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void tlsServersRunInsideTheVm(@TempDir Path dir) throws Exception {
        TestCa ca = TestCa.create(dir);
        Vm vm = vms.os().create(VmConfig.builder().build());
        vm.filesystem().writeFile("/workspace/key.pem", ca.keyPem());
        vm.filesystem().writeFile("/workspace/cert.pem", ca.pem());
        vm.filesystem().writeFile("/workspace/server.p12", ca.p12());
        String script = """
                const fs = require('fs'), https = require('https'), tls = require('tls'), { duplexPair } = require('stream');
                const key = fs.readFileSync('/workspace/key.pem'), cert = fs.readFileSync('/workspace/cert.pem');
                const get = (opts) => new Promise((resolve) => {
                  https.get(opts, (res) => { let t = ''; res.on('data', (d) => t += d).on('end', () => resolve(res.statusCode + ' ' + t)); })
                    .on('error', (e) => resolve('error ' + e.code));
                });
                const server = https.createServer({ key, cert }, (req, res) =>
                  res.end(req.socket.getProtocol() + ' ' + req.socket.alpnProtocol + ' ' + req.socket.servername));
                server.listen(0, '127.0.0.1', async () => {
                  const port = server.address().port;
                  console.log(await get({ hostname: 'localhost', port, ca: cert, agent: false }));
                  console.log(await get({ hostname: 'localhost', port, agent: false }));
                  console.log(await get({ hostname: '127.0.0.1', port, ca: cert, servername: 'example.com', agent: false }));
                  server.close();
                  // PKCS#12 on the server, a client certificate asked for, TLS over an in-memory stream pair.
                  const [a, b] = duplexPair();
                  const s = new tls.TLSSocket(a, { isServer: true, secureContext: tls.createSecureContext({
                    pfx: fs.readFileSync('/workspace/server.p12'), passphrase: 'changeit' }), requestCert: true });
                  s.on('secure', () => console.log('server: peer authorized', s.authorized, s.authorizationError));
                  s.on('data', (d) => { s.end('echo ' + d); });
                  const c = tls.connect({ socket: b, ca: cert, servername: 'localhost', key, cert }, () => {
                    console.log('client:', c.authorized, c.getPeerCertificate().subject.CN, c.getCipher().version);
                    c.end('ping');
                  });
                  c.on('data', (d) => console.log('client got', String(d)));
                });
                """;
        assertEquals("""
                200 TLSv1.3 false localhost
                error DEPTH_ZERO_SELF_SIGNED_CERT
                error ERR_TLS_CERT_ALTNAME_INVALID
                client: true localhost TLSv1.3
                server: peer authorized false DEPTH_ZERO_SELF_SIGNED_CERT
                client got echo ping
                """, node(vm, script));
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), () -> String.join(" ", cmd) + ": " + out);
        return out;
    }

    @Test
    void aGuestServerThatDiesResetsItsConnections() throws Exception {
        Vm vm = vms.os().create();
        int pid = serve(vm, "/workspace/crash.js", """
                require('http').createServer((req, res) => {
                  if (req.url === '/ready') { res.end('ok'); return; }
                  throw new Error('handler crashed');
                }).listen(4000);
                """, 4000);
        ErrnoException e = org.junit.jupiter.api.Assertions.assertThrows(ErrnoException.class,
                () -> vm.network().fetch(4000, HttpRequest.get("/boom")));
        assertEquals(agentos.api.Errno.ECONNRESET, e.errno(), e.getMessage());
        assertEquals(1, vm.process().waitFor(pid).toCompletableFuture().get(30, TimeUnit.SECONDS).exitCode());
    }

    @Test
    void dgramEchoInsideAVm() throws Exception {
        assertEquals("echo: ping from 127.0.0.1 true\n", node(vms.os().create(), """
                const dgram = require('dgram');
                const server = dgram.createSocket('udp4');
                server.on('message', (msg, rinfo) => server.send('echo: ' + msg, rinfo.port, rinfo.address));
                server.bind(0, '127.0.0.1', () => {
                  const client = dgram.createSocket('udp4');
                  client.on('message', (msg, rinfo) => {
                    console.log(String(msg), 'from', rinfo.address, rinfo.port === server.address().port);
                    client.close(); server.close();
                  });
                  client.send('ping', server.address().port, '127.0.0.1');
                });
                """));
    }

    @Test
    void http2ClientAndServerInsideOneVm() throws Exception {
        String out = node(vms.os().create(), """
                const http2 = require('http2');
                const server = http2.createServer();
                server.on('stream', (stream, headers) => {
                  if (headers[':path'] === '/reset') { stream.close(http2.constants.NGHTTP2_REFUSED_STREAM); return; }
                  let n = 0;
                  stream.on('data', (d) => n += d.length);
                  stream.on('end', () => {
                    stream.respond({ ':status': 200, 'content-type': 'text/plain', 'x-got': String(n) }, { waitForTrailers: true });
                    stream.on('wantTrailers', () => stream.sendTrailers({ 'x-done': 'yes' }));
                    stream.end(headers[':method'] + ' ' + headers[':path'] + ' ' + 'z'.repeat(300000).length);
                  });
                });
                server.listen(0, '127.0.0.1', () => {
                  const client = http2.connect('http://127.0.0.1:' + server.address().port);
                  client.ping(Buffer.from('12345678'), (err, ms, payload) => console.log('ping', err, String(payload)));
                  const call = (headers, body) => new Promise((resolve, reject) => {
                    const req = client.request(headers);
                    let text = '', head, trailers;
                    req.on('response', (h) => head = h);
                    req.on('trailers', (t) => trailers = t);
                    req.setEncoding('utf8');
                    req.on('data', (d) => text += d);
                    req.on('end', () => resolve([head[':status'], head['x-got'], text, trailers && trailers['x-done']].join(' ')));
                    req.on('error', (e) => reject(e));
                    if (body !== undefined) req.end(body);
                  });
                  // Concurrent streams on one connection, one with a body larger than the initial flow-control window.
                  Promise.all([call({ ':method': 'POST', ':path': '/big' }, 'y'.repeat(1 << 20)), call({ ':path': '/get' })]).then(async (r) => {
                    console.log(r.join('\\n'));
                    const e = await call({ ':path': '/reset' }).catch((err) => err);
                    console.log(e.code, e.message);
                    client.close(() => server.close(() => console.log('closed')));
                  });
                });
                """);
        assertEquals("""
                ping null 12345678
                200 1048576 POST /big 300000 yes
                200 0 GET /get 300000 yes
                ERR_HTTP2_STREAM_ERROR Stream closed with error code NGHTTP2_REFUSED_STREAM
                closed
                """, out);
    }

    /**
     * HTTP/2 over TLS to a host server: the VM's TLS (done by the JDK on the host side) offers h2 in ALPN, and the guest
     * speaks h2 over it. The server is a minimal h2 responder (SETTINGS, then {@code :status 200} and a body per request).
     */
    @Test
    void http2OverHostTlsNegotiatesH2WithAlpn(@TempDir Path dir) throws Exception {
        TestCa ca = TestCa.create(dir);
        for (String serverChoice : List.of("h2", "none")) {
            try (javax.net.ssl.SSLServerSocket listener = (javax.net.ssl.SSLServerSocket) ca.context().getServerSocketFactory()
                    .createServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                Thread server = Thread.ofVirtual().start(() -> serveMinimalH2(listener, serverChoice));
                int port = listener.getLocalPort();
                Vm vm = vms.os().create(VmConfig.builder().loopbackExemptPort(port).extraCaCertificate(ca.pem()).build());
                String out = node(vm, """
                        const http2 = require('http2');
                        const client = http2.connect('https://localhost:%d');
                        client.on('error', (e) => console.log('session error:', e.message));
                        client.on('connect', () => console.log('alpn', client.alpnProtocol, client.socket.alpnProtocol));
                        const req = client.request({ ':path': '/hello' });
                        let body = '';
                        req.on('response', (h) => console.log('status', h[':status']));
                        req.on('data', (d) => body += d);
                        req.on('end', () => { console.log(body); client.close(); });
                        req.on('error', () => {});
                        """.formatted(port));
                if (serverChoice.equals("h2")) {
                    assertEquals("alpn h2 h2\nstatus 200\nh2 over host TLS\n", out);
                } else {
                    assertEquals("session error: the server did not negotiate h2 in TLS ALPN (it chose nothing)\n", out);
                }
                server.join(10_000);
            }
        }
    }

    private static void serveMinimalH2(javax.net.ssl.SSLServerSocket listener, String choice) {
        try (javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) listener.accept()) {
            s.setHandshakeApplicationProtocolSelector((sock, offered) -> offered.contains(choice) ? choice : ""); // "": no ALPN
            s.startHandshake();
            java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            byte[] preface = new byte[24];
            in.readFully(preface);
            assertEquals("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", new String(preface, StandardCharsets.ISO_8859_1));
            out.write(h2Frame(4, 0, 0, new byte[0]));
            while (true) {
                int len = (in.readUnsignedByte() << 16) | in.readUnsignedShort();
                int type = in.readUnsignedByte();
                int flags = in.readUnsignedByte();
                int stream = in.readInt() & 0x7fffffff;
                in.readFully(new byte[len]);
                if (type == 4 && (flags & 1) == 0) {
                    out.write(h2Frame(4, 1, 0, new byte[0]));
                } else if (type == 1) {
                    out.write(h2Frame(1, 4, stream, new byte[] {(byte) 0x88})); // HPACK static entry 8, :status 200
                    out.write(h2Frame(0, 1, stream, "h2 over host TLS".getBytes(StandardCharsets.UTF_8)));
                } else if (type == 7) {
                    return;
                }
                out.flush();
            }
        } catch (java.io.IOException e) {
            // the client went away (or, in the http/1.1 case, never spoke h2)
        }
    }

    private static byte[] h2Frame(int type, int flags, int stream, byte[] payload) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(9 + payload.length);
        b.put((byte) (payload.length >>> 16)).putShort((short) payload.length).put((byte) type).put((byte) flags).putInt(stream).put(payload);
        return b.array();
    }
}
