package agentos.vfs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.spi.BackendFile;
import agentos.api.spi.FilesystemBackend;
import agentos.api.spi.OpenFlags;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract against a real host directory (the differential run), plus escape attempts. */
class HostDirBackendTest extends FilesystemBackendContract {
    @TempDir
    Path tmp;

    Path inside;
    Path outside;

    @Override
    protected FilesystemBackend create() throws Exception {
        inside = Files.createDirectories(tmp.resolve("inside"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "OUTSIDE");
        return new HostDirBackend(inside, false, 1000, 1000);
    }

    @Test
    void dotDotNeverReachesTheHost() {
        assertErrno(Errno.EINVAL, () -> fs.lstat("../outside/secret"));
        assertErrno(Errno.EINVAL, () -> fs.open("a/../../outside/secret", OpenFlags.READ, 0));
    }

    @Test
    void hostSymlinksAreNeverFollowedByTheBackend() throws Exception {
        Files.createSymbolicLink(inside.resolve("escape"), outside);
        Files.createSymbolicLink(inside.resolve("file-escape"), outside.resolve("secret"));
        assertEquals(outside.toString(), fs.readlink("escape"));
        assertErrno(Errno.ENOTDIR, () -> fs.open("escape/secret", OpenFlags.READ, 0));
        assertErrno(Errno.ENOTDIR, () -> fs.readdir("escape"));
        assertErrno(Errno.ELOOP, () -> fs.open("file-escape", OpenFlags.READ, 0));
        assertErrno(Errno.ENOTDIR, () -> fs.mkdir("escape/new", 0755));
        assertFalse(Files.exists(outside.resolve("new")));
    }

    @Test
    void ownershipIsTheVmUsersAndSetuidBitsNeverReachTheHost() throws Exception {
        write("f", "x");
        assertEquals(1000, fs.lstat("f").uid());
        assertErrno(Errno.EPERM, () -> fs.chown("f", 0, 0));
        fs.chmod("f", 04755);
        assertEquals(0755, fs.lstat("f").mode());
        assertEquals(0755, Files.getPosixFilePermissions(inside.resolve("f")).stream()
                .mapToInt(p -> 1 << (8 - p.ordinal())).sum());
    }

    @Test
    void readOnlyByDefaultThroughThePlugin() {
        FilesystemBackend ro = new HostDirMountPlugin().create(new agentos.api.spi.MountRequest(
                "vm-1", "/mnt", "{\"hostPath\":" + agentos.api.config.Json.quote(inside.toString()) + "}", false, 1000, 1000));
        assertErrno(Errno.EROFS, () -> ro.mkdir("x", 0755));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HostDirMountPlugin().create(
                new agentos.api.spi.MountRequest("vm-1", "/mnt", "{}", false, 1000, 1000)));
        assertEquals("host_dir mount config needs a string field 'hostPath'", e.getMessage());
    }

    /**
     * A guest swaps a directory for a symlink to a host directory outside, as fast as it can, while another
     * guest thread opens a file below it. The open must fail or read the inside file, never the outside one.
     */
    @Test
    void symlinkSwapRaceCannotEscape() throws Exception {
        fs.mkdir("d", 0755);
        write("d/secret", "inside");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread swapper = new Thread(() -> {
            try {
                for (int i = 0; i < 3000 && !stop.get(); i++) {
                    fs.rename("d", "d2");
                    fs.symlink(outside.toString(), "d");
                    fs.unlink("d");
                    fs.rename("d2", "d");
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        swapper.start();
        try {
            for (int i = 0; i < 3000; i++) {
                try (BackendFile f = fs.open("d/secret", OpenFlags.READ, 0)) {
                    byte[] buf = new byte[16];
                    int n = f.read(0, buf, 0, buf.length);
                    String s = new String(buf, 0, Math.max(n, 0), StandardCharsets.UTF_8);
                    assertNotEquals("OUTSIDE", s, "read a file outside the host directory");
                } catch (ErrnoException expected) {
                    // ENOENT / ENOTDIR while swapped: fine.
                }
            }
        } finally {
            stop.set(true);
            swapper.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("swapper failed", failure.get());
        }
        assertEquals("inside", read("d/secret"));
    }
}
