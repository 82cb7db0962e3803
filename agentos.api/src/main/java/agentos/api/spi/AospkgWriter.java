package agentos.api.spi;

import agentos.api.fs.FileType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link SoftwarePackage} as an upstream {@code .aospkg} file (format version 1), the inverse of
 * {@link AospkgPackage#open}: header, BARE manifest, BARE index and a GNU tar of the tree, as upstream's packer
 * lays them out, so the file also opens with upstream's readers. Missing parent directories and {@code /} are
 * synthesized (mode 0755); ownership and times are written as 0, which makes the output deterministic.
 *
 * <p>The format has no agent id of its own: an agent package's agent is named after the package, so a manifest
 * whose agent id differs from its name is refused. Command aliases are written as plain commands.
 */
public final class AospkgWriter {
    private static final int BLOCK = 512;

    private AospkgWriter() {}

    /** Writes {@code pkg} to {@code out} (through a temporary file beside it, so a failure leaves no partial file). */
    public static void write(SoftwarePackage pkg, Path out) throws IOException {
        PackageManifest m = pkg.manifest();
        if (m.agent() != null && !m.agent().id().equals(m.name())) {
            throw new IOException("package " + m.name() + ": an .aospkg names its agent after the package, but the agent id is "
                    + m.agent().id() + " (rename the package or the agent)");
        }
        TreeMap<String, PackageEntry> tree = new TreeMap<>();
        for (PackageEntry e : pkg.entries()) {
            String rel = canonical(m.name(), e.path());
            tree.put("/" + rel, e);
            for (int i = rel.lastIndexOf('/'); i > 0; i = rel.lastIndexOf('/', i - 1)) {
                tree.putIfAbsent("/" + rel.substring(0, i), new PackageEntry(rel.substring(0, i), FileType.DIRECTORY, 0755, 0, null));
            }
        }
        for (PackageCommand c : m.commands()) {
            PackageEntry target = tree.get("/" + c.path());
            if (target == null || target.type() == FileType.DIRECTORY) {
                throw new IOException("package " + m.name() + ": command " + c.name() + " points at " + c.path()
                        + ", which is not a file in the package");
            }
        }

        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), out.getFileName().toString(), ".tmp");
        try {
            Path tar = Files.createTempFile(out.toAbsolutePath().getParent(), out.getFileName().toString(), ".tar");
            try {
                Bare index = new Bare();
                index.u16(1);
                index.uint(tree.size() + 1);
                index.str("/").uint(1).u64(0).u64(0).u32(0040755).u32(0).u32(0).u64(0).bool(false);
                try (OutputStream t = Files.newOutputStream(tar)) {
                    long pos = 0;
                    for (Map.Entry<String, PackageEntry> en : tree.entrySet()) {
                        PackageEntry e = en.getValue();
                        String name = "." + en.getKey() + (e.type() == FileType.DIRECTORY ? "/" : "");
                        pos += header(t, name, e);
                        long size = 0;
                        if (e.type() == FileType.FILE) {
                            try (InputStream in = pkg.open(e.path())) {
                                size = in.transferTo(t);
                            }
                            if (size != e.size()) {
                                throw new IOException("package " + m.name() + ": " + e.path() + " has " + size
                                        + " bytes but its entry says " + e.size());
                            }
                            t.write(new byte[pad(size)]);
                        }
                        int kind = switch (e.type()) {
                            case FILE -> 0;
                            case DIRECTORY -> 1;
                            case SYMLINK -> 2;
                            default -> throw new IOException("package " + m.name() + ": " + e.path() + " is a " + e.type()
                                    + "; an .aospkg holds only files, directories and symlinks");
                        };
                        int typeBits = switch (e.type()) {
                            case FILE -> 0100000;
                            case DIRECTORY -> 0040000;
                            default -> 0120000;
                        };
                        int perms = e.type() == FileType.SYMLINK ? 0777 : e.mode() & 07777;
                        index.str(en.getKey()).uint(kind).u64(e.type() == FileType.FILE ? pos : 0).u64(size)
                                .u32(typeBits | perms).u32(0).u32(0).u64(0);
                        if (e.type() == FileType.SYMLINK) {
                            index.bool(true).str(e.linkTarget() == null ? "" : e.linkTarget());
                        } else {
                            index.bool(false);
                        }
                        pos += size + pad(size);
                    }
                    t.write(new byte[2 * BLOCK]);
                }

                byte[] manifest = manifest(m, tree).toByteArray();
                byte[] idx = index.toByteArray();
                ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                header.put(new byte[] {(byte) 0x89, 'A', 'O', 'S'}).putShort((short) 1).putShort((short) 0)
                        .putInt(manifest.length).putInt(idx.length);
                try (OutputStream o = Files.newOutputStream(tmp)) {
                    o.write(header.array());
                    o.write(manifest);
                    o.write(idx);
                    Files.copy(tar, o);
                }
            } finally {
                Files.deleteIfExists(tar);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Bare manifest(PackageManifest m, TreeMap<String, PackageEntry> tree) {
        Bare b = new Bare();
        b.u16(1).str(m.name()).str(m.version());
        AgentManifest agent = m.agent();
        if (agent == null) {
            b.bool(false);
        } else {
            b.bool(true).str(agent.acpEntrypoint()).bool(false).map(agent.env()).uint(agent.launchArgs().size());
            agent.launchArgs().forEach(b::str);
        }
        if (m.env().isEmpty()) {
            b.bool(false);
        } else {
            b.bool(true).map(new TreeMap<>(m.env())).uint(0);
        }
        b.uint(m.commands().size());
        for (PackageCommand c : m.commands()) {
            b.str(c.name()).str(c.path());
        }
        List<String[]> man = new ArrayList<>();
        for (String path : tree.keySet()) {
            String[] parts = path.split("/");
            if (parts.length == 5 && parts[1].equals("share") && parts[2].equals("man")
                    && tree.get(path).type() != FileType.DIRECTORY) {
                man.add(new String[] {parts[3], parts[4]});
            }
        }
        b.uint(man.size());
        man.forEach(p -> b.str(p[0]).str(p[1]));
        return b.bool(false); // no snapshot bundle
    }

    private static String canonical(String pkg, String path) throws IOException {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")
                || List.of(path.split("/")).stream().anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
            throw new IOException("package " + pkg + ": entry path '" + path + "' is not relative and canonical");
        }
        return path;
    }

    private static int pad(long size) {
        return (int) ((BLOCK - size % BLOCK) % BLOCK);
    }

    /** Writes the member's header records (a GNU long-name/long-link record first when needed); returns the bytes written. */
    private static long header(OutputStream t, String name, PackageEntry e) throws IOException {
        long written = 0;
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] link = e.type() == FileType.SYMLINK && e.linkTarget() != null
                ? e.linkTarget().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (link.length > 100) {
            written += longRecord(t, 'K', link);
        }
        if (nameBytes.length > 100) {
            written += longRecord(t, 'L', nameBytes);
        }
        char type = switch (e.type()) {
            case DIRECTORY -> '5';
            case SYMLINK -> '2';
            default -> '0';
        };
        long size = e.type() == FileType.FILE ? e.size() : 0;
        t.write(block(nameBytes, e.type() == FileType.SYMLINK ? 0777 : e.mode() & 07777, size, type, link));
        return written + BLOCK;
    }

    private static long longRecord(OutputStream t, char type, byte[] value) throws IOException {
        byte[] data = new byte[value.length + 1];
        System.arraycopy(value, 0, data, 0, value.length);
        t.write(block("././@LongLink".getBytes(StandardCharsets.US_ASCII), 0644, data.length, type, new byte[0]));
        t.write(data);
        t.write(new byte[pad(data.length)]);
        return BLOCK + data.length + pad(data.length);
    }

    private static byte[] block(byte[] name, int mode, long size, char type, byte[] link) {
        byte[] h = new byte[BLOCK];
        System.arraycopy(name, 0, h, 0, Math.min(100, name.length));
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, 0);
        h[156] = (byte) type;
        System.arraycopy(link, 0, h, 157, Math.min(100, link.length));
        System.arraycopy("ustar  \0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 8);
        java.util.Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte x : h) {
            sum += x & 0xff;
        }
        octal(h, 148, 7, sum);
        return h;
    }

    private static void octal(byte[] h, int off, int len, long value) {
        String s = Long.toOctalString(value);
        String padded = "0".repeat(Math.max(0, len - 1 - s.length())) + s;
        byte[] b = padded.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, Math.min(len - 1, b.length));
    }

    /** A BARE encoder (little-endian fixed widths, LEB128 uints). */
    private static final class Bare {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bare u16(int v) {
            out.write(v & 0xff);
            out.write(v >>> 8 & 0xff);
            return this;
        }

        Bare u32(int v) {
            for (int i = 0; i < 4; i++) {
                out.write(v >>> 8 * i & 0xff);
            }
            return this;
        }

        Bare u64(long v) {
            for (int i = 0; i < 8; i++) {
                out.write((int) (v >>> 8 * i & 0xff));
            }
            return this;
        }

        Bare uint(long v) {
            while ((v & ~0x7fL) != 0) {
                out.write((int) (v & 0x7f | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
            return this;
        }

        Bare bool(boolean v) {
            out.write(v ? 1 : 0);
            return this;
        }

        Bare str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            uint(b.length);
            out.write(b, 0, b.length);
            return this;
        }

        Bare map(Map<String, String> m) {
            uint(m.size());
            m.forEach((k, v) -> str(k).str(v));
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
