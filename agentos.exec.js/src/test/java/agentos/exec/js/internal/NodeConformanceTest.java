package agentos.exec.js.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import agentos.api.Vm;
import agentos.api.config.MountConfig;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Node's own test/parallel (v22.14.0, read from ../shared/conformance, never copied here) run in VMs under the
 * upstream runner's contract: each test in a fresh VM with /test/common (ours, from test resources),
 * /test/fixtures and /test/parallel mounted read-only; `node test-x.js` in /test/parallel; pass = exit status 0.
 *
 * <p>Every test that does not pass is listed in node-conformance-expectations.properties with a category and a
 * reason; an unlisted failure fails this test, and so does a listed test that passes (remove its entry), except
 * entries of category {@code flaky}, whose outcome depends on timing. By
 * default a representative subset runs; {@code -Dagentos.node.full=true} runs all 3,532 (about 20 minutes on
 * 2 cores), {@code -Dagentos.node.only=SUBSTRING[,SUBSTRING…]} selects by name. The report (pass rates per module) is written
 * to target/node-conformance/report.txt, and target/node-conformance/observed.properties holds an updated
 * expectations file for the tests that ran.
 */
class NodeConformanceTest {
    private static final Path SUITE = Path.of(System.getProperty("agentos.conformance.dir", "../../shared/conformance"),
            "node-v22.14.0");
    /** Modules the default subset draws from: the pure-JS core a coding agent's tools lean on. */
    private static final Set<String> SUBSET_MODULES = Set.of("path", "util", "events", "buffer", "assert", "querystring",
            "string", "os", "timers", "fs", "child", "process", "url", "event", "stream", "readline", "console");
    private static final int SUBSET_SIZE = 120;
    private static final long TEST_TIMEOUT_MS = 20_000;

    /** {@code skipped}: exit 0 after common.skip() — a vacuous pass, reported separately. */
    record Outcome(String test, boolean passed, boolean skipped, String detail) {}

    @Test
    void nodeTestParallel() throws Exception {
        Path parallel = SUITE.resolve("parallel");
        assumeTrue(Files.isDirectory(parallel), "Node's test suite is not at " + SUITE.toAbsolutePath() + " (set -Dagentos.conformance.dir)");
        List<String> all;
        try (Stream<Path> s = Files.list(parallel)) {
            all = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("test-") && n.endsWith(".js")).sorted().toList();
        }
        List<String> selected = select(all);
        Properties expected = expectations();
        Path common = Files.createTempDirectory("agentos-node-common");
        for (String f : List.of("index.js", "tmpdir.js", "fixtures.js", "countdown.js", "arraystream.js", "child_process.js",
                "hijackstdio.js", "crypto.js")) {
            try (InputStream in = getClass().getResourceAsStream("/node-test-common/common/" + f)) {
                Files.copy(in, common.resolve(f));
            }
        }
        Map<String, Outcome> results = new ConcurrentHashMap<>();
        try (JsVms vms = new JsVms()) {
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (String test : selected) {
                futures.add(pool.submit(() -> results.put(test, run(vms, test, parallel, common))));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
        }
        List<String> unexpectedFailures = new ArrayList<>();
        List<String> unexpectedPasses = new ArrayList<>();
        for (Outcome o : results.values()) {
            if (expected.getProperty(o.test(), "").startsWith("flaky:")) {
                continue; // passes or fails with timing; either is accepted
            }
            boolean listed = expected.containsKey(o.test());
            if (!o.passed() && !listed) {
                unexpectedFailures.add(o.test() + ": " + o.detail());
            } else if (o.passed() && listed) {
                unexpectedPasses.add(o.test());
            }
        }
        report(results, expected);
        unexpectedFailures.sort(null);
        unexpectedPasses.sort(null);
        assertTrue(unexpectedFailures.isEmpty() && unexpectedPasses.isEmpty(),
                "Node conformance differs from node-conformance-expectations.properties (see target/node-conformance/):\n"
                        + "failing but not listed: " + unexpectedFailures + "\npassing but listed as failing (remove): " + unexpectedPasses);
    }

    private static List<String> select(List<String> all) {
        String only = System.getProperty("agentos.node.only");
        if (only != null && !only.isBlank()) {
            List<String> parts = List.of(only.split(","));
            return all.stream().filter(t -> parts.stream().anyMatch(t::contains)).toList();
        }
        if (Boolean.getBoolean("agentos.node.full")) {
            return all;
        }
        List<String> pool = all.stream().filter(t -> SUBSET_MODULES.contains(module(t))).toList();
        int step = Math.max(1, pool.size() / SUBSET_SIZE);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pool.size() && out.size() < SUBSET_SIZE; i += step) {
            out.add(pool.get(i));
        }
        return out;
    }

    static String module(String test) {
        String rest = test.substring("test-".length());
        int dash = rest.indexOf('-');
        int dot = rest.indexOf('.');
        return rest.substring(0, dash > 0 ? dash : dot);
    }

    private Outcome run(JsVms vms, String test, Path parallel, Path common) {
        Vm vm = vms.os().create();
        try {
            vm.filesystem().mkdir("/test/parallel", true);
            vm.filesystem().mkdir("/test/fixtures", true);
            vm.filesystem().mkdir("/test/common", true);
            vm.filesystem().mount(MountConfig.hostDir("/test/parallel", parallel.toAbsolutePath().toString(), true));
            vm.filesystem().mount(MountConfig.hostDir("/test/fixtures", SUITE.resolve("fixtures").toAbsolutePath().toString(), true));
            vm.filesystem().mount(MountConfig.hostDir("/test/common", common.toString(), true));
            ExecResult r = vm.process().exec("cd /test/parallel && node " + test,
                    ExecOptions.builder().timeoutMs(TEST_TIMEOUT_MS).build()).toCompletableFuture().get(TEST_TIMEOUT_MS * 3, TimeUnit.MILLISECONDS);
            boolean passed = r.exitCode() != null && r.exitCode() == 0;
            boolean skipped = passed && r.stdoutText().contains("1..0 # Skipped");
            if (!passed) {
                // The whole output of a failing test, for triage (the expectations keep only the first line).
                Path logs = Path.of("target", "node-conformance", "logs");
                Files.createDirectories(logs);
                Files.writeString(logs.resolve(test + ".txt"), "exit " + r.exitCode() + " " + r.outcome() + "\n--- stdout\n"
                        + tail(r.stdoutText()) + "\n--- stderr\n" + tail(r.stderrText()));
            }
            return new Outcome(test, passed, skipped, passed ? "" : firstLine(r));
        } catch (Exception e) {
            return new Outcome(test, false, false, "runner: " + e);
        } finally {
            vm.dispose();
        }
    }

    private static String tail(String s) {
        return s.length() > 20_000 ? "…" + s.substring(s.length() - 20_000) : s;
    }

    private static String firstLine(ExecResult r) {
        if (r.outcome() == agentos.api.process.Outcome.TIMED_OUT) {
            return "timed out after " + TEST_TIMEOUT_MS + " ms";
        }
        String err = r.stderrText().strip();
        for (String line : err.split("\n")) {
            String l = line.strip();
            if (l.matches("^[A-Za-z]*(Error|Exception)\\b.*") || l.contains("not available") || l.startsWith("Mismatched")) {
                return l.length() > 200 ? l.substring(0, 200) : l;
            }
        }
        String any = err.isEmpty() ? "exit status " + r.exitCode() : err.split("\n")[0];
        return any.length() > 200 ? any.substring(0, 200) : any;
    }

    private static Properties expectations() {
        Properties p = new Properties();
        try (InputStream in = NodeConformanceTest.class.getResourceAsStream("/node-conformance-expectations.properties")) {
            if (in != null) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Categories for the observed file, from the failure's first line. */
    static String category(String detail) {
        String d = detail.toLowerCase(java.util.Locale.ROOT);
        if (d.contains("networking") || d.contains("http") || d.contains("net.") || d.contains("dgram") || d.contains("tls")
                || d.contains("dns")) {
            return "networking";
        }
        if (d.contains("worker") || d.contains("vm.") || d.contains("inspector") || d.contains("cluster") || d.contains("repl")) {
            return "unsupported-builtin";
        }
        if (d.contains("not available yet")) {
            return "missing-api";
        }
        if (d.contains("timed out")) {
            return "timeout";
        }
        if (d.contains("assertion") || d.contains("mismatched") || d.contains("expected")) {
            return "behaviour-differs";
        }
        return "error";
    }

    private static void report(Map<String, Outcome> results, Properties expected) throws IOException {
        Path dir = Path.of("target", "node-conformance");
        Files.createDirectories(dir);
        Map<String, int[]> perModule = new TreeMap<>();
        int genuine = 0;
        int skipped = 0;
        for (Outcome o : results.values()) {
            int[] c = perModule.computeIfAbsent(module(o.test()), k -> new int[3]);
            c[2]++;
            if (o.skipped()) {
                c[1]++;
                skipped++;
            } else if (o.passed()) {
                c[0]++;
                genuine++;
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Node v22.14.0 test/parallel: %d of %d pass genuinely (%.1f %%), %d more exit 0 by skipping themselves%n%n",
                genuine, results.size(), 100.0 * genuine / Math.max(1, results.size()), skipped));
        sb.append(String.format("%-24s %7s %7s %7s %7s%n", "module", "pass", "skipped", "tests", "pass %"));
        for (var e : perModule.entrySet()) {
            int[] c = e.getValue();
            sb.append(String.format("%-24s %7d %7d %7d %6.1f %%%n", e.getKey(), c[0], c[1], c[2], 100.0 * c[0] / c[2]));
        }
        Files.writeString(dir.resolve("report.txt"), sb.toString());
        System.out.print(sb);
        StringBuilder obs = new StringBuilder("# test=category: reason (first line of the failure), generated by NodeConformanceTest\n");
        new TreeMap<>(results).values().stream().filter(o -> !o.passed()).forEach(o -> {
            // This run's failure, so reasons never go stale; only hand-marked flaky entries keep their text.
            String listed = expected.getProperty(o.test(), "");
            String reason = listed.startsWith("flaky:") ? listed : category(o.detail()) + ": " + o.detail();
            obs.append(o.test()).append('=').append(reason.replace("\\", "\\\\").replace("\n", " ")).append('\n');
        });
        Files.writeString(dir.resolve("observed.properties"), obs.toString());
    }
}
