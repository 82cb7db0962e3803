package agentos.bench;

import agentos.api.AgentOs;
import agentos.api.Vm;
import agentos.api.config.VmConfig;
import agentos.kernel.internal.VmRegistry;
import agentos.vfs.internal.VfsFactory;
import java.lang.annotation.Annotation;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osgi.service.log.Logger;

/**
 * VM lifecycle numbers: create+dispose latency and heap retained by idle VMs (no processes). Builds the runtime
 * the way DS does (public component constructors), outside OSGi, so nothing but the VM code is measured.
 */
public final class VmBench {
    private VmBench() {}

    public static void main(String[] args) throws Exception {
        AgentOs os = runtime();
        int warmup = 500;
        int runs = 5000;
        for (int i = 0; i < warmup; i++) {
            os.create(VmConfig.defaults()).dispose();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            Vm vm = os.create(VmConfig.defaults());
            vm.dispose();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("create+dispose (n=%d, after %d warm-up): p50 %.3f ms, p95 %.3f ms, p99 %.3f ms%n", runs, warmup,
                nanos[runs / 2] / 1e6, nanos[runs * 95 / 100] / 1e6, nanos[runs * 99 / 100] / 1e6);

        long base = heapAfterGc();
        Vm one = os.create(VmConfig.defaults());
        one.filesystem().exists("/workspace");
        long withOne = heapAfterGc();
        System.out.printf("heap retained by 1 idle VM: %.1f KiB%n", (withOne - base) / 1024.0);

        List<Vm> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(os.create(VmConfig.defaults()));
        }
        long withMany = heapAfterGc();
        System.out.printf("heap retained by 1000 idle VMs: %.1f MiB (%.1f KiB per VM)%n", (withMany - withOne) / 1048576.0,
                (withMany - withOne) / 1024.0 / 1000);
        many.forEach(Vm::dispose);
        one.dispose();
        System.exit(0);
    }

    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static AgentOs runtime() {
        Logger log = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (p, m, a) -> m.getReturnType() == boolean.class ? Boolean.FALSE : null);
        VmRegistry.Config config = new VmRegistry.Config() {
            @Override
            public int maxVms() {
                return 10_000;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return VmRegistry.Config.class;
            }
        };
        return new VmRegistry(config, log, new VfsFactory());
    }
}
