package agentos.kernel.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.fs.DirEntry;
import agentos.api.fs.FileStat;
import agentos.api.fs.FileType;
import agentos.api.spi.BackendFile;
import agentos.api.spi.FilesystemBackend;
import agentos.api.spi.OpenFlags;
import agentos.api.spi.PackageCommand;
import agentos.api.spi.PackageEntry;
import agentos.api.spi.SoftwarePackage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code /opt/agentos}: the VM's software packages, projected read-only and live — a package whose bundle goes
 * away disappears (its commands are then ENOENT), one that arrives appears. Layout as upstream:
 * {@code pkgs/<name>/<version>/…} (the package tree), {@code pkgs/<name>/current → <version>}, and
 * {@code bin/<command> → /opt/agentos/pkgs/<name>/current/<path>}.
 */
final class SoftwareFs implements FilesystemBackend {
    static final String ROOT = "/opt/agentos";

    private final Supplier<List<SoftwarePackage>> packages;
    private final long bootMs;

    SoftwareFs(Supplier<List<SoftwarePackage>> packages, long bootMs) {
        this.packages = packages;
        this.bootMs = bootMs;
    }

    private record Node(FileType type, int mode, long size, String target, SoftwarePackage pkg, String pkgPath) {}

    private Node dir() {
        return new Node(FileType.DIRECTORY, 0755, 4096, null, null, null);
    }

    private Node link(String target) {
        return new Node(FileType.SYMLINK, 0777, target.length(), target, null, null);
    }

    private Map<String, SoftwarePackage> byName() {
        Map<String, SoftwarePackage> out = new TreeMap<>();
        for (SoftwarePackage p : packages.get()) {
            out.putIfAbsent(p.manifest().name(), p);
        }
        return out;
    }

    private Map<String, String> commands() {
        Map<String, String> out = new TreeMap<>();
        for (SoftwarePackage p : byName().values()) {
            for (PackageCommand c : p.manifest().commands()) {
                out.putIfAbsent(c.name(), ROOT + "/pkgs/" + p.manifest().name() + "/current/" + c.path());
            }
        }
        return out;
    }

    private Node node(String path) {
        String[] s = path.isEmpty() ? new String[0] : path.split("/", 4);
        if (s.length == 0) {
            return dir();
        }
        switch (s[0]) {
            case "bin" -> {
                if (s.length == 1) {
                    return dir();
                }
                String target = commands().get(path.substring(4));
                if (target != null && s.length == 2) {
                    return link(target);
                }
            }
            case "pkgs" -> {
                if (s.length == 1) {
                    return dir();
                }
                SoftwarePackage p = byName().get(s[1]);
                if (p == null) {
                    break;
                }
                if (s.length == 2) {
                    return dir();
                }
                if (s[2].equals("current") && s.length == 3) {
                    return link(p.manifest().version());
                }
                if (!s[2].equals(p.manifest().version())) {
                    break;
                }
                if (s.length == 3) {
                    return dir();
                }
                for (PackageEntry e : p.entries()) {
                    if (e.path().equals(s[3])) {
                        return new Node(e.type(), e.mode(), e.size(), e.linkTarget(), p, e.path());
                    }
                }
            }
            default -> {
                // not ours
            }
        }
        throw new ErrnoException(Errno.ENOENT, "lstat", ROOT + "/" + path);
    }

    @Override
    public FileStat lstat(String path) {
        Node n = node(path);
        return new FileStat(n.type(), n.mode(), n.size(), 0, 0, 0x5f000000L + (path.hashCode() & 0xffffff),
                n.type() == FileType.DIRECTORY ? 2 : 1, bootMs, bootMs, bootMs, bootMs);
    }

    @Override
    public List<DirEntry> readdir(String path) {
        Node n = node(path);
        if (n.type() != FileType.DIRECTORY) {
            throw new ErrnoException(Errno.ENOTDIR, "scandir", ROOT + "/" + path);
        }
        TreeMap<String, DirEntry> out = new TreeMap<>();
        String[] s = path.isEmpty() ? new String[0] : path.split("/", 4);
        if (s.length == 0) {
            out.put("bin", new DirEntry("bin", FileType.DIRECTORY));
            out.put("pkgs", new DirEntry("pkgs", FileType.DIRECTORY));
        } else if (s[0].equals("bin")) {
            commands().keySet().forEach(c -> out.put(c, new DirEntry(c, FileType.SYMLINK)));
        } else if (s.length == 1) {
            byName().keySet().forEach(p -> out.put(p, new DirEntry(p, FileType.DIRECTORY)));
        } else if (s.length == 2) {
            SoftwarePackage p = byName().get(s[1]);
            out.put("current", new DirEntry("current", FileType.SYMLINK));
            out.put(p.manifest().version(), new DirEntry(p.manifest().version(), FileType.DIRECTORY));
        } else {
            String prefix = s.length == 3 ? "" : s[3] + "/";
            for (PackageEntry e : byName().get(s[1]).entries()) {
                if (e.path().startsWith(prefix) && e.path().length() > prefix.length()
                        && e.path().indexOf('/', prefix.length()) < 0) {
                    String name = e.path().substring(prefix.length());
                    out.put(name, new DirEntry(name, e.type()));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Package files by package (weakly: an uninstalled package's go with it) and path, shared by every VM: each
     * command is read once per runtime, not on every spawn. Bounded per package; past the bound files are read
     * each time.
     */
    private static final Map<SoftwarePackage, Shared> CONTENT =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    private static final long MAX_SHARED_BYTES_PER_PACKAGE = 256L << 20;

    private record Shared(Map<String, byte[]> files, java.util.concurrent.atomic.AtomicLong bytes) {}

    private static byte[] content(SoftwarePackage pkg, String pkgPath, String guestPath) {
        Shared shared = CONTENT.computeIfAbsent(pkg,
                p -> new Shared(new java.util.concurrent.ConcurrentHashMap<>(), new java.util.concurrent.atomic.AtomicLong()));
        byte[] data = shared.files().get(pkgPath);
        if (data != null) {
            return data;
        }
        try (InputStream in = pkg.open(pkgPath)) {
            data = in.readAllBytes();
        } catch (IOException e) {
            throw new ErrnoException(Errno.EIO, "open", guestPath, e.getMessage());
        }
        if (shared.bytes().addAndGet(data.length) <= MAX_SHARED_BYTES_PER_PACKAGE) {
            byte[] earlier = shared.files().putIfAbsent(pkgPath, data);
            if (earlier != null) {
                shared.bytes().addAndGet(-data.length);
                return earlier;
            }
        } else {
            shared.bytes().addAndGet(-data.length);
        }
        return data;
    }

    @Override
    public BackendFile open(String path, OpenFlags flags, int mode) {
        if (flags.write() || flags.create() || flags.truncate()) {
            throw readOnly("open", path);
        }
        Node n = node(path);
        if (n.type() == FileType.DIRECTORY) {
            throw new ErrnoException(Errno.EISDIR, "open", ROOT + "/" + path);
        }
        if (n.type() != FileType.FILE) {
            throw new ErrnoException(Errno.ELOOP, "open", ROOT + "/" + path);
        }
        byte[] data = content(n.pkg(), n.pkgPath(), ROOT + "/" + path);
        FileStat st = lstat(path);
        return new BackendFile() {
            @Override
            public byte[] sharedContent() {
                return data;
            }

            @Override
            public int read(long position, byte[] buf, int off, int len) {
                if (position >= data.length) {
                    return -1;
                }
                int k = (int) Math.min(len, data.length - position);
                System.arraycopy(data, (int) position, buf, off, k);
                return k;
            }

            @Override
            public int write(long position, byte[] buf, int off, int len) {
                throw readOnly("write", path);
            }

            @Override
            public long append(byte[] buf, int off, int len) {
                throw readOnly("write", path);
            }

            @Override
            public long size() {
                return data.length;
            }

            @Override
            public FileStat stat() {
                return st;
            }

            @Override
            public void truncate(long length) {
                throw readOnly("ftruncate", path);
            }

            @Override
            public void sync() {}

            @Override
            public void close() {}
        };
    }

    private static ErrnoException readOnly(String op, String path) {
        return new ErrnoException(Errno.EROFS, op, ROOT + "/" + path, "software packages are read-only");
    }

    @Override
    public String readlink(String path) {
        Node n = node(path);
        if (n.type() != FileType.SYMLINK) {
            throw new ErrnoException(Errno.EINVAL, "readlink", ROOT + "/" + path);
        }
        return n.target();
    }

    @Override
    public void mkdir(String path, int mode) {
        throw readOnly("mkdir", path);
    }

    @Override
    public void rmdir(String path) {
        throw readOnly("rmdir", path);
    }

    @Override
    public void unlink(String path) {
        throw readOnly("unlink", path);
    }

    @Override
    public void rename(String from, String to) {
        throw readOnly("rename", from);
    }

    @Override
    public void symlink(String target, String linkPath) {
        throw readOnly("symlink", linkPath);
    }

    @Override
    public void link(String existing, String newPath) {
        throw readOnly("link", newPath);
    }

    @Override
    public void chmod(String path, int mode) {
        throw readOnly("chmod", path);
    }

    @Override
    public void chown(String path, int uid, int gid) {
        throw readOnly("chown", path);
    }

    @Override
    public void utimes(String path, long atimeMs, long mtimeMs) {
        throw readOnly("utimes", path);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
