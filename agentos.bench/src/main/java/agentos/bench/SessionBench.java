package agentos.bench;

import agentos.acp.internal.AcpLayer;
import agentos.adapters.pi.internal.PiSoftware;
import agentos.api.Vm;
import agentos.api.config.SoftwareRef;
import agentos.api.config.VmConfig;
import agentos.api.session.OpenSessionOptions;
import agentos.api.session.PermissionPolicyMode;
import agentos.api.session.PromptRequest;
import agentos.api.spi.AospkgPackage;
import agentos.api.spi.Executor;
import agentos.api.spi.PackageCache;
import agentos.api.spi.SoftwarePackage;
import agentos.exec.js.internal.JsExecutor;
import agentos.exec.js.internal.NodePackage;
import agentos.exec.wasm.internal.ChicoryExecutor;
import agentos.kernel.internal.VmRegistry;
import agentos.testing.FakeModelServer;
import agentos.testing.FakeModelServer.Fixture;
import agentos.vfs.internal.VfsFactory;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.osgi.service.log.Logger;

/**
 * Pi sessions (upstream @agentos-software/pi@0.2.7 in a VM, fake Anthropic server on loopback): open → ready for
 * the first session in a fresh JVM and for later ones (each in a new VM, sharing the JVM's GraalJS engine and its
 * source cache), one text turn and one tool turn, and heap per idle session. Usage: SessionBench [SESSIONS=4].
 */
public final class SessionBench {
    private SessionBench() {}

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        Logger log = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (p, m, a) -> m.getReturnType() == boolean.class ? Boolean.FALSE : null);
        List<Executor> executors = List.of(new ChicoryExecutor(), new JsExecutor());
        List<SoftwarePackage> software = new ArrayList<>(ExecBench.software());
        software.add(new NodePackage());
        Path pi = PackageCache.extract("agentos.bench-pi", List.of("pi/package.aospkg"), SessionBench.class.getClassLoader()::getResource)
                .resolve("pi/package.aospkg");
        software.add(AospkgPackage.open(pi));
        Path db = Files.createTempDirectory("agentos-session-bench").resolve("sessions.db");
        AcpLayer layer = new AcpLayer(db, f -> null, List.of(new PiSoftware.PiAdapter()));
        VmRegistry registry = new VmRegistry(1024, log, System::currentTimeMillis, new VfsFactory(), () -> executors, List::of,
                () -> software).agentLayer(layer);
        try (FakeModelServer model = FakeModelServer.start(
                Fixture.onUserText("make a file").toolCall("Creating it.", "bash", Map.of("command", "echo hi > /workspace/f.txt")),
                Fixture.onToolResult().text("Done."),
                Fixture.always().text("Hello."))) {
            Map<String, String> env = Map.of("ANTHROPIC_API_KEY", "sk-bench", "ANTHROPIC_BASE_URL", model.baseUrl());
            long base = VmBench.heapAfterGc();
            List<Vm> vms = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                Vm vm = registry.create(VmConfig.builder().software(SoftwareRef.named("pi")).loopbackExemptPort(model.port()).build());
                vms.add(vm);
                long t0 = System.nanoTime();
                vm.sessions().open(new OpenSessionOptions("main", "pi", "/workspace", List.of(), env, List.of(),
                        PermissionPolicyMode.ALLOW_ALL, false, null)).toCompletableFuture().get(600, TimeUnit.SECONDS);
                System.out.printf("session %d (new VM): open -> ready %.0f ms%n", i + 1, (System.nanoTime() - t0) / 1e6);
            }
            Vm vm = vms.get(0);
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                vm.sessions().prompt(PromptRequest.text("main", "say hello")).toCompletableFuture().get(600, TimeUnit.SECONDS);
                System.out.printf("text turn %d: %.0f ms%n", i + 1, (System.nanoTime() - t0) / 1e6);
            }
            long t0 = System.nanoTime();
            vm.sessions().prompt(PromptRequest.text("main", "please make a file")).toCompletableFuture().get(600, TimeUnit.SECONDS);
            System.out.printf("tool turn (bash runs sh in the VM): %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            Thread.sleep(2000);
            long with = VmBench.heapAfterGc();
            System.out.printf("heap per idle Pi session (VM + agent process), over %d: %.1f MiB%n", sessions,
                    (with - base) / 1048576.0 / sessions);
            for (Vm v : vms) {
                v.dispose();
            }
        } finally {
            registry.deactivate();
            layer.deactivate();
        }
        System.exit(0);
    }
}
