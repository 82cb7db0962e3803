package agentos.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.config.Json;
import agentos.api.config.MountConfig;
import agentos.api.config.PermissionMode;
import agentos.api.config.PermissionPolicy;
import agentos.api.config.ScopePolicy;
import agentos.api.config.UserConfig;
import agentos.api.config.VmConfig;
import agentos.api.config.VmLimits;
import agentos.api.process.ProcessExit;
import agentos.api.process.Signal;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void defaultsMatchTheDocumentedGuestModel() {
        VmConfig c = VmConfig.defaults();
        assertEquals(UserConfig.DEFAULT, c.user());
        assertEquals(1000, c.user().uid());
        assertEquals("/home/agentos", c.user().homedir());
        assertEquals("/workspace", c.cwd());
        assertTrue(c.defaultSoftware());
        assertSame(VmLimits.DEFAULT, c.limits());
    }

    @Test
    void policyMergesPerScopeOverTheDefault() {
        PermissionPolicy caller = PermissionPolicy.INHERIT.withFs(ScopePolicy.DENY);
        PermissionPolicy merged = caller.mergedOver(PermissionPolicy.DEFAULT);
        assertSame(ScopePolicy.DENY, merged.fs());
        assertSame(PermissionPolicy.DEFAULT.network(), merged.network());
        assertEquals(PermissionMode.DENY, merged.network().defaultMode(), "external network is denied by default");
        assertSame(ScopePolicy.ALLOW, merged.childProcess());
    }

    @Test
    void limitsAreAlwaysBoundedAndNameTheField() {
        VmLimits.Resources r = VmLimits.Resources.DEFAULT;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VmLimits.Resources(
                r.cpuCount(), r.maxProcesses(), 0, r.maxPipes(), r.maxPtys(), r.maxSockets(), r.maxConnections(),
                r.maxSocketBufferedBytes(), r.maxSocketDatagramQueueLen(), r.maxFilesystemBytes(), r.maxInodeCount(),
                r.maxBlockingReadMs(), r.maxPreadBytes(), r.maxFdWriteBytes(), r.maxProcessArgvBytes(),
                r.maxProcessEnvBytes(), r.maxReaddirEntries(), r.maxRecursiveFsDepth(), r.maxRecursiveFsEntries()));
        assertTrue(e.getMessage().contains("limits.resources.maxOpenFds"), e.getMessage());
    }

    @Test
    void badShapesAreRejectedWithTheOffendingValue() {
        IllegalArgumentException cwd = assertThrows(IllegalArgumentException.class, () -> VmConfig.builder().cwd("work").build());
        assertTrue(cwd.getMessage().contains("'work'"));
        IllegalArgumentException port =
                assertThrows(IllegalArgumentException.class, () -> VmConfig.builder().loopbackExemptPort(70000).build());
        assertTrue(port.getMessage().contains("70000"));
        assertThrows(IllegalArgumentException.class, () -> MountConfig.of("data", "memory", "{}"));
    }

    @Test
    void builderRoundTrips() {
        VmConfig c = VmConfig.builder().env("A", "1").cwd("/tmp").loopbackExemptPort(8080).build();
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    void hostDirMountQuotesThePath() {
        MountConfig m = MountConfig.hostDir("/data", "/srv/\"x\"", true);
        assertEquals("{\"hostPath\":\"/srv/\\\"x\\\"\",\"readOnly\":true}", m.configJson());
        assertEquals("\"a\\nb\\u0001\"", Json.quote("a\nb\u0001"));
    }

    @Test
    void signalsParseByNameOrNumberAndGiveShellStatus() {
        assertEquals(Signal.SIGTERM, Signal.parse("term"));
        assertEquals(Signal.SIGKILL, Signal.parse("9"));
        assertEquals(Signal.SIGINT, Signal.parse("SIGINT"));
        assertThrows(IllegalArgumentException.class, () -> Signal.parse("SIGNOPE"));
        assertEquals(137, new ProcessExit(3, ProcessExit.Kind.SIGNALLED, null, Signal.SIGKILL).status());
    }

    @Test
    void errnoMessagesAreReadable() {
        ErrnoException e = new ErrnoException(Errno.ENOENT, "open", "/x");
        assertEquals("ENOENT: no such file or directory, open '/x'", e.getMessage());
        assertEquals(Errno.EROFS, Errno.ofCode(30));
    }
}
