package agentos.vfs.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.fs.DirEntry;
import agentos.api.fs.FileStat;
import agentos.api.fs.FileType;
import agentos.api.spi.BackendFile;
import agentos.api.spi.FilesystemBackend;
import agentos.api.spi.OpenFlags;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The behaviour every mount plugin's backend must have. Subclasses: the memory filesystem, the overlay, and
 * host_dir over a real host temp directory — the last one is the differential: the same operations must give
 * the same results and errnos as Linux itself.
 */
abstract class FilesystemBackendContract {
    protected FilesystemBackend fs;

    protected abstract FilesystemBackend create() throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        fs = create();
    }

    protected static void assertErrno(Errno expected, Executable call) {
        ErrnoException e = assertThrows(ErrnoException.class, call);
        assertEquals(expected, e.errno(), e.getMessage());
    }

    protected void write(String path, String content) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        try (BackendFile f = fs.open(path, OpenFlags.WRITE_CREATE_TRUNCATE, 0644)) {
            f.write(0, b, 0, b.length);
        }
    }

    protected String read(String path) {
        try (BackendFile f = fs.open(path, OpenFlags.READ, 0)) {
            byte[] buf = new byte[(int) f.size() + 16];
            int pos = 0;
            int n;
            while ((n = f.read(pos, buf, pos, buf.length - pos)) > 0) {
                pos += n;
            }
            return new String(buf, 0, pos, StandardCharsets.UTF_8);
        }
    }

    private List<String> names(String dir) {
        return fs.readdir(dir).stream().map(DirEntry::name).toList();
    }

    @Test
    void rootIsADirectory() {
        assertEquals(FileType.DIRECTORY, fs.lstat("").type());
    }

    @Test
    void mkdirCreatesAndRefusesDuplicatesAndMissingParents() {
        fs.mkdir("a", 0755);
        assertTrue(fs.lstat("a").isDirectory());
        assertErrno(Errno.EEXIST, () -> fs.mkdir("a", 0755));
        assertErrno(Errno.ENOENT, () -> fs.mkdir("missing/b", 0755));
        write("f", "x");
        assertErrno(Errno.ENOTDIR, () -> fs.mkdir("f/b", 0755));
    }

    @Test
    void filesRoundTripAndTruncateOnOpen() {
        write("f", "hello world");
        assertEquals("hello world", read("f"));
        assertEquals(11, fs.lstat("f").size());
        write("f", "bye");
        assertEquals("bye", read("f"));
        assertEquals(3, fs.lstat("f").size());
    }

    @Test
    void openErrors() {
        assertErrno(Errno.ENOENT, () -> fs.open("nope", OpenFlags.READ, 0));
        write("f", "x");
        assertErrno(Errno.EEXIST, () -> fs.open("f", new OpenFlags(false, true, true, true, false), 0644));
        fs.mkdir("d", 0755);
        assertErrno(Errno.EISDIR, () -> fs.open("d", new OpenFlags(false, true, false, false, false), 0));
        assertErrno(Errno.ENOENT, () -> fs.open("d/x/y", OpenFlags.WRITE_CREATE_TRUNCATE, 0644));
    }

    @Test
    void writesPastTheEndZeroFillAndAppendAppends() {
        try (BackendFile f = fs.open("f", OpenFlags.WRITE_CREATE_TRUNCATE, 0644)) {
            f.write(4, "ab".getBytes(StandardCharsets.UTF_8), 0, 2);
            assertEquals(6, f.size());
            assertEquals(8, f.append("cd".getBytes(StandardCharsets.UTF_8), 0, 2));
        }
        try (BackendFile f = fs.open("f", OpenFlags.READ, 0)) {
            byte[] buf = new byte[8];
            assertEquals(8, f.read(0, buf, 0, 8));
            assertArrayEquals(new byte[] {0, 0, 0, 0, 'a', 'b', 'c', 'd'}, buf);
            assertEquals(-1, f.read(8, buf, 0, 8));
        }
    }

    @Test
    void handleTruncateGrowsAndShrinks() {
        write("f", "abcdef");
        try (BackendFile f = fs.open("f", new OpenFlags(true, true, false, false, false), 0)) {
            f.truncate(2);
            assertEquals(2, f.size());
            f.truncate(4);
        }
        assertEquals("ab\0\0", read("f"));
    }

    @Test
    void readdirListsSortedNamesWithTypes() {
        fs.mkdir("d", 0755);
        write("d/b", "1");
        fs.mkdir("d/a", 0755);
        fs.symlink("b", "d/c");
        assertEquals(List.of(new DirEntry("a", FileType.DIRECTORY), new DirEntry("b", FileType.FILE),
                new DirEntry("c", FileType.SYMLINK)), fs.readdir("d"));
        assertErrno(Errno.ENOTDIR, () -> fs.readdir("d/b"));
        assertErrno(Errno.ENOENT, () -> fs.readdir("nope"));
    }

    @Test
    void unlinkAndRmdirFollowPosix() {
        fs.mkdir("d", 0755);
        write("d/f", "x");
        assertErrno(Errno.EISDIR, () -> fs.unlink("d"));
        assertErrno(Errno.ENOTEMPTY, () -> fs.rmdir("d"));
        assertErrno(Errno.ENOTDIR, () -> fs.rmdir("d/f"));
        fs.unlink("d/f");
        assertErrno(Errno.ENOENT, () -> fs.unlink("d/f"));
        fs.rmdir("d");
        assertErrno(Errno.ENOENT, () -> fs.lstat("d"));
    }

    @Test
    void renameReplacesFilesAndMovesDirectories() {
        write("a", "A");
        write("b", "B");
        fs.rename("a", "b");
        assertEquals("A", read("b"));
        assertErrno(Errno.ENOENT, () -> fs.lstat("a"));
        fs.mkdir("d", 0755);
        write("d/x", "X");
        fs.rename("d", "e");
        assertEquals("X", read("e/x"));
        assertErrno(Errno.ENOENT, () -> fs.rename("nope", "z"));
    }

    @Test
    void renameEdgeCases() {
        fs.mkdir("d", 0755);
        fs.mkdir("d/sub", 0755);
        assertErrno(Errno.EINVAL, () -> fs.rename("d", "d/sub/inner"));
        fs.mkdir("full", 0755);
        write("full/f", "x");
        fs.mkdir("empty", 0755);
        assertErrno(Errno.ENOTEMPTY, () -> fs.rename("d", "full"));
        fs.rename("d", "empty");
        assertTrue(fs.lstat("empty/sub").isDirectory());
        write("file", "x");
        assertErrno(Errno.EISDIR, () -> fs.rename("file", "full"));
        assertErrno(Errno.ENOTDIR, () -> fs.rename("full", "file"));
    }

    @Test
    void symlinksAreStoredNotFollowed() {
        fs.symlink("/etc/passwd", "l");
        assertEquals(FileType.SYMLINK, fs.lstat("l").type());
        assertEquals("/etc/passwd", fs.readlink("l"));
        write("f", "x");
        assertErrno(Errno.EINVAL, () -> fs.readlink("f"));
        assertErrno(Errno.EEXIST, () -> fs.symlink("x", "f"));
    }

    @Test
    void hardLinksShareTheInode() {
        write("f", "one");
        fs.link("f", "g");
        FileStat a = fs.lstat("f");
        FileStat b = fs.lstat("g");
        assertEquals(a.ino(), b.ino());
        assertEquals(2, b.nlink());
        write("g", "two");
        assertEquals("two", read("f"));
        fs.unlink("f");
        assertEquals(1, fs.lstat("g").nlink());
        fs.mkdir("d", 0755);
        assertErrno(Errno.EPERM, () -> fs.link("d", "d2"));
        assertErrno(Errno.EEXIST, () -> fs.link("g", "d"));
    }

    @Test
    void inodeNumbersAreStableAndDistinct() {
        write("f", "x");
        write("g", "y");
        long ino = fs.lstat("f").ino();
        write("f", "changed");
        assertEquals(ino, fs.lstat("f").ino());
        assertNotEquals(ino, fs.lstat("g").ino());
    }

    @Test
    void chmodAndUtimes() {
        write("f", "x");
        fs.chmod("f", 0600);
        assertEquals(0600, fs.lstat("f").mode() & 0777);
        fs.utimes("f", 1_000_000L, 2_000_000L);
        assertEquals(2_000_000L, fs.lstat("f").mtimeMs());
    }

    @Test
    void unlinkedFilesStayReadableThroughOpenHandles() {
        write("f", "still here");
        try (BackendFile h = fs.open("f", OpenFlags.READ, 0)) {
            fs.unlink("f");
            assertErrno(Errno.ENOENT, () -> fs.lstat("f"));
            byte[] buf = new byte[32];
            int n = h.read(0, buf, 0, buf.length);
            assertEquals("still here", new String(buf, 0, n, StandardCharsets.UTF_8));
            assertEquals(10, h.stat().size());
        }
    }
}
