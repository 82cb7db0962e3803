package agentos.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageCacheTest {
    @TempDir
    Path tmp;
    private String previous;

    @BeforeEach
    void cacheHere() {
        previous = System.getProperty("agentos.cache.dir");
        System.setProperty("agentos.cache.dir", tmp.resolve("cache").toString());
    }

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty("agentos.cache.dir");
        } else {
            System.setProperty("agentos.cache.dir", previous);
        }
    }

    private static PackageCache.Resources files(Path root) {
        return p -> {
            Path f = root.resolve(p);
            try {
                return Files.isRegularFile(f) ? f.toUri().toURL() : null;
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void sameContentReusesTheDirectoryNewContentGetsANewOneAndOldOnesAreRemoved() throws IOException {
        Path src = tmp.resolve("src");
        Files.createDirectories(src.resolve("pkg"));
        Files.write(src.resolve("pkg/a.bin"), new byte[] {1, 2, 3});
        Path first = PackageCache.extract("owner", List.of("pkg/a.bin"), files(src));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(first.resolve("pkg/a.bin")));
        assertEquals(first, PackageCache.extract("owner", List.of("pkg/a.bin"), files(src)), "a restart reuses the copy");

        Files.setLastModifiedTime(first, FileTime.fromMillis(System.currentTimeMillis() - 2 * 24 * 3600_000L));
        Files.write(src.resolve("pkg/a.bin"), new byte[] {9, 9, 9, 9});
        Path second = PackageCache.extract("owner", List.of("pkg/a.bin"), files(src));
        assertNotEquals(first, second, "new content, new directory");
        assertArrayEquals(new byte[] {9, 9, 9, 9}, Files.readAllBytes(second.resolve("pkg/a.bin")));
        assertFalse(Files.exists(first), "the owner's directory unused for a day is removed");
        assertTrue(Files.exists(second));

        IOException missing = assertThrows(IOException.class, () -> PackageCache.extract("owner", List.of("pkg/none"), files(src)));
        assertTrue(missing.getMessage().contains("pkg/none"), missing.getMessage());
    }
}
