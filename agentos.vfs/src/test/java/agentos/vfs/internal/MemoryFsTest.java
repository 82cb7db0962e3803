package agentos.vfs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.Errno;
import agentos.api.LimitWarning;
import agentos.api.spi.BackendFile;
import agentos.api.spi.FilesystemBackend;
import agentos.api.spi.OpenFlags;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryFsTest extends FilesystemBackendContract {
    private final List<LimitWarning> warnings = new ArrayList<>();
    private Quota quota;

    @Override
    protected FilesystemBackend create() {
        quota = new Quota("vm-t", 100, 10, warnings::add);
        return new MemoryFs(quota, System::currentTimeMillis);
    }

    @Test
    void directoryLinkCountFollowsSubdirectories() {
        fs.mkdir("d", 0755);
        fs.mkdir("d/a", 0755);
        fs.mkdir("d/b", 0755);
        assertEquals(4, fs.lstat("d").nlink());
        fs.rmdir("d/a");
        assertEquals(3, fs.lstat("d").nlink());
    }

    @Test
    void quotaLimitsBytesAndInodesAndWarnsOnce() {
        write("a", "x".repeat(85));
        assertEquals(1, warnings.size());
        assertEquals("maxFilesystemBytes", warnings.get(0).limit());
        assertErrno(Errno.ENOSPC, () -> write("b", "x".repeat(16)));
        fs.unlink("a");
        assertEquals(1, quota.inodes(), "the failed write's file exists, empty");
        assertEquals(0, quota.bytes());
        for (int i = 0; i < 9; i++) {
            fs.mkdir("d" + i, 0755);
        }
        assertErrno(Errno.ENOSPC, () -> fs.mkdir("one-too-many", 0755));
    }

    @Test
    void unlinkedOpenFileIsReleasedFromTheQuotaAtOnce() {
        write("a", "x".repeat(50));
        try (BackendFile h = fs.open("a", OpenFlags.READ, 0)) {
            fs.unlink("a");
            assertEquals(0, quota.bytes());
            assertEquals(0, quota.inodes());
            assertEquals(50, h.size());
        }
    }

    @Test
    void frozenLayersRefuseChanges() {
        write("f", "x");
        ((MemoryFs) fs).freeze();
        assertErrno(Errno.EROFS, () -> write("f", "y"));
        assertErrno(Errno.EROFS, () -> fs.mkdir("d", 0755));
        assertEquals("x", read("f"));
        assertTrue(fs.lstat("f").isFile());
    }
}
