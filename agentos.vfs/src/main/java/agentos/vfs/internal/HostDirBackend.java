package agentos.vfs.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.fs.DirEntry;
import agentos.api.fs.FileStat;
import agentos.api.fs.FileType;
import agentos.api.spi.BackendFile;
import agentos.api.spi.FilesystemBackend;
import agentos.api.spi.OpenFlags;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A host directory as a VM filesystem, built so that a guest can never leave it:
 * <ul>
 *   <li>the VFS resolves every symlink inside the VM's namespace, so a link's target is never looked up on the
 *       host; this backend opens, stats and changes only with {@code NOFOLLOW_LINKS} and checks that every parent
 *       component is a real directory;
 *   <li>operations that change names hold a write lock and lookups hold a read lock, so a guest cannot swap a
 *       directory for a symlink between the check and the use;
 *   <li>{@code ..} and empty segments never reach it (paths are canonical; checked again here).
 * </ul>
 * Ownership is presented as the VM user's and cannot be changed (the host's owners are not the guest's to set);
 * setuid/setgid bits are stripped. Read-only unless the mount config says {@code "readOnly": false}.
 */
final class HostDirBackend implements FilesystemBackend {
    private final Path root;
    private final boolean readOnly;
    private final int uid;
    private final int gid;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    HostDirBackend(Path hostPath, boolean readOnly, int uid, int gid) {
        if (!Files.isDirectory(hostPath)) {
            throw new IllegalArgumentException("host_dir config hostPath '" + hostPath + "' is not an existing directory");
        }
        try {
            this.root = hostPath.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("host_dir config hostPath '" + hostPath + "' cannot be resolved: " + e.getMessage());
        }
        this.readOnly = readOnly;
        this.uid = uid;
        this.gid = gid;
    }

    // ---- paths ----

    private Path host(String op, String rel) {
        if (rel.isEmpty()) {
            return root;
        }
        for (String seg : rel.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                throw new ErrnoException(Errno.EINVAL, op, "/" + rel, "not a canonical path");
            }
        }
        return root.resolve(rel);
    }

    /** Every parent of {@code rel} must be a directory (not a symlink) on the host, checked without following. */
    private Path checked(String op, String rel) {
        Path p = host(op, rel);
        Path cur = root;
        String[] segs = rel.isEmpty() ? new String[0] : rel.split("/");
        for (int i = 0; i < segs.length - 1; i++) {
            cur = cur.resolve(segs[i]);
            if (!Files.isDirectory(cur, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.exists(cur, LinkOption.NOFOLLOW_LINKS)) {
                    throw new ErrnoException(Errno.ENOTDIR, op, "/" + rel);
                }
                throw new ErrnoException(Errno.ENOENT, op, "/" + rel);
            }
        }
        return p;
    }

    private void writable(String op, String rel) {
        if (readOnly) {
            throw new ErrnoException(Errno.EROFS, op, "/" + rel, "host directory mounted read-only");
        }
    }

    static ErrnoException errno(IOException e, String op, String rel) {
        Errno code;
        if (e instanceof NoSuchFileException) {
            code = Errno.ENOENT;
        } else if (e instanceof FileAlreadyExistsException) {
            code = Errno.EEXIST;
        } else if (e instanceof DirectoryNotEmptyException) {
            code = Errno.ENOTEMPTY;
        } else if (e instanceof AccessDeniedException) {
            code = Errno.EACCES;
        } else if (e instanceof NotDirectoryException) {
            code = Errno.ENOTDIR;
        } else if (e instanceof FileSystemLoopException) {
            code = Errno.ELOOP;
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            code = byReason(fse.getReason());
        } else {
            // FileChannel.open reports some errno conditions as a plain IOException with strerror text.
            code = e.getMessage() == null ? Errno.EIO : byReason(e.getMessage());
        }
        return new ErrnoException(code, op, "/" + rel);
    }

    private static final Map<String, Errno> REASONS = Map.ofEntries(
            Map.entry("Not a directory", Errno.ENOTDIR),
            Map.entry("Is a directory", Errno.EISDIR),
            Map.entry("Directory not empty", Errno.ENOTEMPTY),
            Map.entry("Too many levels of symbolic links", Errno.ELOOP),
            Map.entry("Too many links", Errno.EMLINK),
            Map.entry("Invalid cross-device link", Errno.EXDEV),
            Map.entry("No space left on device", Errno.ENOSPC),
            Map.entry("Read-only file system", Errno.EROFS),
            Map.entry("Operation not permitted", Errno.EPERM),
            Map.entry("Permission denied", Errno.EACCES),
            Map.entry("Invalid argument", Errno.EINVAL),
            Map.entry("File name too long", Errno.ENAMETOOLONG),
            Map.entry("File exists", Errno.EEXIST),
            Map.entry("No such file or directory", Errno.ENOENT));

    private static Errno byReason(String reason) {
        for (Map.Entry<String, Errno> e : REASONS.entrySet()) {
            if (reason.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return Errno.EIO;
    }

    private static Set<PosixFilePermission> perms(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << i)) != 0) {
                s.add(order[i]);
            }
        }
        return s;
    }

    private FileStat statOf(Path p) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,ino,nlink,size,lastAccessTime,lastModifiedTime,ctime,creationTime",
                LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        FileType type = switch (mode & 0170000) {
            case 0040000 -> FileType.DIRECTORY;
            case 0120000 -> FileType.SYMLINK;
            case 0020000 -> FileType.CHARACTER_DEVICE;
            case 0010000 -> FileType.FIFO;
            case 0140000 -> FileType.SOCKET;
            default -> FileType.FILE;
        };
        return new FileStat(type, mode & 07777 & ~06000, (Long) a.get("size"), uid, gid, (Long) a.get("ino"),
                (Integer) a.get("nlink"), ms(a.get("lastAccessTime")), ms(a.get("lastModifiedTime")), ms(a.get("ctime")),
                ms(a.get("creationTime")));
    }

    private static long ms(Object t) {
        return t instanceof FileTime ft ? ft.toMillis() : 0;
    }

    // ---- reads ----

    @Override
    public FileStat lstat(String rel) {
        lock.readLock().lock();
        try {
            return statOf(checked("lstat", rel));
        } catch (IOException e) {
            throw errno(e, "lstat", rel);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<DirEntry> readdir(String rel) {
        lock.readLock().lock();
        try {
            Path dir = checked("scandir", rel);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new ErrnoException(Files.exists(dir, LinkOption.NOFOLLOW_LINKS) ? Errno.ENOTDIR : Errno.ENOENT, "scandir", "/" + rel);
            }
            List<DirEntry> out = new ArrayList<>();
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                for (Path p : s) {
                    out.add(new DirEntry(p.getFileName().toString(), statOf(p).type()));
                }
            }
            out.sort((x, y) -> x.name().compareTo(y.name()));
            return out;
        } catch (IOException e) {
            throw errno(e, "scandir", rel);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public String readlink(String rel) {
        lock.readLock().lock();
        try {
            Path p = checked("readlink", rel);
            if (!Files.isSymbolicLink(p)) {
                statOf(p);
                throw new ErrnoException(Errno.EINVAL, "readlink", "/" + rel);
            }
            return Files.readSymbolicLink(p).toString();
        } catch (IOException e) {
            throw errno(e, "readlink", rel);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public BackendFile open(String rel, OpenFlags flags, int mode) {
        boolean mutating = flags.write() || flags.create() || flags.truncate();
        if (mutating) {
            writable("open", rel);
        }
        // Creation changes the namespace; plain opens only look it up.
        var l = flags.create() ? lock.writeLock() : lock.readLock();
        l.lock();
        try {
            Path p = checked("open", rel);
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new ErrnoException(Errno.EISDIR, "open", "/" + rel);
            }
            Set<OpenOption> opts = new HashSet<>();
            opts.add(LinkOption.NOFOLLOW_LINKS);
            if (flags.read() || !flags.write()) {
                opts.add(StandardOpenOption.READ);
            }
            if (flags.write()) {
                opts.add(StandardOpenOption.WRITE);
            }
            if (flags.create()) {
                opts.add(flags.exclusive() ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
            }
            if (flags.truncate()) {
                opts.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
            FileChannel ch = flags.create()
                    ? FileChannel.open(p, opts, PosixFilePermissions.asFileAttribute(perms(mode & 0777)))
                    : FileChannel.open(p, opts);
            return new HostFile(p, rel, ch, statOf(p));
        } catch (IOException e) {
            throw errno(e, "open", rel);
        } finally {
            l.unlock();
        }
    }

    // ---- changes ----

    private interface IoAction {
        void run(Path p) throws IOException;
    }

    private void change(String op, String rel, IoAction action) {
        writable(op, rel);
        lock.writeLock().lock();
        try {
            action.run(checked(op, rel));
        } catch (IOException e) {
            throw errno(e, op, rel);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void mkdir(String rel, int mode) {
        change("mkdir", rel, p -> Files.createDirectory(p, PosixFilePermissions.asFileAttribute(perms(mode & 0777))));
    }

    @Override
    public void rmdir(String rel) {
        change("rmdir", rel, p -> {
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                statOf(p);
                throw new ErrnoException(Errno.ENOTDIR, "rmdir", "/" + rel);
            }
            Files.delete(p);
        });
    }

    @Override
    public void unlink(String rel) {
        change("unlink", rel, p -> {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new ErrnoException(Errno.EISDIR, "unlink", "/" + rel);
            }
            Files.delete(p);
        });
    }

    @Override
    public void rename(String from, String to) {
        change("rename", from, src -> {
            Path dst = checked("rename", to);
            statOf(src);
            if (Files.isDirectory(src, LinkOption.NOFOLLOW_LINKS) && (to + "/").startsWith(from + "/") && !to.equals(from)) {
                throw new ErrnoException(Errno.EINVAL, "rename", "/" + from, "cannot move a directory into itself");
            }
            Files.move(src, dst, StandardCopyOption.ATOMIC_MOVE);
        });
    }

    @Override
    public void symlink(String target, String linkPath) {
        change("symlink", linkPath, p -> Files.createSymbolicLink(p, Path.of(target)));
    }

    @Override
    public void link(String existing, String newPath) {
        change("link", newPath, p -> {
            Path src = checked("link", existing);
            if (Files.isDirectory(src, LinkOption.NOFOLLOW_LINKS)) {
                throw new ErrnoException(Errno.EPERM, "link", "/" + existing, "hard links to directories are not allowed");
            }
            Files.createLink(p, src);
        });
    }

    @Override
    public void chmod(String rel, int mode) {
        change("chmod", rel, p -> {
            if (Files.isSymbolicLink(p)) {
                return; // Linux ignores the mode of symlinks.
            }
            Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setPermissions(perms(mode & 0777));
        });
    }

    @Override
    public void chown(String rel, int newUid, int newGid) {
        lstat(rel);
        throw new ErrnoException(Errno.EPERM, "chown", "/" + rel, "ownership of host files cannot be changed from a VM");
    }

    @Override
    public void utimes(String rel, long atimeMs, long mtimeMs) {
        change("utimes", rel, p -> Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(FileTime.fromMillis(mtimeMs), FileTime.fromMillis(atimeMs), null));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    private final class HostFile implements BackendFile {
        private final Path path;
        private final String rel;
        private final FileChannel ch;
        private volatile FileStat lastStat;

        HostFile(Path path, String rel, FileChannel ch, FileStat stat) {
            this.path = path;
            this.rel = rel;
            this.ch = ch;
            this.lastStat = stat;
        }

        @Override
        public int read(long position, byte[] buf, int off, int len) {
            try {
                return ch.read(ByteBuffer.wrap(buf, off, len), position);
            } catch (IOException e) {
                throw errno(e, "read", rel);
            }
        }

        @Override
        public int write(long position, byte[] buf, int off, int len) {
            writable("write", rel);
            try {
                ByteBuffer b = ByteBuffer.wrap(buf, off, len);
                int n = 0;
                while (b.hasRemaining()) {
                    n += ch.write(b, position + n);
                }
                return n;
            } catch (IOException e) {
                throw errno(e, "write", rel);
            }
        }

        @Override
        public synchronized long append(byte[] buf, int off, int len) {
            try {
                long end = ch.size();
                write(end, buf, off, len);
                return end + len;
            } catch (IOException e) {
                throw errno(e, "write", rel);
            }
        }

        @Override
        public long size() {
            try {
                return ch.size();
            } catch (IOException e) {
                throw errno(e, "fstat", rel);
            }
        }

        @Override
        public void truncate(long length) {
            writable("ftruncate", rel);
            try {
                long size = ch.size();
                if (length < size) {
                    ch.truncate(length);
                } else if (length > size) {
                    ch.write(ByteBuffer.wrap(new byte[1]), length - 1);
                }
            } catch (IOException e) {
                throw errno(e, "ftruncate", rel);
            }
        }

        @Override
        public FileStat stat() {
            try {
                lastStat = statOf(path);
            } catch (IOException e) {
                // Unlinked while open: report what we last saw, with the current size.
                FileStat s = lastStat;
                lastStat = new FileStat(s.type(), s.mode(), size(), s.uid(), s.gid(), s.ino(), 0, s.atimeMs(), s.mtimeMs(),
                        s.ctimeMs(), s.birthtimeMs());
            }
            return lastStat;
        }

        @Override
        public void sync() {
            try {
                ch.force(true);
            } catch (IOException e) {
                throw errno(e, "fsync", rel);
            }
        }

        @Override
        public void close() {
            try {
                ch.close();
            } catch (IOException e) {
                throw errno(e, "close", rel);
            }
        }
    }
}
