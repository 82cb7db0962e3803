package agentos.api.spi;

import agentos.api.fs.FileType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An upstream {@code .aospkg} file (format version 1) as a {@link SoftwarePackage}: a 16-byte header, a BARE
 * manifest, a BARE index of the package tree, then an uncompressed tar whose file contents are read by offset
 * (the tar headers are never parsed). The reader makes the upstream checks (magic, version, flags, chunk sizes,
 * exact BARE consumption, canonical sorted paths, content ranges, command targets) and names the file and the
 * check in its errors. File contents are read from the file on demand; the file must not change while in use.
 */
public final class AospkgPackage implements SoftwarePackage {
    private static final byte[] MAGIC = {(byte) 0x89, 'A', 'O', 'S'};

    private final Path file;
    private final PackageManifest manifest;
    private final List<PackageEntry> entries;
    private final Map<String, long[]> contents; // path -> {absolute offset, size}

    private AospkgPackage(Path file, PackageManifest manifest, List<PackageEntry> entries, Map<String, long[]> contents) {
        this.file = file;
        this.manifest = manifest;
        this.entries = entries;
        this.contents = contents;
    }

    /** Reads and checks the header, manifest and index of {@code file}. */
    public static AospkgPackage open(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer header = read(ch, 0, 16).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < 4; i++) {
                if (header.get(i) != MAGIC[i]) {
                    throw bad(file, "not an .aospkg file (bad magic)");
                }
            }
            int version = Short.toUnsignedInt(header.getShort(4));
            if (version != 1) {
                throw bad(file, "unsupported .aospkg format version " + version);
            }
            if (header.getShort(6) != 0) {
                throw bad(file, "unsupported .aospkg flags");
            }
            long manifestLen = Integer.toUnsignedLong(header.getInt(8));
            long indexLen = Integer.toUnsignedLong(header.getInt(12));
            if (16 + manifestLen + indexLen > size) {
                throw bad(file, "chunks exceed file size");
            }
            long mountStart = 16 + manifestLen + indexLen;
            Bare m = new Bare(file, read(ch, 16, (int) manifestLen), "manifest");
            Bare x = new Bare(file, read(ch, 16 + manifestLen, (int) indexLen), "index");
            return parse(file, m, x, mountStart, size);
        }
    }

    private static ByteBuffer read(FileChannel ch, long pos, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return b.flip();
    }

    private static IOException bad(Path file, String why) {
        return new IOException(file + ": " + why);
    }

    private static AospkgPackage parse(Path file, Bare m, Bare x, long mountStart, long size) throws IOException {
        m.schemaVersion();
        String name = component(file, "name", m.str());
        String version = component(file, "version", m.str());
        AgentManifest agent = null;
        String acpEntrypoint = null;
        Map<String, String> agentEnv = Map.of();
        List<String> launchArgs = List.of();
        if (m.optional()) {
            acpEntrypoint = m.str();
            m.bool(); // snapshot
            agentEnv = m.map();
            launchArgs = m.strList();
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (m.optional()) {
            env.putAll(m.map());
            long files = m.uint();
            for (long i = 0; i < files; i++) {
                m.str();
                m.str();
            }
        }
        long commandCount = m.uint();
        List<String[]> commands = new ArrayList<>();
        for (long i = 0; i < commandCount; i++) {
            commands.add(new String[] {component(file, "command", m.str()), m.str()});
        }
        long manPages = m.uint();
        for (long i = 0; i < manPages; i++) {
            m.str();
            m.str();
        }
        if (m.optional()) {
            m.str();
        }
        m.end();

        x.schemaVersion();
        long count = x.uint();
        List<PackageEntry> entries = new ArrayList<>();
        Map<String, long[]> contents = new HashMap<>();
        Map<String, PackageEntry> byPath = new HashMap<>();
        String previous = null;
        for (long i = 0; i < count; i++) {
            String path = x.str();
            long kind = x.uint();
            long offset = x.u64();
            long length = x.u64();
            int mode = x.u32();
            x.u32();
            x.u32();
            x.u64();
            String target = x.optional() ? x.str() : null;
            if (previous != null && previous.compareTo(path) >= 0) {
                throw bad(file, "index is not strictly sorted at " + path);
            }
            previous = path;
            if (!path.startsWith("/")) {
                throw bad(file, "index path " + path + " is not absolute");
            }
            if (path.equals("/")) {
                continue;
            }
            String rel = path.substring(1);
            FileType type = switch ((int) kind) {
                case 0 -> FileType.FILE;
                case 1 -> FileType.DIRECTORY;
                case 2 -> FileType.SYMLINK;
                default -> throw bad(file, "unknown entry kind " + kind + " for " + path);
            };
            if (type == FileType.FILE) {
                if (mountStart + offset + length > size) {
                    throw bad(file, "content of " + path + " lies outside the file");
                }
                contents.put(rel, new long[] {mountStart + offset, length});
            }
            PackageEntry e = new PackageEntry(rel, type, mode & 07777, type == FileType.FILE ? length : 0, target);
            entries.add(e);
            byPath.put(rel, e);
        }
        x.end();

        List<PackageCommand> cmds = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String[] c : commands) {
            PackageEntry target = byPath.get(c[1]);
            if (target == null || target.type() == FileType.DIRECTORY) {
                throw bad(file, "command " + c[0] + " points at " + c[1] + ", which is not a file in the package");
            }
            if (!seen.add(c[0])) {
                throw bad(file, "duplicate command " + c[0]);
            }
            cmds.add(new PackageCommand(c[0], c[1], null));
        }
        if (acpEntrypoint != null) {
            if (!seen.contains(acpEntrypoint)) {
                throw bad(file, "agent acpEntrypoint " + acpEntrypoint + " is not one of the package's commands");
            }
            agent = new AgentManifest(name, acpEntrypoint, agentEnv, launchArgs);
        }
        return new AospkgPackage(file, new PackageManifest(name, version, cmds, agent, env), List.copyOf(entries), contents);
    }

    private static String component(Path file, String what, String s) throws IOException {
        if (s.isEmpty() || s.equals(".") || s.equals("..") || s.indexOf('/') >= 0 || s.chars().anyMatch(c -> c < 32)) {
            throw bad(file, "invalid " + what + " '" + s + "'");
        }
        return s;
    }

    /** The package file this was read from. */
    public Path file() {
        return file;
    }

    @Override
    public PackageManifest manifest() {
        return manifest;
    }

    @Override
    public List<PackageEntry> entries() {
        return entries;
    }

    @Override
    public InputStream open(String path) throws IOException {
        long[] range = contents.get(path);
        if (range == null) {
            throw new java.io.FileNotFoundException(file + ": no file " + path + " in the package");
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        return new InputStream() {
            private long pos = range[0];
            private final long end = range[0] + range[1];

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= end) {
                    return -1;
                }
                int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - pos)), pos);
                if (n > 0) {
                    pos += n;
                }
                return n;
            }

            @Override
            public int available() {
                return (int) Math.min(Integer.MAX_VALUE, end - pos);
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }

    /** A cursor over one BARE chunk. */
    private static final class Bare {
        private final Path file;
        private final ByteBuffer b;
        private final String chunk;

        Bare(Path file, ByteBuffer b, String chunk) {
            this.file = file;
            this.b = b.order(ByteOrder.LITTLE_ENDIAN);
            this.chunk = chunk;
        }

        private IOException bad(String why) {
            return AospkgPackage.bad(file, chunk + ": " + why);
        }

        private void need(int n) throws IOException {
            if (b.remaining() < n) {
                throw bad("truncated");
            }
        }

        void schemaVersion() throws IOException {
            need(2);
            int v = Short.toUnsignedInt(b.getShort());
            if (v != 1) {
                throw bad("invalid schema version " + v);
            }
        }

        long uint() throws IOException {
            long r = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                need(1);
                int x = b.get() & 0xff;
                r |= (long) (x & 0x7f) << shift;
                if (x < 0x80) {
                    return r;
                }
            }
            throw bad("varint too long");
        }

        String str() throws IOException {
            long n = uint();
            if (n > b.remaining()) {
                throw bad("string runs past the chunk");
            }
            byte[] s = new byte[(int) n];
            b.get(s);
            return new String(s, StandardCharsets.UTF_8);
        }

        boolean bool() throws IOException {
            need(1);
            int v = b.get();
            if (v != 0 && v != 1) {
                throw bad("invalid bool " + v);
            }
            return v == 1;
        }

        boolean optional() throws IOException {
            return bool();
        }

        int u32() throws IOException {
            need(4);
            return b.getInt();
        }

        long u64() throws IOException {
            need(8);
            return b.getLong();
        }

        Map<String, String> map() throws IOException {
            long n = uint();
            Map<String, String> out = new LinkedHashMap<>();
            for (long i = 0; i < n; i++) {
                out.put(str(), str());
            }
            return out;
        }

        List<String> strList() throws IOException {
            long n = uint();
            List<String> out = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                out.add(str());
            }
            return out;
        }

        void end() throws IOException {
            if (b.hasRemaining()) {
                throw bad(b.remaining() + " trailing bytes");
            }
        }
    }

    @Override
    public String toString() {
        return manifest.name() + "@" + manifest.version() + " (" + file + ")";
    }

}
