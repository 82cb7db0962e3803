package agentos.vfs.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.fs.DirEntry;
import agentos.api.fs.FileStat;
import agentos.api.fs.FileType;
import agentos.api.spi.BackendFile;
import agentos.api.spi.FilesystemBackend;
import agentos.api.spi.OpenFlags;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * An in-memory inode filesystem: directories, files, symlinks and hard links with stable inode numbers,
 * POSIX metadata and deferred unlink (open handles keep data until the last close). Backs the memory mount
 * plugin, the overlay's upper layer and frozen lower layers ({@link #freeze()}: every change is EROFS).
 * One lock guards the whole tree; operations are short and memory-only.
 */
final class MemoryFs implements FilesystemBackend {
    private static final byte[] EMPTY = new byte[0];

    abstract static class Node {
        final long ino;
        int mode;
        int uid;
        int gid;
        int nlink = 1;
        long atime;
        long mtime;
        long ctime;
        final long birth;

        Node(long ino, int mode, int uid, int gid, long now) {
            this.ino = ino;
            this.mode = mode & 07777;
            this.uid = uid;
            this.gid = gid;
            this.atime = now;
            this.mtime = now;
            this.ctime = now;
            this.birth = now;
        }

        abstract FileType type();

        abstract long size();
    }

    static final class Dir extends Node {
        final TreeMap<String, Node> entries = new TreeMap<>();

        Dir(long ino, int mode, int uid, int gid, long now) {
            super(ino, mode, uid, gid, now);
            nlink = 2;
        }

        @Override
        FileType type() {
            return FileType.DIRECTORY;
        }

        @Override
        long size() {
            return 4096;
        }
    }

    static final class File extends Node {
        byte[] data = EMPTY;
        int size;
        int openHandles;

        File(long ino, int mode, int uid, int gid, long now) {
            super(ino, mode, uid, gid, now);
        }

        @Override
        FileType type() {
            return FileType.FILE;
        }

        @Override
        long size() {
            return size;
        }
    }

    static final class Link extends Node {
        final String target;

        Link(long ino, String target, int uid, int gid, long now) {
            super(ino, 0777, uid, gid, now);
            this.target = target;
        }

        @Override
        FileType type() {
            return FileType.SYMLINK;
        }

        @Override
        long size() {
            return target.length();
        }
    }

    private final Object lock = new Object();
    private final AtomicLong nextIno = new AtomicLong(2);
    private final Quota quota;
    private final LongSupplier clock;
    private final Dir root;
    private volatile boolean frozen;

    MemoryFs(Quota quota, LongSupplier clock, int rootMode, int rootUid, int rootGid) {
        this.quota = quota;
        this.clock = clock;
        this.root = new Dir(1, rootMode, rootUid, rootGid, clock.getAsLong());
    }

    MemoryFs(Quota quota, LongSupplier clock) {
        this(quota, clock, 0755, 0, 0);
    }

    /** Makes this filesystem a read-only layer: every later change fails with EROFS. */
    MemoryFs freeze() {
        frozen = true;
        return this;
    }

    boolean frozen() {
        return frozen;
    }

    private long now() {
        return clock.getAsLong();
    }

    private void writable(String op, String path) {
        if (frozen) {
            throw new ErrnoException(Errno.EROFS, op, "/" + path);
        }
    }

    // ---- lookup ----

    private static String[] split(String path) {
        return path.isEmpty() ? new String[0] : path.split("/");
    }

    private Node lookup(String op, String path) {
        Node cur = root;
        for (String seg : split(path)) {
            if (!(cur instanceof Dir dir)) {
                throw new ErrnoException(Errno.ENOTDIR, op, "/" + path);
            }
            cur = dir.entries.get(seg);
            if (cur == null) {
                throw new ErrnoException(Errno.ENOENT, op, "/" + path);
            }
        }
        return cur;
    }

    private Dir parentDir(String op, String path) {
        if (path.isEmpty()) {
            throw new ErrnoException(Errno.EBUSY, op, "/");
        }
        int i = path.lastIndexOf('/');
        Node parent = lookup(op, i < 0 ? "" : path.substring(0, i));
        if (!(parent instanceof Dir dir)) {
            throw new ErrnoException(Errno.ENOTDIR, op, "/" + path);
        }
        return dir;
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static FileStat stat(Node n) {
        return new FileStat(n.type(), n.mode, n.size(), n.uid, n.gid, n.ino, n.nlink, n.atime, n.mtime, n.ctime, n.birth);
    }

    // ---- FilesystemBackend ----

    @Override
    public FileStat lstat(String path) {
        synchronized (lock) {
            return stat(lookup("lstat", path));
        }
    }

    @Override
    public List<DirEntry> readdir(String path) {
        synchronized (lock) {
            Node n = lookup("scandir", path);
            if (!(n instanceof Dir dir)) {
                throw new ErrnoException(Errno.ENOTDIR, "scandir", "/" + path);
            }
            List<DirEntry> out = new ArrayList<>(dir.entries.size());
            for (Map.Entry<String, Node> e : dir.entries.entrySet()) {
                out.add(new DirEntry(e.getKey(), e.getValue().type()));
            }
            return out;
        }
    }

    @Override
    public BackendFile open(String path, OpenFlags flags, int mode) {
        synchronized (lock) {
            if (flags.write() || flags.create() || flags.truncate()) {
                writable("open", path);
            }
            Node n;
            try {
                n = lookup("open", path);
                if (flags.create() && flags.exclusive()) {
                    throw new ErrnoException(Errno.EEXIST, "open", "/" + path);
                }
            } catch (ErrnoException e) {
                if (e.errno() != Errno.ENOENT || !flags.create()) {
                    throw e;
                }
                Dir parent = parentDir("open", path);
                quota.chargeInode("open", "/" + path);
                File f = new File(nextIno.getAndIncrement(), mode, 0, 0, now());
                parent.entries.put(name(path), f);
                parent.mtime = parent.ctime = now();
                n = f;
            }
            if (n instanceof Dir) {
                if (flags.write()) {
                    throw new ErrnoException(Errno.EISDIR, "open", "/" + path);
                }
                throw new ErrnoException(Errno.EISDIR, "open", "/" + path, "directories are listed, not opened");
            }
            if (n instanceof Link) {
                throw new ErrnoException(Errno.ELOOP, "open", "/" + path);
            }
            File f = (File) n;
            if (flags.truncate() && f.size > 0) {
                quota.releaseBytes(f.size);
                f.data = EMPTY;
                f.size = 0;
                f.mtime = f.ctime = now();
            }
            f.openHandles++;
            return new Handle(f, path);
        }
    }

    /** Creates a file owned by {@code uid:gid} (open() creates as root; the VFS then chowns). */
    void setOwner(String path, int uid, int gid) {
        synchronized (lock) {
            Node n = lookup("chown", path);
            n.uid = uid;
            n.gid = gid;
        }
    }

    @Override
    public void mkdir(String path, int mode) {
        synchronized (lock) {
            writable("mkdir", path);
            Dir parent = parentDir("mkdir", path);
            String name = name(path);
            if (parent.entries.containsKey(name)) {
                throw new ErrnoException(Errno.EEXIST, "mkdir", "/" + path);
            }
            quota.chargeInode("mkdir", "/" + path);
            parent.entries.put(name, new Dir(nextIno.getAndIncrement(), mode, 0, 0, now()));
            parent.nlink++;
            parent.mtime = parent.ctime = now();
        }
    }

    @Override
    public void rmdir(String path) {
        synchronized (lock) {
            writable("rmdir", path);
            Node n = lookup("rmdir", path);
            if (!(n instanceof Dir dir)) {
                throw new ErrnoException(Errno.ENOTDIR, "rmdir", "/" + path);
            }
            if (!dir.entries.isEmpty()) {
                throw new ErrnoException(Errno.ENOTEMPTY, "rmdir", "/" + path);
            }
            Dir parent = parentDir("rmdir", path);
            parent.entries.remove(name(path));
            parent.nlink--;
            parent.mtime = parent.ctime = now();
            dir.nlink = 0;
            quota.releaseInode();
        }
    }

    @Override
    public void unlink(String path) {
        synchronized (lock) {
            writable("unlink", path);
            Node n = lookup("unlink", path);
            if (n instanceof Dir) {
                throw new ErrnoException(Errno.EISDIR, "unlink", "/" + path);
            }
            Dir parent = parentDir("unlink", path);
            parent.entries.remove(name(path));
            parent.mtime = parent.ctime = now();
            dropLink(n);
        }
    }

    /**
     * Removes one name of {@code n}. The last name returns the node's bytes and inode to the quota at once; an
     * open file keeps its data (uncharged) until its last handle closes.
     */
    private void dropLink(Node n) {
        n.nlink--;
        n.ctime = now();
        if (n.nlink == 0) {
            if (n instanceof File f) {
                quota.releaseBytes(f.size);
                if (f.openHandles == 0) {
                    f.data = EMPTY;
                    f.size = 0;
                }
            }
            quota.releaseInode();
        }
    }

    @Override
    public void rename(String from, String to) {
        synchronized (lock) {
            writable("rename", from);
            Node src = lookup("rename", from);
            if (to.equals(from)) {
                return;
            }
            if (src instanceof Dir && (to + "/").startsWith(from + "/")) {
                throw new ErrnoException(Errno.EINVAL, "rename", "/" + from, "cannot move a directory into itself");
            }
            Dir toParent = parentDir("rename", to);
            Dir fromParent = parentDir("rename", from);
            String toName = name(to);
            Node existing = toParent.entries.get(toName);
            if (existing == src) {
                return;
            }
            if (existing != null) {
                if (src instanceof Dir) {
                    if (!(existing instanceof Dir exDir)) {
                        throw new ErrnoException(Errno.ENOTDIR, "rename", "/" + to);
                    }
                    if (!exDir.entries.isEmpty()) {
                        throw new ErrnoException(Errno.ENOTEMPTY, "rename", "/" + to);
                    }
                } else if (existing instanceof Dir) {
                    throw new ErrnoException(Errno.EISDIR, "rename", "/" + to);
                }
            }
            fromParent.entries.remove(name(from));
            if (existing != null) {
                toParent.entries.remove(toName);
                if (existing instanceof Dir) {
                    toParent.nlink--;
                    existing.nlink = 0;
                    quota.releaseInode();
                } else {
                    dropLink(existing);
                }
            }
            toParent.entries.put(toName, src);
            if (src instanceof Dir) {
                fromParent.nlink--;
                toParent.nlink++;
            }
            long t = now();
            fromParent.mtime = fromParent.ctime = t;
            toParent.mtime = toParent.ctime = t;
            src.ctime = t;
        }
    }

    @Override
    public void symlink(String target, String linkPath) {
        synchronized (lock) {
            writable("symlink", linkPath);
            Dir parent = parentDir("symlink", linkPath);
            String name = name(linkPath);
            if (parent.entries.containsKey(name)) {
                throw new ErrnoException(Errno.EEXIST, "symlink", "/" + linkPath);
            }
            quota.chargeInode("symlink", "/" + linkPath);
            parent.entries.put(name, new Link(nextIno.getAndIncrement(), target, 0, 0, now()));
            parent.mtime = parent.ctime = now();
        }
    }

    @Override
    public String readlink(String path) {
        synchronized (lock) {
            if (!(lookup("readlink", path) instanceof Link l)) {
                throw new ErrnoException(Errno.EINVAL, "readlink", "/" + path);
            }
            return l.target;
        }
    }

    @Override
    public void link(String existing, String newPath) {
        synchronized (lock) {
            writable("link", newPath);
            Node n = lookup("link", existing);
            if (n instanceof Dir) {
                throw new ErrnoException(Errno.EPERM, "link", "/" + existing, "hard links to directories are not allowed");
            }
            Dir parent = parentDir("link", newPath);
            String name = name(newPath);
            if (parent.entries.containsKey(name)) {
                throw new ErrnoException(Errno.EEXIST, "link", "/" + newPath);
            }
            parent.entries.put(name, n);
            n.nlink++;
            n.ctime = now();
            parent.mtime = parent.ctime = now();
        }
    }

    @Override
    public void chmod(String path, int mode) {
        synchronized (lock) {
            writable("chmod", path);
            Node n = lookup("chmod", path);
            n.mode = mode & 07777;
            n.ctime = now();
        }
    }

    @Override
    public void chown(String path, int uid, int gid) {
        synchronized (lock) {
            writable("chown", path);
            Node n = lookup("chown", path);
            if (uid >= 0) {
                n.uid = uid;
            }
            if (gid >= 0) {
                n.gid = gid;
            }
            n.ctime = now();
        }
    }

    @Override
    public void utimes(String path, long atimeMs, long mtimeMs) {
        synchronized (lock) {
            writable("utimes", path);
            Node n = lookup("utimes", path);
            n.atime = atimeMs;
            n.mtime = mtimeMs;
            n.ctime = now();
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    // ---- handles ----

    private final class Handle implements BackendFile {
        private final File f;
        private final String path;
        private boolean closed;

        Handle(File f, String path) {
            this.f = f;
            this.path = path;
        }

        private void open(String op) {
            if (closed) {
                throw new ErrnoException(Errno.EBADF, op, "/" + path);
            }
        }

        @Override
        public int read(long position, byte[] buf, int off, int len) {
            synchronized (lock) {
                open("read");
                if (position >= f.size) {
                    return len == 0 ? 0 : -1;
                }
                int n = (int) Math.min(len, f.size - position);
                System.arraycopy(f.data, (int) position, buf, off, n);
                return n;
            }
        }

        @Override
        public int write(long position, byte[] buf, int off, int len) {
            synchronized (lock) {
                open("write");
                writable("write", path);
                if (position + len > Integer.MAX_VALUE - 8) {
                    throw new ErrnoException(Errno.EFBIG, "write", "/" + path);
                }
                int end = (int) (position + len);
                if (end > f.size) {
                    if (f.nlink > 0) {
                        quota.chargeBytes(end - f.size, "write", "/" + path);
                    }
                    ensureCapacity(end);
                    if (position > f.size) {
                        Arrays.fill(f.data, f.size, (int) position, (byte) 0);
                    }
                    f.size = end;
                }
                System.arraycopy(buf, off, f.data, (int) position, len);
                f.mtime = f.ctime = now();
                return len;
            }
        }

        private void ensureCapacity(int needed) {
            if (needed > f.data.length) {
                long cap = Math.min(Integer.MAX_VALUE - 8, Math.max(needed, Math.max(64, f.data.length * 2L)));
                f.data = Arrays.copyOf(f.data, (int) cap);
            }
        }

        @Override
        public long append(byte[] buf, int off, int len) {
            synchronized (lock) {
                write(f.size, buf, off, len);
                return f.size;
            }
        }

        @Override
        public long size() {
            synchronized (lock) {
                return f.size;
            }
        }

        @Override
        public void truncate(long length) {
            synchronized (lock) {
                open("ftruncate");
                writable("ftruncate", path);
                if (length < 0 || length > Integer.MAX_VALUE - 8) {
                    throw new ErrnoException(Errno.EINVAL, "ftruncate", "/" + path);
                }
                int len = (int) length;
                if (len > f.size) {
                    if (f.nlink > 0) {
                        quota.chargeBytes(len - f.size, "ftruncate", "/" + path);
                    }
                    ensureCapacity(len);
                    Arrays.fill(f.data, f.size, len, (byte) 0);
                } else if (len < f.size) {
                    if (f.nlink > 0) {
                        quota.releaseBytes(f.size - len);
                    }
                    if (len < f.data.length / 4) {
                        f.data = Arrays.copyOf(f.data, len);
                    }
                }
                f.size = len;
                f.mtime = f.ctime = now();
            }
        }

        @Override
        public FileStat stat() {
            synchronized (lock) {
                return MemoryFs.stat(f);
            }
        }

        @Override
        public void sync() {}

        @Override
        public void close() {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                closed = true;
                f.openHandles--;
                if (f.openHandles == 0 && f.nlink == 0) {
                    f.data = EMPTY;
                    f.size = 0;
                }
            }
        }
    }
}
