package agentos.api.spi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Where software bundles copy their package files (read by offset, so they must be real files). The directory is
 * named by the content it holds (resource names, sizes and a CRC of their first 64 KiB), so every start
 * of the same build reuses it and a new build gets a new one; directories of the same owner unused for a day are
 * removed, so rebuilds do not pile up on disk. Base: {@code agentos.cache.dir}, else {@code ~/.cache/agentos}.
 */
public final class PackageCache {
    private static final int SAMPLE = 64 * 1024;
    private static final long STALE_MS = TimeUnit.DAYS.toMillis(1);

    private PackageCache() {}

    /** Looks a resource up by path, answering {@code null} when it is missing. */
    @FunctionalInterface
    public interface Resources {
        @org.jspecify.annotations.Nullable URL get(String path);
    }

    /**
     * Copies {@code paths} (each once, atomically) into the owner's cache directory for this content and returns
     * that directory; file {@code p} lands at {@code dir.resolve(p)}.
     */
    public static Path extract(String owner, List<String> paths, Resources resources) throws IOException {
        CRC32 crc = new CRC32();
        for (String p : paths) {
            URL url = resources.get(p);
            if (url == null) {
                throw new IOException(owner + " lacks resource " + p + " (was it built with npm available?)");
            }
            crc.update(p.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            var connection = url.openConnection();
            long size = connection.getContentLengthLong();
            crc.update(Long.toString(size).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            // Only the head: reading further would inflate the whole (compressed) entry at every start.
            try (InputStream in = connection.getInputStream()) {
                crc.update(in.readNBytes(SAMPLE));
            }
        }
        Path base = Path.of(System.getProperty("agentos.cache.dir",
                Path.of(System.getProperty("user.home"), ".cache", "agentos").toString()), "software");
        Path dir = base.resolve(owner + "-" + HexFormat.of().toHexDigits((int) crc.getValue()));
        Files.createDirectories(dir);
        for (String p : paths) {
            Path target = dir.resolve(p);
            if (Files.isRegularFile(target)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            try (InputStream in = resources.get(p).openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setLastModifiedTime(dir, FileTime.fromMillis(System.currentTimeMillis()));
        removeStale(base, owner, dir);
        return dir;
    }

    private static void removeStale(Path base, String owner, Path current) {
        long cutoff = System.currentTimeMillis() - STALE_MS;
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(base, owner + "-*")) {
            for (Path d : siblings) {
                if (!d.equals(current) && Files.getLastModifiedTime(d).toMillis() < cutoff) {
                    deleteTree(d);
                }
            }
        } catch (IOException e) {
            // best effort: a directory in use elsewhere or already gone stays for the next start
        }
    }

    private static void deleteTree(Path d) throws IOException {
        try (var walk = Files.walk(d)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
