package agentos.kernel.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.fs.DirEntry;
import agentos.api.fs.FileStat;
import agentos.api.fs.FileType;
import agentos.api.fs.MountInfo;
import agentos.api.spi.BackendFile;
import agentos.api.spi.FilesystemBackend;
import agentos.api.spi.OpenFlags;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /proc}, generated from the process table on every read: per-process {@code cmdline}, {@code environ},
 * {@code status}, {@code stat}, {@code cwd} and {@code exe} links and {@code fd/N} links, plus {@code mounts},
 * {@code uptime}, {@code version}, {@code cpuinfo}, {@code meminfo}, {@code loadavg} and
 * {@code sys/kernel/hostname}. {@code /proc/self} is resolved by the VFS to the caller's pid. Read-only.
 */
final class ProcFs implements FilesystemBackend {
    private static final List<String> TOP_FILES = List.of("cpuinfo", "loadavg", "meminfo", "mounts", "uptime", "version");
    private static final List<String> PID_FILES = List.of("cmdline", "environ", "stat", "status");

    private final Kernel kernel;
    private final long bootMs;

    ProcFs(Kernel kernel) {
        this.kernel = kernel;
        this.bootMs = kernel.now();
    }

    private FileStat stat(FileType type, long ino, long size) {
        int mode = type == FileType.DIRECTORY ? 0555 : type == FileType.SYMLINK ? 0777 : 0444;
        return new FileStat(type, mode, size, 0, 0, ino, type == FileType.DIRECTORY ? 2 : 1, bootMs, bootMs, bootMs, bootMs);
    }

    private record Node(FileType type, String content, String target) {}

    private Optional<KProcess> proc(String seg) {
        try {
            return kernel.process(Integer.parseInt(seg)).filter(KProcess::alive);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Node node(String path) {
        String[] s = path.isEmpty() ? new String[0] : path.split("/");
        if (s.length == 0) {
            return new Node(FileType.DIRECTORY, null, null);
        }
        if (s.length == 1 && TOP_FILES.contains(s[0])) {
            return new Node(FileType.FILE, topFile(s[0]), null);
        }
        if (s[0].equals("sys")) {
            if (s.length == 1 || (s.length == 2 && s[1].equals("kernel"))) {
                return new Node(FileType.DIRECTORY, null, null);
            }
            if (s.length == 3 && s[1].equals("kernel") && s[2].equals("hostname")) {
                return new Node(FileType.FILE, "agent-os\n", null);
            }
            throw missing(path);
        }
        KProcess p = proc(s[0]).orElseThrow(() -> missing(path));
        if (s.length == 1) {
            return new Node(FileType.DIRECTORY, null, null);
        }
        if (s.length == 2) {
            return switch (s[1]) {
                case "cmdline" -> new Node(FileType.FILE, String.join("\0", p.argv) + "\0", null);
                case "environ" -> {
                    StringBuilder sb = new StringBuilder();
                    p.env.forEach((k, v) -> sb.append(k).append('=').append(v).append('\0'));
                    yield new Node(FileType.FILE, sb.toString(), null);
                }
                case "status" -> new Node(FileType.FILE, status(p), null);
                case "stat" -> new Node(FileType.FILE, p.pid + " (" + name(p) + ") " + stateChar(p) + " " + p.ppid + " "
                        + p.pgid + " " + p.sid + "\n", null);
                case "cwd" -> new Node(FileType.SYMLINK, null, p.cwd());
                case "exe" -> new Node(FileType.SYMLINK, null, p.programPath);
                case "fd" -> new Node(FileType.DIRECTORY, null, null);
                default -> throw missing(path);
            };
        }
        if (s.length == 3 && s[1].equals("fd")) {
            String target = p.fds.describe().get(parseFd(s[2], path));
            if (target == null) {
                throw missing(path);
            }
            return new Node(FileType.SYMLINK, null, target);
        }
        throw missing(path);
    }

    private static int parseFd(String s, String path) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw missing(path);
        }
    }

    private static ErrnoException missing(String path) {
        return new ErrnoException(Errno.ENOENT, "lstat", "/proc/" + path);
    }

    private static String name(KProcess p) {
        String a0 = p.argv.isEmpty() ? "?" : p.argv.get(0);
        return a0.substring(a0.lastIndexOf('/') + 1);
    }

    private static char stateChar(KProcess p) {
        return switch (p.state) {
            case RUNNING -> 'R';
            case STOPPED -> 'T';
            case EXITED -> 'Z';
        };
    }

    private static String status(KProcess p) {
        return "Name:\t" + name(p) + "\nState:\t" + stateChar(p) + "\nPid:\t" + p.pid + "\nPPid:\t" + p.ppid + "\nUid:\t"
                + p.uid() + "\t" + p.uid() + "\t" + p.uid() + "\t" + p.uid() + "\nGid:\t" + p.gid() + "\t" + p.gid() + "\t"
                + p.gid() + "\t" + p.gid() + "\nFDSize:\t" + kernel(p) + "\n";
    }

    private static int kernel(KProcess p) {
        return p.fds.count();
    }

    private String topFile(String name) {
        return switch (name) {
            case "uptime" -> {
                double up = (kernel.now() - bootMs) / 1000.0;
                yield String.format("%.2f %.2f%n", up, up);
            }
            case "version" -> "Linux version 6.1.0-agentos (Agent OS VM kernel)\n";
            case "cpuinfo" -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < kernel.limits().resources().cpuCount(); i++) {
                    sb.append("processor\t: ").append(i).append("\nmodel name\t: Agent OS virtual CPU\n\n");
                }
                yield sb.toString();
            }
            case "meminfo" -> {
                long kb = kernel.limits().wasm().maxMemoryBytes() / 1024;
                yield "MemTotal:       " + kb + " kB\nMemFree:        " + kb + " kB\nMemAvailable:   " + kb + " kB\n";
            }
            case "loadavg" -> "0.00 0.00 0.00 1/" + kernel.snapshot().size() + " " + kernel.snapshot().size() + "\n";
            case "mounts" -> {
                StringBuilder sb = new StringBuilder("overlay / overlay rw 0 0\ndev /dev devtmpfs rw 0 0\nproc /proc proc ro 0 0\n");
                for (MountInfo m : kernel.vfs().mounts()) {
                    sb.append(m.plugin()).append(' ').append(m.path()).append(' ').append(m.plugin())
                            .append(m.readOnly() ? " ro" : " rw").append(" 0 0\n");
                }
                yield sb.toString();
            }
            default -> throw missing(name);
        };
    }

    @Override
    public FileStat lstat(String path) {
        Node n = node(path);
        long ino = 0xfff00000L + (path.hashCode() & 0xfffff);
        long size = n.content() != null ? n.content().getBytes(StandardCharsets.UTF_8).length
                : n.target() != null ? n.target().length() : 0;
        return stat(n.type(), ino, n.type() == FileType.FILE ? 0 : size);
    }

    @Override
    public List<DirEntry> readdir(String path) {
        Node n = node(path);
        if (n.type() != FileType.DIRECTORY) {
            throw new ErrnoException(Errno.ENOTDIR, "scandir", "/proc/" + path);
        }
        List<DirEntry> out = new ArrayList<>();
        String[] s = path.isEmpty() ? new String[0] : path.split("/");
        if (s.length == 0) {
            for (KProcess p : kernel.snapshot()) {
                if (p.alive()) {
                    out.add(new DirEntry(Integer.toString(p.pid), FileType.DIRECTORY));
                }
            }
            TOP_FILES.forEach(f -> out.add(new DirEntry(f, FileType.FILE)));
            out.add(new DirEntry("self", FileType.SYMLINK));
            out.add(new DirEntry("sys", FileType.DIRECTORY));
        } else if (s[0].equals("sys")) {
            out.add(s.length == 1 ? new DirEntry("kernel", FileType.DIRECTORY) : new DirEntry("hostname", FileType.FILE));
        } else if (s.length == 1) {
            PID_FILES.forEach(f -> out.add(new DirEntry(f, FileType.FILE)));
            out.add(new DirEntry("cwd", FileType.SYMLINK));
            out.add(new DirEntry("exe", FileType.SYMLINK));
            out.add(new DirEntry("fd", FileType.DIRECTORY));
        } else {
            KProcess p = proc(s[0]).orElseThrow(() -> missing(path));
            for (Map.Entry<Integer, String> e : p.fds.describe().entrySet()) {
                out.add(new DirEntry(Integer.toString(e.getKey()), FileType.SYMLINK));
            }
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    @Override
    public BackendFile open(String path, OpenFlags flags, int mode) {
        if (flags.write() || flags.create() || flags.truncate()) {
            throw readOnly("open", path);
        }
        Node n = node(path);
        if (n.type() == FileType.DIRECTORY) {
            throw new ErrnoException(Errno.EISDIR, "open", "/proc/" + path);
        }
        if (n.type() == FileType.SYMLINK) {
            throw new ErrnoException(Errno.ELOOP, "open", "/proc/" + path);
        }
        byte[] data = n.content().getBytes(StandardCharsets.UTF_8);
        FileStat st = lstat(path);
        return new BackendFile() {
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
        return new ErrnoException(Errno.EROFS, op, "/proc/" + path, "/proc is generated by the kernel");
    }

    @Override
    public String readlink(String path) {
        Node n = node(path);
        if (n.type() != FileType.SYMLINK) {
            throw new ErrnoException(Errno.EINVAL, "readlink", "/proc/" + path);
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
