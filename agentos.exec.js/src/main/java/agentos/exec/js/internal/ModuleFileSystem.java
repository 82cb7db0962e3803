package agentos.exec.js.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.graalvm.polyglot.io.FileSystem;
import org.jspecify.annotations.Nullable;

/**
 * What GraalJS's ES module loader sees as the file system: read-only, and every module it reads is produced by
 * the runtime ({@code moduleSource}): guest files with their import specifiers already resolved to absolute
 * paths by our Node resolver, and virtual modules for builtins and CommonJS interop. Nothing here touches the
 * host file system.
 */
final class ModuleFileSystem implements FileSystem {
    /** Returns the module text for an absolute path, or null if there is no such module. */
    private final Function<String, @Nullable String> moduleSource;
    private final Map<String, byte[]> served = new HashMap<>();

    ModuleFileSystem(Function<String, @Nullable String> moduleSource) {
        this.moduleSource = moduleSource;
    }

    private byte[] content(Path path) throws IOException {
        String key = path.toString();
        byte[] b = served.get(key);
        if (b == null) {
            String text = moduleSource.apply(key);
            if (text == null) {
                throw new NoSuchFileException(key);
            }
            b = text.getBytes(StandardCharsets.UTF_8);
            served.put(key, b);
        }
        return b;
    }

    @Override
    public Path parsePath(URI uri) {
        if (!"file".equals(uri.getScheme())) {
            throw new UnsupportedOperationException("only file: module URLs exist in a VM, got " + uri);
        }
        return Path.of(uri.getPath());
    }

    @Override
    public Path parsePath(String path) {
        return Path.of(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        if (modes.contains(AccessMode.WRITE) || modes.contains(AccessMode.EXECUTE)) {
            throw new java.nio.file.AccessDeniedException(path.toString());
        }
        content(path);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        throw new java.nio.file.AccessDeniedException(dir.toString());
    }

    @Override
    public void delete(Path path) throws IOException {
        throw new java.nio.file.AccessDeniedException(path.toString());
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        if (options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)) {
            throw new java.nio.file.AccessDeniedException(path.toString());
        }
        return new ReadOnlyChannel(content(path));
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        throw new java.nio.file.AccessDeniedException(dir.toString());
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return path.isAbsolute() ? path : Path.of("/").resolve(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) {
        return path.normalize();
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        byte[] b = content(path);
        Map<String, Object> m = new HashMap<>();
        FileTime epoch = FileTime.fromMillis(0);
        m.put("isRegularFile", true);
        m.put("isDirectory", false);
        m.put("isSymbolicLink", false);
        m.put("isOther", false);
        m.put("size", (long) b.length);
        m.put("lastModifiedTime", epoch);
        m.put("lastAccessTime", epoch);
        m.put("creationTime", epoch);
        m.put("fileKey", null);
        return m;
    }

    private static final class ReadOnlyChannel implements SeekableByteChannel {
        private final byte[] data;
        private int position;
        private boolean open = true;

        ReadOnlyChannel(byte[] data) {
            this.data = data;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (position >= data.length) {
                return -1;
            }
            int n = Math.min(dst.remaining(), data.length - position);
            dst.put(data, position, n);
            position += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new NonWritableChannelException();
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            position = (int) Math.min(newPosition, data.length);
            return this;
        }

        @Override
        public long size() {
            return data.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
