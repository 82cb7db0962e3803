package agentos.client.internal;

import agentos.api.AgentOsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** The sidecar JVM: finds the jar and a Java 21+, starts it, keeps the tail of its stderr for error messages. */
public final class SidecarProcess {
    private static final int STDERR_TAIL = 4096;

    private final Process process;
    private final byte[] tail = new byte[STDERR_TAIL];
    private int tailLength;
    private final Thread stderrPump;

    private SidecarProcess(Process process, boolean echo) {
        this.process = process;
        this.stderrPump = new Thread(() -> pump(process.getErrorStream(), echo), "agentos-client-sidecar-stderr");
        stderrPump.setDaemon(true);
        stderrPump.start();
    }

    public static SidecarProcess start(@Nullable Path jar, @Nullable Path java, List<String> jvmArgs, long heartbeatMs, boolean echo) {
        Path j = jar != null ? jar : findJar();
        if (!Files.isRegularFile(j)) {
            throw new AgentOsException("sidecar jar not found at " + j + "; build it with ./build install -DskipTests (or pass "
                    + "AgentOsClient.Options.builder().jar(PATH))");
        }
        Path javaExe = java != null ? java : findJava();
        List<String> cmd = command(javaExe, j, jvmArgs, heartbeatMs, System.getenv("AGENTOS_JIT"),
                Runtime.getRuntime().availableProcessors());
        try {
            return new SidecarProcess(new ProcessBuilder(cmd).start(), echo);
        } catch (IOException e) {
            throw new AgentOsException("cannot start the sidecar (" + String.join(" ", cmd) + "): " + e.getMessage(), e);
        }
    }

    /**
     * The sidecar's command line. Like {@code ./agentos}: with {@code AGENTOS_JIT=on} (or unset/auto on 4+ cores),
     * a JDK with JVMCI, and {@code agentos-jit.jar} plus {@code graal/compiler.jar} beside the jar, guest JavaScript
     * gets the optimizing Truffle runtime; otherwise the jar's interpreter.
     */
    static List<String> command(Path javaExe, Path jar, List<String> jvmArgs, long heartbeatMs, @Nullable String jitSetting, int cores) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExe.toString());
        Path g = jar.toAbsolutePath().getParent().resolve("graal");
        Path jitJar = jar.toAbsolutePath().getParent().resolve("agentos-jit.jar");
        String jit = jitSetting == null || jitSetting.isBlank() ? "auto" : jitSetting;
        boolean useJit = (jit.equals("on") || (jit.equals("auto") && cores >= 4)) && Files.isRegularFile(jitJar)
                && Files.isRegularFile(g.resolve("compiler.jar")) && hasJvmci(javaExe);
        if (useJit) {
            cmd.addAll(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                    "--upgrade-module-path=" + String.join(java.io.File.pathSeparator, paths(g, "compiler", "collections", "word",
                            "truffle-compiler", "nativeimage")),
                    "--module-path", String.join(java.io.File.pathSeparator, paths(g, "polyglot", "jniutils", "truffle-api",
                            "truffle-runtime", "regex", "icu4j", "xz", "js-language")),
                    "--add-modules", "ALL-MODULE-PATH", "--enable-native-access=ALL-UNNAMED,org.graalvm.truffle"));
        } else {
            cmd.add("--enable-native-access=ALL-UNNAMED");
        }
        if (Runtime.version().feature() >= 24 && javaExe.equals(currentJava())) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", (useJit ? jitJar : jar).toString(), "sidecar", "--heartbeat-ms", Long.toString(heartbeatMs)));
        return cmd;
    }

    private static List<String> paths(Path dir, String... names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(dir.resolve(n + ".jar").toString());
        }
        return out;
    }

    /** Whether the JDK of {@code javaExe} has JVMCI (its {@code release} file lists jdk.internal.vm.ci). */
    static boolean hasJvmci(Path javaExe) {
        Path home = javaExe.toAbsolutePath().getParent() == null ? null : javaExe.toAbsolutePath().getParent().getParent();
        if (home == null) {
            return false;
        }
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("MODULES=") && line.contains("jdk.internal.vm.ci")) {
                    return true;
                }
            }
        } catch (IOException e) {
            // no release file: not a JDK we can tell about
        }
        return false;
    }

    static Path findJar() {
        String prop = System.getProperty("agentos.jar");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("AGENTOS_JAR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("launcher/target/agentos.jar");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AgentOsException("cannot find agentos.jar: set -Dagentos.jar=PATH or AGENTOS_JAR, run from a checkout "
                + "where launcher/target/agentos.jar exists, or pass AgentOsClient.Options.builder().jar(PATH)");
    }

    private static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static Path findJava() {
        String env = System.getenv("AGENTOS_JAVA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        if (Runtime.version().feature() >= 21) {
            return currentJava();
        }
        String home = System.getenv("JAVA_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home, "bin", "java");
        }
        throw new AgentOsException("the sidecar needs Java 21 or newer and this JVM is " + Runtime.version().feature()
                + "; set AGENTOS_JAVA or pass AgentOsClient.Options.builder().java(PATH)");
    }

    private void pump(InputStream err, boolean echo) {
        byte[] buf = new byte[4096];
        try (err) {
            int n;
            while ((n = err.read(buf)) > 0) {
                if (echo) {
                    System.err.write(buf, 0, n);
                    System.err.flush();
                }
                synchronized (tail) {
                    if (n >= STDERR_TAIL) {
                        System.arraycopy(buf, n - STDERR_TAIL, tail, 0, STDERR_TAIL);
                        tailLength = STDERR_TAIL;
                    } else {
                        int keep = Math.min(tailLength, STDERR_TAIL - n);
                        System.arraycopy(tail, tailLength - keep, tail, 0, keep);
                        System.arraycopy(buf, 0, tail, keep, n);
                        tailLength = keep + n;
                    }
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    public InputStream stdout() {
        return process.getInputStream();
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    public long pid() {
        return process.pid();
    }

    /** Exit status and stderr tail, for failure messages ("" while it runs and has said nothing). */
    public String diagnostics() {
        StringBuilder sb = new StringBuilder();
        try {
            if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
                sb.append("sidecar exited with status ").append(process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String stderr;
        synchronized (tail) {
            stderr = new String(tail, 0, tailLength, StandardCharsets.UTF_8).strip();
        }
        if (!stderr.isEmpty()) {
            String[] lines = stderr.split("\n");
            String last = String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 5), lines.length));
            sb.append(sb.isEmpty() ? "" : "; ").append("sidecar stderr:\n").append(last);
        }
        return sb.toString();
    }

    /** Closes stdin (the sidecar disposes its VMs and exits), waits up to {@code graceMs}, then kills. */
    public void stop(long graceMs) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed
        }
        try {
            if (!process.waitFor(graceMs, TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            stderrPump.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
