package agentos.api.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GuestPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a", "/a/b", "/a/.b", "/a/..b"})
    void acceptsCanonicalPaths(String p) {
        assertEquals(p, GuestPaths.requireCanonical("stat", p));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a/b", "/a/", "/a//b", "/a/./b", "/a/../b", "/..", "/a\0b"})
    void rejectsOtherPathsWithEinvalNamingThePath(String p) {
        ErrnoException e = assertThrows(ErrnoException.class, () -> GuestPaths.requireCanonical("writeFile", p));
        assertEquals(Errno.EINVAL, e.errno());
        assertEquals("writeFile", e.syscall());
        assertEquals(p, e.path());
    }

    @ParameterizedTest
    @CsvSource({
        "/workspace, file, /workspace/file",
        "/workspace, ../etc/passwd, /etc/passwd",
        "/workspace, /../../x, /x",
        "/, ., /",
        "/a/b, ./c/./d/.., /a/b/c",
        "/a, //x//y/, /x/y"
    })
    void resolvesLexically(String cwd, String path, String expected) {
        assertEquals(expected, GuestPaths.resolve(cwd, path));
    }

    @Test
    void resolveRejectsEmptyAndOverlongPaths() {
        assertEquals(Errno.ENOENT, assertThrows(ErrnoException.class, () -> GuestPaths.resolve("/", "")).errno());
        String longName = "x".repeat(GuestPaths.NAME_MAX + 1);
        assertEquals(Errno.ENAMETOOLONG,
                assertThrows(ErrnoException.class, () -> GuestPaths.resolve("/", longName)).errno());
    }

    @Test
    void parentNameAndContainment() {
        assertEquals("/a", GuestPaths.parent("/a/b"));
        assertEquals("/", GuestPaths.parent("/a"));
        assertEquals("/", GuestPaths.parent("/"));
        assertEquals("b", GuestPaths.name("/a/b"));
        assertTrue(GuestPaths.isWithin("/a/b", "/a"));
        assertTrue(GuestPaths.isWithin("/a", "/a"));
        assertFalse(GuestPaths.isWithin("/ab", "/a"));
        assertTrue(GuestPaths.isWithin("/x", "/"));
    }
}
