package agentos.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sidecar picks the optimizing runtime exactly when ./agentos would. */
class SidecarCommandTest {
    @TempDir
    Path dir;

    private Path jdk(boolean jvmci) throws Exception {
        Path home = dir.resolve(jvmci ? "jdk-jvmci" : "jdk-plain");
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/java"), "");
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"25\"\nMODULES=\"java.base " + (jvmci ? "jdk.internal.vm.ci " : "") + "jdk.zipfs\"\n");
        return home.resolve("bin/java");
    }

    private Path jars(boolean withJit) throws Exception {
        Path target = dir.resolve(withJit ? "with" : "without");
        Files.createDirectories(target.resolve("graal"));
        Files.writeString(target.resolve("agentos.jar"), "");
        if (withJit) {
            Files.writeString(target.resolve("agentos-jit.jar"), "");
            Files.writeString(target.resolve("graal/compiler.jar"), "");
        }
        return target.resolve("agentos.jar");
    }

    private static String jarOf(List<String> cmd) {
        return Path.of(cmd.get(cmd.indexOf("-jar") + 1)).getFileName().toString();
    }

    @Test
    void jitOnlyWithJvmciTheJitJarAndEnoughCoresOrWhenAskedFor() throws Exception {
        Path jar = jars(true);
        List<String> on = SidecarProcess.command(jdk(true), jar, List.of("-Xmx1g"), 1000, "on", 2);
        assertEquals("agentos-jit.jar", jarOf(on));
        assertTrue(on.contains("-XX:+EnableJVMCI") && on.stream().anyMatch(a -> a.startsWith("--upgrade-module-path=") && a.contains("compiler.jar")), on.toString());
        assertTrue(on.indexOf("-Xmx1g") < on.indexOf("-jar"));
        assertEquals("agentos.jar", jarOf(SidecarProcess.command(jdk(true), jar, List.of(), 1000, null, 2)));
        assertEquals("agentos-jit.jar", jarOf(SidecarProcess.command(jdk(true), jar, List.of(), 1000, "auto", 8)));
        assertEquals("agentos.jar", jarOf(SidecarProcess.command(jdk(true), jar, List.of(), 1000, "off", 8)));
        List<String> noJvmci = SidecarProcess.command(jdk(false), jar, List.of(), 1000, "on", 8);
        assertEquals("agentos.jar", jarOf(noJvmci));
        assertFalse(noJvmci.contains("-XX:+EnableJVMCI"));
        assertEquals("agentos.jar", jarOf(SidecarProcess.command(jdk(true), jars(false), List.of(), 1000, "on", 8)));
    }
}
