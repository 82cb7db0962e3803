package agentos.vfs.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.fs.DirEntry;
import agentos.api.fs.FileStat;
import agentos.api.fs.FileType;
import agentos.api.spi.BackendFile;
import agentos.api.spi.FilesystemBackend;
import agentos.api.spi.OpenFlags;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /dev}: null, zero, full, random, urandom, and the stdin/stdout/stderr/fd links into {@code /proc/self}.
 * Devices cannot be removed, renamed or linked (EPERM); chmod, chown and utimes are accepted and ignored.
 */
final class DevFs implements FilesystemBackend {
    private static final long BASE_INO = 0xffff0000L;
    private static final Map<String, String> LINKS = Map.of(
            "stdin", "/proc/self/fd/0", "stdout", "/proc/self/fd/1", "stderr", "/proc/self/fd/2", "fd", "/proc/self/fd");
    private static final List<String> DEVICES = List.of("full", "null", "random", "tty", "urandom", "zero");

    private final SecureRandom random = new SecureRandom();
    private final long bootTime;

    DevFs(long bootTime) {
        this.bootTime = bootTime;
    }

    private FileStat stat(FileType type, int mode, long ino, long size) {
        return new FileStat(type, mode, size, 0, 0, ino, type == FileType.DIRECTORY ? 2 : 1, bootTime, bootTime, bootTime, bootTime);
    }

    @Override
    public FileStat lstat(String path) {
        if (path.isEmpty()) {
            return stat(FileType.DIRECTORY, 0755, BASE_INO, 4096);
        }
        int d = DEVICES.indexOf(path);
        if (d >= 0) {
            return stat(FileType.CHARACTER_DEVICE, 0666, BASE_INO + 1 + d, 0);
        }
        String link = LINKS.get(path);
        if (link != null) {
            return stat(FileType.SYMLINK, 0777, BASE_INO + 16 + path.hashCode() % 16, link.length());
        }
        throw new ErrnoException(Errno.ENOENT, "lstat", "/dev/" + path);
    }

    @Override
    public List<DirEntry> readdir(String path) {
        if (!path.isEmpty()) {
            lstat(path);
            throw new ErrnoException(Errno.ENOTDIR, "scandir", "/dev/" + path);
        }
        TreeMap<String, DirEntry> entries = new TreeMap<>();
        DEVICES.forEach(n -> entries.put(n, new DirEntry(n, FileType.CHARACTER_DEVICE)));
        LINKS.keySet().forEach(n -> entries.put(n, new DirEntry(n, FileType.SYMLINK)));
        return List.copyOf(entries.values());
    }

    @Override
    public BackendFile open(String path, OpenFlags flags, int mode) {
        FileStat st = lstat(path);
        if (st.type() == FileType.DIRECTORY) {
            throw new ErrnoException(Errno.EISDIR, "open", "/dev");
        }
        if (st.type() == FileType.SYMLINK) {
            throw new ErrnoException(Errno.ELOOP, "open", "/dev/" + path);
        }
        if (path.equals("tty")) {
            throw new ErrnoException(Errno.ENXIO, "open", "/dev/tty", "the process has no controlling terminal");
        }
        return new Device(path);
    }

    private final class Device implements BackendFile {
        private final String name;

        Device(String name) {
            this.name = name;
        }

        @Override
        public int read(long position, byte[] buf, int off, int len) {
            switch (name) {
                case "null" -> {
                    return -1;
                }
                case "random", "urandom" -> {
                    byte[] r = new byte[len];
                    random.nextBytes(r);
                    System.arraycopy(r, 0, buf, off, len);
                    return len;
                }
                default -> {
                    Arrays.fill(buf, off, off + len, (byte) 0);
                    return len;
                }
            }
        }

        @Override
        public int write(long position, byte[] buf, int off, int len) {
            if (name.equals("full")) {
                throw new ErrnoException(Errno.ENOSPC, "write", "/dev/full");
            }
            return len;
        }

        @Override
        public long append(byte[] buf, int off, int len) {
            write(0, buf, off, len);
            return 0;
        }

        @Override
        public long size() {
            return 0;
        }

        @Override
        public void truncate(long length) {}

        @Override
        public FileStat stat() {
            return lstat(name);
        }

        @Override
        public void sync() {}

        @Override
        public void close() {}
    }

    private static ErrnoException denied(String op, String path) {
        return new ErrnoException(Errno.EPERM, op, "/dev/" + path, "device nodes cannot be changed");
    }

    @Override
    public void mkdir(String path, int mode) {
        throw denied("mkdir", path);
    }

    @Override
    public void rmdir(String path) {
        throw denied("rmdir", path);
    }

    @Override
    public void unlink(String path) {
        throw denied("unlink", path);
    }

    @Override
    public void rename(String from, String to) {
        throw denied("rename", from);
    }

    @Override
    public void symlink(String target, String linkPath) {
        throw denied("symlink", linkPath);
    }

    @Override
    public String readlink(String path) {
        String link = LINKS.get(path);
        if (link == null) {
            lstat(path);
            throw new ErrnoException(Errno.EINVAL, "readlink", "/dev/" + path);
        }
        return link;
    }

    @Override
    public void link(String existing, String newPath) {
        throw denied("link", newPath);
    }

    @Override
    public void chmod(String path, int mode) {
        lstat(path);
    }

    @Override
    public void chown(String path, int uid, int gid) {
        lstat(path);
    }

    @Override
    public void utimes(String path, long atimeMs, long mtimeMs) {
        lstat(path);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
