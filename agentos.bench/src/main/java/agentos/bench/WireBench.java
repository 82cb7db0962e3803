package agentos.bench;

import agentos.api.AgentOs;
import agentos.api.Vm;
import agentos.api.config.VmConfig;
import agentos.client.AgentOsClient;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * The wire protocol's cost: sidecar start to handshake done, round-trip latency of a small request
 * ({@code exists}) over the wire against the same call in-process (the ratio is the overhead), and
 * {@code writeFile}/{@code readFile} throughput for 1 MiB over the wire and in-process.
 */
public final class WireBench {
    private WireBench() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "launcher/target/agentos.jar");
        double[] starts = new double[5];
        for (int i = 0; i < starts.length; i++) {
            long t0 = System.nanoTime();
            AgentOsClient c = AgentOsClient.start(AgentOsClient.Options.builder().jar(jar).build());
            starts[i] = (System.nanoTime() - t0) / 1e6;
            c.close();
        }
        Arrays.sort(starts);
        System.out.printf("sidecar start -> handshake done: p50 %.0f ms (min %.0f, max %.0f, %d runs)%n",
                starts[starts.length / 2], starts[0], starts[starts.length - 1], starts.length);

        AgentOs local = VmBench.runtime();
        try (AgentOsClient remote = AgentOsClient.start(AgentOsClient.Options.builder().jar(jar).build())) {
            Vm inProcess = local.create(VmConfig.defaults());
            Vm overWire = remote.create(VmConfig.defaults());
            double localUs = existsLatency(inProcess);
            double wireUs = existsLatency(overWire);
            System.out.printf("exists() round trip p50: in-process %.1f us, over the wire %.1f us (%.0fx)%n",
                    localUs, wireUs, wireUs / localUs);
            byte[] mib = new byte[1 << 20];
            new Random(1).nextBytes(mib);
            double[] l = throughput(inProcess, mib);
            double[] w = throughput(overWire, mib);
            System.out.printf("1 MiB writeFile: in-process %.1f ms (%.0f MiB/s), over the wire %.1f ms (%.0f MiB/s)%n",
                    l[0], 1000 / l[0], w[0], 1000 / w[0]);
            System.out.printf("1 MiB readFile:  in-process %.1f ms (%.0f MiB/s), over the wire %.1f ms (%.0f MiB/s)%n",
                    l[1], 1000 / l[1], w[1], 1000 / w[1]);
        }
        System.exit(0);
    }

    private static double existsLatency(Vm vm) {
        vm.filesystem().writeFile("/workspace/x", "x");
        for (int i = 0; i < 2_000; i++) {
            vm.filesystem().exists("/workspace/x");
        }
        double[] us = new double[5_000];
        for (int i = 0; i < us.length; i++) {
            long t0 = System.nanoTime();
            vm.filesystem().exists("/workspace/x");
            us[i] = (System.nanoTime() - t0) / 1e3;
        }
        Arrays.sort(us);
        return us[us.length / 2];
    }

    /** p50 ms of writeFile and readFile of {@code data}. */
    private static double[] throughput(Vm vm, byte[] data) {
        int n = 40;
        double[] w = new double[n];
        double[] r = new double[n];
        for (int i = 0; i < n + 10; i++) {
            long t0 = System.nanoTime();
            vm.filesystem().writeFile("/workspace/big.bin", data);
            long t1 = System.nanoTime();
            byte[] back = vm.filesystem().readFile("/workspace/big.bin");
            long t2 = System.nanoTime();
            if (back.length != data.length) {
                throw new AssertionError("read " + back.length + " bytes");
            }
            if (i >= 10) {
                w[i - 10] = (t1 - t0) / 1e6;
                r[i - 10] = (t2 - t1) / 1e6;
            }
        }
        Arrays.sort(w);
        Arrays.sort(r);
        return new double[] {w[n / 2], r[n / 2]};
    }
}
