package agentos.vfs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.Errno;
import agentos.api.fs.DirEntry;
import agentos.api.spi.BackendFile;
import agentos.api.spi.FilesystemBackend;
import agentos.api.spi.OpenFlags;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract on an overlay (with an unrelated lower), then the overlay's own rules. */
class OverlayFsTest extends FilesystemBackendContract {
    private MemoryFs lower;
    private MemoryFs upper;

    @Override
    protected FilesystemBackend create() {
        lower = new MemoryFs(Quota.unlimited(), System::currentTimeMillis);
        lower.mkdir("base", 0755);
        file(lower, "base/keep", "lower keep");
        file(lower, "base/gone", "lower gone");
        lower.mkdir("base/dir", 0755);
        file(lower, "base/dir/inner", "lower inner");
        file(lower, "etc-file", "lower etc");
        lower.freeze();
        upper = new MemoryFs(new Quota("vm-t", 1 << 20, 1000, w -> {}), System::currentTimeMillis);
        return new OverlayFs(upper, List.of(lower));
    }

    private static void file(MemoryFs fs, String path, String content) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        try (BackendFile f = fs.open(path, OpenFlags.WRITE_CREATE_TRUNCATE, 0644)) {
            f.write(0, b, 0, b.length);
        }
    }

    private List<String> names(String dir) {
        return fs.readdir(dir).stream().map(DirEntry::name).toList();
    }

    @Test
    void lowerContentShowsThroughAndCopiesUpOnWrite() {
        assertEquals("lower keep", read("base/keep"));
        write("base/keep", "changed");
        assertEquals("changed", read("base/keep"));
        assertEquals("lower keep", new String(Snapshots.readAll(lower, "base/keep", 10), StandardCharsets.UTF_8));
        assertTrue(upper.lstat("base").isDirectory(), "the parent was copied up");
    }

    @Test
    void deletingALowerEntryLeavesAWhiteoutInvisibleToListings() {
        fs.unlink("base/gone");
        assertErrno(Errno.ENOENT, () -> fs.lstat("base/gone"));
        assertEquals(List.of("dir", "keep"), names("base"));
        write("base/gone", "again");
        assertEquals("again", read("base/gone"));
    }

    @Test
    void recreatedDirectoryIsOpaque() {
        fs.unlink("base/dir/inner");
        fs.rmdir("base/dir");
        fs.mkdir("base/dir", 0700);
        assertEquals(List.of(), names("base/dir"));
        assertEquals(0700, fs.lstat("base/dir").mode());
    }

    @Test
    void rmdirSeesLowerChildren() {
        assertErrno(Errno.ENOTEMPTY, () -> fs.rmdir("base/dir"));
    }

    @Test
    void renamingALowerDirectoryMovesItsWholeVisibleTree() {
        fs.rename("base", "moved");
        assertErrno(Errno.ENOENT, () -> fs.lstat("base"));
        assertEquals("lower inner", read("moved/dir/inner"));
        assertEquals(List.of("dir", "gone", "keep"), names("moved"));
        fs.mkdir("base", 0755);
        assertEquals(List.of(), names("base"), "lower content of a removed name stays hidden");
    }

    @Test
    void metadataChangesCopyUp() {
        fs.chmod("etc-file", 0600);
        assertEquals(0600, fs.lstat("etc-file").mode());
        assertEquals(0644, lower.lstat("etc-file").mode());
        fs.link("etc-file", "etc-link");
        assertEquals(2, fs.lstat("etc-link").nlink());
    }
}
