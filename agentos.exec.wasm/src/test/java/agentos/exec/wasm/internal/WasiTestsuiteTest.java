package agentos.exec.wasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import agentos.api.Vm;
import agentos.api.config.UserConfig;
import agentos.api.config.VmConfig;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The upstream WASI testsuite (wasm32-wasip1) run through our kernel, VFS and WASI host, as its specification.md
 * describes: each test's fixture {@code root} is copied into a fresh VM's filesystem at {@code /} (the standard
 * preopen of plain WASI programs), the program runs with exactly the spec's args and env, and the exit code must
 * match, and stdout and stderr where the spec gives them. Tests not yet passing are listed with a reason in
 * {@code wasi-testsuite-expectations.properties}; an expected failure that passes fails the run until its entry
 * is removed. The suite is read from {@code ../shared/conformance} beside the project.
 */
class WasiTestsuiteTest {
    static final List<String> SUITES = List.of("assemblyscript", "c", "rust");

    static WasmVms vms;
    static final AtomicInteger passed = new AtomicInteger();
    static final AtomicInteger expectedFailures = new AtomicInteger();
    static final AtomicInteger total = new AtomicInteger();

    @BeforeAll
    static void boot() {
        vms = new WasmVms();
    }

    @AfterAll
    static void report() {
        System.out.printf("WASI testsuite (wasm32-wasip1): %d of %d pass, %d expected failures%n",
                passed.get(), total.get(), expectedFailures.get());
        vms.close();
    }

    static Path suiteDir() {
        String dir = System.getProperty("agentos.conformance.dir", "../../shared/conformance");
        return Path.of(dir, "wasi-testsuite").toAbsolutePath().normalize();
    }

    static Properties expectations() {
        Properties p = new Properties();
        try (InputStream in = WasiTestsuiteTest.class.getResourceAsStream("/wasi-testsuite-expectations.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    @TestFactory
    Stream<DynamicTest> wasip1() throws IOException {
        Path root = suiteDir();
        Assumptions.assumeTrue(Files.isDirectory(root), "WASI testsuite not found at " + root);
        Properties expected = expectations();
        List<DynamicTest> tests = new ArrayList<>();
        TreeSet<String> known = new TreeSet<>();
        for (String suite : SUITES) {
            Path dir = root.resolve(suite).resolve("testsuite/wasm32-wasip1");
            try (Stream<Path> files = Files.list(dir)) {
                for (Path wasm : files.filter(f -> f.toString().endsWith(".wasm")).sorted().toList()) {
                    String name = wasm.getFileName().toString().replaceFirst("\\.wasm$", "");
                    String id = suite + "/" + name;
                    known.add(id);
                    String only = System.getProperty("agentos.wasi.only", "");
                    if (!only.isEmpty() && !id.contains(only)) {
                        continue;
                    }
                    String why = expected.getProperty(id);
                    tests.add(DynamicTest.dynamicTest(id, () -> run(id, wasm, why)));
                }
            }
        }
        for (String id : expected.stringPropertyNames()) {
            assertTrue(known.contains(id) || !System.getProperty("agentos.wasi.only", "").isEmpty(),
                    "expectations list " + id + ", which is not in the suite");
        }
        return tests.stream();
    }

    void run(String id, Path wasm, String expectedFailure) throws Exception {
        total.incrementAndGet();
        String failure = check(wasm);
        if (expectedFailure == null) {
            if (failure != null) {
                fail(id + ": " + failure);
            }
            passed.incrementAndGet();
        } else if (failure == null) {
            passed.incrementAndGet();
            fail(id + " passes now; remove it from wasi-testsuite-expectations.properties (" + expectedFailure + ")");
        } else {
            expectedFailures.incrementAndGet();
            Assumptions.abort("expected failure (" + expectedFailure + "): " + failure);
        }
    }

    /** Runs one test case; null when it passes, else what differed. */
    static String check(Path wasm) throws Exception {
        Path json = Path.of(wasm.toString().replaceFirst("\\.wasm$", ".json"));
        JsonObject spec = Files.exists(json) ? JsonParser.parseString(Files.readString(json)).getAsJsonObject() : new JsonObject();
        List<String> args = new ArrayList<>();
        if (spec.has("args")) {
            spec.getAsJsonArray("args").forEach(a -> args.add(a.getAsString()));
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (spec.has("env")) {
            for (Map.Entry<String, JsonElement> e : spec.getAsJsonObject("env").entrySet()) {
                env.put(e.getKey(), e.getValue().getAsString());
            }
        }
        int exitCode = spec.has("exit_code") ? spec.get("exit_code").getAsInt() : 0;
        // Like the suite's own runner, output is checked only where the spec gives it (tests print diagnostics).
        String stdout = spec.has("stdout") ? spec.get("stdout").getAsString() : null;
        String stderr = spec.has("stderr") ? spec.get("stderr").getAsString() : null;

        // Root, so the fixture copied to / stays writable for the program (the suite's runners preopen it rw).
        Vm vm = vms.os().create(VmConfig.builder()
                .user(new UserConfig(0, 0, "root", "root", "/root", "/bin/sh", List.of()))
                .build());
        try {
            if (spec.has("root")) {
                copyInto(vm, wasm.getParent().resolve(spec.get("root").getAsString()), "/");
            }
            String program = "/opt/wasi-test/" + wasm.getFileName();
            vm.filesystem().mkdir("/opt/wasi-test", true);
            vm.filesystem().writeFile(program, Files.readAllBytes(wasm));
            vm.filesystem().chmod(program, 0755);
            // env -i: the program sees exactly the spec's environment, as the suite requires.
            List<String> argv = new ArrayList<>(List.of("-i"));
            env.forEach((k, v) -> argv.add(k + "=" + v));
            argv.add(program);
            argv.addAll(args);
            ExecResult r = vm.process().execFile("env", argv, ExecOptions.builder().cwd("/").timeoutMs(60_000).build())
                    .toCompletableFuture().get(90, TimeUnit.SECONDS);
            List<String> diffs = new ArrayList<>();
            if (r.exitCode() == null || r.exitCode() != exitCode) {
                diffs.add("exit code " + r.exitCode() + ", expected " + exitCode);
            }
            if (stdout != null && !stdout.equals(r.stdoutText())) {
                diffs.add("stdout " + quote(r.stdoutText()) + ", expected " + quote(stdout));
            }
            if (stderr != null && !stderr.equals(r.stderrText())) {
                diffs.add("stderr " + quote(r.stderrText()) + ", expected " + quote(stderr));
            }
            if (diffs.isEmpty()) {
                return null;
            }
            if (!r.stderrText().isEmpty() && stderr == null) {
                diffs.add("stderr " + quote(r.stderrText()));
            }
            return String.join("; ", diffs);
        } finally {
            vms.os().dispose(vm.id());
        }
    }

    static void copyInto(Vm vm, Path from, String to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                String rel = from.relativize(p).toString();
                if (rel.isEmpty()) {
                    continue;
                }
                String target = to.endsWith("/") ? to + rel : to + "/" + rel;
                if (Files.isDirectory(p)) {
                    vm.filesystem().mkdir(target, true);
                } else if (!p.getFileName().toString().endsWith(".cleanup")) {
                    vm.filesystem().writeFile(target, Files.readAllBytes(p));
                }
            }
        }
    }

    static String quote(String s) {
        String t = s.length() > 400 ? s.substring(0, 400) + "…" : s;
        return "\"" + t.replace("\n", "\\n") + "\"";
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
