package agentos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import agentos.api.AgentOsException;
import agentos.api.Vm;
import agentos.api.process.ProcessDescriptor;
import agentos.api.process.SpawnOptions;
import agentos.client.AgentOsClient;
import agentos.wire.Frame;
import agentos.wire.FrameCodec;
import agentos.wire.Ownership;
import agentos.wire.Wire;
import agentos.wire.WireJson;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/** The client and a real sidecar process: shutdown, a dying sidecar, and what the sidecar writes to stdout. */
public class ClientProcessIT {
    private static final long WAIT_S = 60;

    private static List<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("agentos-client-")).map(Thread::getName).toList();
    }

    @Test
    public void closeDisposesVmsReapsTheSidecarAndLeavesNoThreads() throws Exception {
        AgentOsClient client = AgentOsClient.start(AgentOsClient.Options.builder().jar(FacadeClientIT.sidecarJar()).build());
        long pid = client.sidecarPid().orElseThrow();
        Vm vm = client.create();
        vm.process().spawn("sleep", List.of("100"), SpawnOptions.DEFAULT);
        client.close();
        assertFalse("sidecar process still alive after close()", ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertEquals(List.of(), clientThreads());
        AgentOsException after = assertThrows(AgentOsException.class, () -> client.create());
        assertTrue(after.getMessage(), after.getMessage().contains("closed"));
    }

    @Test
    public void aDyingSidecarFailsPendingCallsPromptlyWithItsExitStatus() throws Exception {
        AgentOsClient client = AgentOsClient.start(AgentOsClient.Options.builder().jar(FacadeClientIT.sidecarJar()).build());
        try {
            Vm vm = client.create();
            ProcessDescriptor sleeper = vm.process().spawn("sleep", List.of("100"), SpawnOptions.DEFAULT);
            CompletableFuture<?> waiting = vm.process().waitFor(sleeper.pid()).toCompletableFuture();
            ProcessHandle.of(client.sidecarPid().orElseThrow()).orElseThrow().destroyForcibly();
            ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(WAIT_S, TimeUnit.SECONDS));
            String message = e.getCause().getMessage();
            assertTrue(message, message.contains("sidecar connection lost") && message.contains("exited with status"));
            AgentOsException next = assertThrows(AgentOsException.class, () -> vm.filesystem().exists("/"));
            assertTrue(next.getMessage(), next.getMessage().contains("sidecar connection lost"));
        } finally {
            client.close();
        }
        assertEquals(List.of(), clientThreads());
    }

    @Test
    public void theSidecarWritesOnlyFramesAndExitsAtEndOfInput() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-jar",
                FacadeClientIT.sidecarJar().toString(), "sidecar").start();
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        FrameCodec codec = new FrameCodec(null, null, FrameCodec.DEFAULT_MAX_FRAME_BYTES);
        OutputStream in = p.getOutputStream();
        in.write(codec.encode(Frame.request(1, Ownership.NONE, Wire.AUTHENTICATE, WireJson.object("build_id", Wire.buildId()))));
        in.write(codec.encode(Frame.request(2, Ownership.connection("conn-1"), Wire.OPEN_SESSION, new com.google.gson.JsonObject())));
        in.write(codec.encode(Frame.request(3, Ownership.connection("conn-1").withSession("session-1"), Wire.CREATE_VM,
                new com.google.gson.JsonObject())));
        in.write(new byte[] {0, 0, 0, 5, 'h', 'e', 'l', 'l', 'o'}); // not JSON: rejected, not fatal
        in.flush();
        in.close();
        assertTrue("the sidecar did not exit after its input closed", p.waitFor(WAIT_S, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        FrameCodec frames = new FrameCodec(new ByteArrayInputStream(stdout.get()), OutputStream.nullOutputStream(), FrameCodec.DEFAULT_MAX_FRAME_BYTES);
        int responses = 0;
        Frame f;
        boolean sawRejection = false;
        while ((f = frames.read()) != null) { // throws if anything but frames is on stdout
            if (f.kind() == agentos.wire.FrameKind.RESPONSE) {
                responses++;
                sawRejection |= f.rejected() && f.id() == 0;
            }
        }
        assertTrue("responses: " + responses, responses >= 3);
        assertTrue(sawRejection);
        String log = new String(stderr.get(), StandardCharsets.UTF_8);
        assertTrue(log, log.contains("end of input"));
        assertFalse(log, log.contains("Exception"));
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            return new byte[0];
        }
    }

    @Test
    public void theLaunchersVmsRunNode() throws Exception {
        try (AgentOsClient client = AgentOsClient.start(AgentOsClient.Options.builder().jar(FacadeClientIT.sidecarJar()).build())) {
            Vm vm = client.create();
            var r = vm.process().exec("node -e 'console.log(require(\"os\").platform(), process.version)' | tr a-z A-Z")
                    .toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
            assertEquals(r.stderrText(), "LINUX V22.14.0\n", r.stdoutText());
            var v = vm.javascript().evaluate("[1, 2, 3].map((x) => x * 2)", agentos.api.code.CodeOptions.DEFAULT)
                    .toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
            assertEquals(v.result().stderrText(), "[2,4,6]", v.valueJson());
        }
    }

    @Test
    public void theQuickstartExamplePrints20() throws Exception {
        Path root = Path.of(System.getProperty("agentos.bundles.dir")).toAbsolutePath().normalize();
        Path run = root.resolve("examples/client-quickstart/run");
        assertTrue(Files.isExecutable(run));
        ProcessBuilder pb = new ProcessBuilder(run.toString()).redirectErrorStream(false);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("the example did not finish", p.waitFor(WAIT_S * 3, TimeUnit.SECONDS));
        assertEquals("stderr: " + new String(err.get(), StandardCharsets.UTF_8), 0, p.exitValue());
        assertEquals("20", out.strip());
    }
}
