package agentos.kernel.internal;

import static agentos.kernel.internal.TestVms.print;
import static agentos.kernel.internal.TestVms.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.ErrnoException;
import agentos.api.Vm;
import agentos.api.config.DnsConfig;
import agentos.api.config.PermissionMode;
import agentos.api.config.PermissionPolicy;
import agentos.api.config.PermissionRule;
import agentos.api.config.ScopePolicy;
import agentos.api.config.VmConfig;
import agentos.api.config.VmLimits;
import agentos.api.network.FetchChunk;
import agentos.api.network.FetchStream;
import agentos.api.network.Header;
import agentos.api.network.HttpRequest;
import agentos.api.network.HttpResponse;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import agentos.api.process.ProcessOutput;
import agentos.api.process.SpawnOptions;
import agentos.api.spi.SockAddr;
import agentos.api.spi.Syscalls;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The VM network stack: in-VM loopback, isolation between VMs, the egress policy, DNS, limits, Vm.network(). */
class NetworkTest {
    private TestVms vms;

    @BeforeEach
    void setUp() {
        vms = new TestVms();
        // serve PORT TAG [http]: accepts connections one after another, answering each with TAG + what it read
        // (or with an HTTP response whose body is TAG), until killed.
        vms.program("serve", (sys, argv, self) -> {
            int s = sys.socket(Syscalls.AF_INET, Syscalls.SOCK_STREAM, 0);
            sys.bind(s, SockAddr.inet("0.0.0.0", Integer.parseInt(argv.get(1))));
            sys.listen(s, 16);
            print(sys, 1, "listening " + sys.getsockname(s).port() + "\n");
            boolean http = argv.size() > 3;
            while (true) {
                int c = sys.accept(s, 0);
                byte[] buf = new byte[4096];
                int n = sys.read(c, buf, 0, buf.length);
                String got = new String(buf, 0, Math.max(n, 0), StandardCharsets.UTF_8);
                if (http) {
                    String[] line = got.split(" ", 3);
                    String body = argv.get(2) + " " + line[0] + " " + line[1];
                    if (got.contains("/chunked")) {
                        print(sys, c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Dup: a\r\nX-Dup: b\r\n\r\n");
                        for (String part : List.of("one ", "two ", "three")) {
                            print(sys, c, Integer.toHexString(part.length()) + "\r\n" + part + "\r\n");
                        }
                        print(sys, c, "0\r\n\r\n");
                    } else {
                        print(sys, c, "HTTP/1.1 201 Created\r\nContent-Length: " + body.length() + "\r\nX-Dup: a\r\nX-Dup: b\r\n\r\n" + body);
                    }
                } else {
                    print(sys, c, argv.get(2) + ":" + got);
                }
                sys.close(c);
            }
        });
        // connect HOST PORT MSG: prints what the server answers, or the errno and message
        vms.program("connect", (sys, argv, self) -> {
            try {
                int s = sys.socket(Syscalls.AF_INET, Syscalls.SOCK_STREAM, 0);
                sys.connect(s, SockAddr.inet(argv.get(1), Integer.parseInt(argv.get(2))));
                print(sys, s, argv.get(3));
                sys.shutdown(s, Syscalls.SHUT_WR);
                print(sys, 1, readAll(sys, s));
                sys.close(s);
            } catch (ErrnoException e) {
                print(sys, 1, e.errno().name() + " " + e.getMessage());
            }
            return 0;
        });
        vms.program("resolve", (sys, argv, self) -> {
            try {
                print(sys, 1, String.join(",", sys.getaddrinfo(argv.get(1))));
            } catch (ErrnoException e) {
                print(sys, 1, e.errno().name() + " " + e.getMessage());
            }
            return 0;
        });
        vms.program("sockets", (sys, argv, self) -> {
            try {
                for (int i = 0; i < 100; i++) {
                    sys.socket(Syscalls.AF_INET, Syscalls.SOCK_STREAM, 0);
                }
                print(sys, 1, "ok");
            } catch (ErrnoException e) {
                print(sys, 1, e.errno().name() + " " + e.getMessage());
            }
            return 0;
        });
        vms.program("bind", (sys, argv, self) -> {
            try {
                int s = sys.socket(Syscalls.AF_INET, Syscalls.SOCK_STREAM, 0);
                sys.bind(s, SockAddr.inet("0.0.0.0", Integer.parseInt(argv.get(1))));
                print(sys, 1, "ok");
            } catch (ErrnoException e) {
                print(sys, 1, e.errno().name() + " " + e.getMessage());
            }
            return 0;
        });
        // UDP within one process: delivery with the sender's address, drops to unbound ports, the queue bound.
        vms.program("udp", (sys, argv, self) -> {
            int a = sys.socket(Syscalls.AF_INET, Syscalls.SOCK_DGRAM, 0);
            sys.bind(a, SockAddr.inet("127.0.0.1", 0));
            int port = sys.getsockname(a).port();
            int b = sys.socket(Syscalls.AF_INET, Syscalls.SOCK_DGRAM, 0);
            byte[] msg = "ping".getBytes(StandardCharsets.UTF_8);
            sys.sendto(b, msg, 0, msg.length, 0, SockAddr.inet("127.0.0.1", port));
            byte[] buf = new byte[16];
            Syscalls.Received r = sys.recvfrom(a, buf, 0, buf.length, 0);
            print(sys, 1, new String(buf, 0, r.length(), StandardCharsets.UTF_8) + " from port " + (r.from().port() == sys.getsockname(b).port()) + "\n");
            print(sys, 1, "to nobody " + sys.sendto(b, msg, 0, msg.length, 0, SockAddr.inet("127.0.0.1", 9)) + "\n");
            for (int i = 0; i < 5; i++) {
                sys.sendto(b, msg, 0, msg.length, 0, SockAddr.inet("127.0.0.1", port));
            }
            int got = 0;
            try {
                while (true) {
                    sys.recvfrom(a, buf, 0, buf.length, Syscalls.MSG_DONTWAIT);
                    got++;
                }
            } catch (ErrnoException e) {
                print(sys, 1, "queued " + got + " then " + e.errno() + "\n");
            }
            try {
                sys.sendto(b, msg, 0, msg.length, 0, SockAddr.inet("203.0.113.7", 53));
            } catch (ErrnoException e) {
                print(sys, 1, "egress " + e.errno() + "\n");
            }
            return 0;
        });
        // One process, both ends, non-blocking accept and poll, a Unix socket, EOF and EPIPE.
        vms.program("selfpair", (sys, argv, self) -> {
            sys.sigaction(agentos.api.process.Signal.SIGPIPE, agentos.api.spi.SignalAction.IGNORE);
            int l = sys.socket(Syscalls.AF_UNIX, Syscalls.SOCK_STREAM, Syscalls.O_NONBLOCK);
            sys.bind(l, SockAddr.unix("/tmp/sock"));
            sys.listen(l, 4);
            try {
                sys.accept(l, 0);
                print(sys, 1, "accept did not fail\n");
            } catch (ErrnoException e) {
                print(sys, 1, "empty accept " + e.errno() + "\n");
            }
            int c = sys.socket(Syscalls.AF_UNIX, Syscalls.SOCK_STREAM, 0);
            sys.connect(c, SockAddr.unix("/tmp/sock"));
            short[] rev = new short[1];
            print(sys, 1, "ready " + sys.poll(new int[] {l}, new short[] {Syscalls.POLLIN}, rev, 1000) + "\n");
            int a = sys.accept(l, 0);
            print(sys, c, "ping");
            byte[] buf = new byte[16];
            int n = sys.read(a, buf, 0, buf.length);
            print(sys, 1, "server got " + new String(buf, 0, n, StandardCharsets.UTF_8) + "\n");
            sys.close(c);
            print(sys, 1, "eof " + sys.read(a, buf, 0, buf.length) + "\n");
            try {
                print(sys, a, "late");
            } catch (ErrnoException e) {
                print(sys, 1, "write after peer close " + e.errno() + "\n");
            }
            return 0;
        });
    }

    @AfterEach
    void tearDown() {
        vms.close();
    }

    private static String run(Vm vm, String program, String... args) throws Exception {
        ExecResult r = vm.process().execFile(program, List.of(args), ExecOptions.DEFAULT).toCompletableFuture().get(30, TimeUnit.SECONDS);
        return r.stdoutText() + r.stderrText();
    }

    /** Starts {@code serve} and waits until it listens. */
    private static void serve(Vm vm, String... args) throws Exception {
        int pid = vm.process().spawn("serve", List.of(args), SpawnOptions.DEFAULT).pid();
        String out = "";
        for (int i = 0; i < 400 && !out.contains("listening"); i++) {
            Thread.sleep(10);
            StringBuilder sb = new StringBuilder();
            for (ProcessOutput o : vm.process().readOutput(pid, 0).events()) {
                sb.append(new String(o.chunk(), StandardCharsets.UTF_8));
            }
            out = sb.toString();
        }
        assertTrue(out.contains("listening"), "server did not start: " + out);
    }

    @Test
    void guestServerAndClientTalkOverInVmLoopbackAndTwoVmsShareAPort() throws Exception {
        Vm a = vms.vm();
        Vm b = vms.vm();
        serve(a, "8080", "A");
        serve(b, "8080", "B");
        assertEquals("A:hello", run(a, "connect", "127.0.0.1", "8080", "hello"));
        assertEquals("B:hello", run(b, "connect", "localhost", "8080", "hello"));
        assertEquals("A:again", run(a, "connect", "::1", "8080", "again"));
        assertTrue(run(a, "connect", "127.0.0.1", "8081", "x").startsWith("ECONNREFUSED"));
        assertTrue(run(a, "bind", "8080").startsWith("EADDRINUSE"));
    }

    @Test
    void socketsBehaveLikePipesWithinOneProcess() throws Exception {
        assertEquals("empty accept EAGAIN\nready 1\nserver got ping\neof 0\nwrite after peer close EPIPE\n",
                run(vms.vm(), "selfpair"));
    }

    @Test
    void udpStaysInTheVmAndItsQueueIsBounded() throws Exception {
        VmLimits.Resources r = VmLimits.Resources.DEFAULT;
        VmLimits limits = VmLimits.DEFAULT.withResources(new VmLimits.Resources(r.cpuCount(), r.maxProcesses(), r.maxOpenFds(),
                r.maxPipes(), r.maxPtys(), r.maxSockets(), r.maxConnections(), r.maxSocketBufferedBytes(), 3,
                r.maxFilesystemBytes(), r.maxInodeCount(), r.maxBlockingReadMs(), r.maxPreadBytes(), r.maxFdWriteBytes(),
                r.maxProcessArgvBytes(), r.maxProcessEnvBytes(), r.maxReaddirEntries(), r.maxRecursiveFsDepth(), r.maxRecursiveFsEntries()));
        assertEquals("ping from port true\nto nobody 4\nqueued 3 then EAGAIN\negress EACCES\n",
                run(vms.vm(VmConfig.builder().limits(limits).build()), "udp"));
    }

    @Test
    void hostLoopbackIsReachableOnlyOnExemptPorts() throws Exception {
        try (ServerSocket host = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            int port = host.getLocalPort();
            Thread t = Thread.ofVirtual().start(() -> {
                try (Socket c = host.accept()) {
                    InputStream in = c.getInputStream();
                    String got = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    OutputStream out = c.getOutputStream();
                    out.write(("host saw " + got).getBytes(StandardCharsets.UTF_8));
                } catch (Exception e) {
                    // the test's assertions report it
                }
            });
            String refused = run(vms.vm(), "connect", "127.0.0.1", String.valueOf(port), "hi");
            assertTrue(refused.startsWith("ECONNREFUSED") && refused.contains("loopbackExemptPorts"), refused);
            Vm exempt = vms.vm(VmConfig.builder().loopbackExemptPort(port)
                    .dns(new DnsConfig(List.of(), Map.of("model.test", List.of("127.0.0.1")))).build());
            assertEquals("host saw hi", run(exempt, "connect", "model.test", String.valueOf(port), "hi"));
            t.join(5000);
        }
    }

    @Test
    void externalAndPrivateEgressIsRefusedAtOnceNamingTheRule() throws Exception {
        String external = run(vms.vm(), "connect", "203.0.113.7", "443", "x");
        assertTrue(external.startsWith("EACCES") && external.contains("default deny") && external.contains("tcp://203.0.113.7:443"), external);
        // allowing the network in general does not open private ranges; an explicit rule does get past the check
        Vm open = vms.vm(VmConfig.builder().permissions(PermissionPolicy.INHERIT.withNetwork(ScopePolicy.ALLOW)).build());
        for (String ip : List.of("10.1.2.3", "192.168.0.1", "169.254.169.254", "::ffff:10.0.0.1", "fd00::1", "0.0.0.0", "224.0.0.1")) {
            String r = run(open, "connect", ip, "80", "x");
            assertTrue(r.startsWith("EACCES") && r.contains("private"), ip + ": " + r);
        }
        String dns = run(vms.vm(), "resolve", "example.com");
        assertTrue(dns.startsWith("EACCES") && dns.contains("dns://example.com"), dns);
        Vm overridden = vms.vm(VmConfig.builder().dns(new DnsConfig(List.of(), Map.of("api.test", List.of("203.0.113.9")))).build());
        assertEquals("203.0.113.9", run(overridden, "resolve", "api.test"));
        assertEquals("127.0.0.1,::1", run(overridden, "resolve", "localhost"));
        Vm rule = vms.vm(VmConfig.builder().permissions(PermissionPolicy.INHERIT.withNetwork(
                ScopePolicy.of(PermissionMode.DENY, PermissionRule.of(PermissionMode.ALLOW, "connect", "tcp://203.0.113.7:*")))).build());
        assertTrue(run(rule, "connect", "203.0.113.8", "443", "x").startsWith("EACCES"));
    }

    @Test
    void listenPolicyAndSocketLimitsFire() throws Exception {
        String privileged = run(vms.vm(), "bind", "80");
        assertTrue(privileged.startsWith("EACCES") && privileged.contains("allowPrivileged"), privileged);
        VmLimits.Resources r = VmLimits.Resources.DEFAULT;
        VmLimits limits = VmLimits.DEFAULT.withResources(new VmLimits.Resources(r.cpuCount(), r.maxProcesses(), r.maxOpenFds(),
                r.maxPipes(), r.maxPtys(), 4, r.maxConnections(), r.maxSocketBufferedBytes(), r.maxSocketDatagramQueueLen(),
                r.maxFilesystemBytes(), r.maxInodeCount(), r.maxBlockingReadMs(), r.maxPreadBytes(), r.maxFdWriteBytes(),
                r.maxProcessArgvBytes(), r.maxProcessEnvBytes(), r.maxReaddirEntries(), r.maxRecursiveFsDepth(), r.maxRecursiveFsEntries()));
        String limited = run(vms.vm(VmConfig.builder().limits(limits).build()), "sockets");
        assertTrue(limited.startsWith("ENFILE") && limited.contains("maxSockets=4"), limited);
    }

    @Test
    void hostFetchesFromAGuestServer() throws Exception {
        Vm vm = vms.vm();
        serve(vm, "3000", "guest", "http");
        HttpResponse r = vm.network().fetch(3000, new HttpRequest("POST", "/things?x=1",
                List.of(new Header("Content-Type", "text/plain")), "payload".getBytes(StandardCharsets.UTF_8)));
        assertEquals(201, r.status());
        assertEquals("Created", r.statusText());
        assertEquals("guest POST /things?x=1", r.bodyText());
        assertEquals(List.of("a", "b"), r.headers().stream().filter(h -> h.name().equals("X-Dup")).map(Header::value).toList());

        FetchStream s = vm.network().fetchStreamStart(3000, HttpRequest.get("/chunked"));
        assertEquals(200, s.status());
        StringBuilder body = new StringBuilder();
        FetchChunk c;
        while (!(c = vm.network().fetchStreamRead(s.streamId(), 3)).done()) {
            assertTrue(c.body().length <= 3);
            body.append(new String(c.body(), StandardCharsets.UTF_8));
        }
        assertEquals("one two three", body.toString());
        assertThrows(IllegalArgumentException.class, () -> vm.network().fetchStreamRead(s.streamId(), 10));
        ErrnoException refused = assertThrows(ErrnoException.class, () -> vm.network().fetch(3001, HttpRequest.get("/")));
        assertEquals(agentos.api.Errno.ECONNREFUSED, refused.errno());
    }
}
