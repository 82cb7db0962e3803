package agentos.vfs.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.config.UserConfig;
import agentos.api.config.VmLimits;
import agentos.api.fs.DirEntry;
import agentos.api.fs.FileStat;
import agentos.api.fs.FileType;
import agentos.api.fs.FilesystemSnapshot;
import agentos.api.fs.GuestPaths;
import agentos.api.fs.MountInfo;
import agentos.api.fs.SnapshotEntry;
import agentos.api.spi.BackendFile;
import agentos.api.spi.Caller;
import agentos.api.spi.FilesystemBackend;
import agentos.api.spi.OpenFlags;
import agentos.api.spi.Syscalls;
import agentos.api.spi.VfsFile;
import agentos.api.spi.VirtualFilesystem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A VM's namespace: the overlay root plus mounts. Resolves paths component by component (so no backend ever
 * follows a symlink itself), applies mode bits to guest callers, read-only mounts and guest-read-only paths, and
 * keeps each operation inside one mount (EXDEV otherwise).
 */
final class MountedVfs implements VirtualFilesystem {
    private static final int R = 4;
    private static final int W = 2;
    private static final int X = 1;

    record Mount(String path, String plugin, FilesystemBackend backend, boolean readOnly, boolean system) {}

    /** A resolved path: the mount holding it, the path inside the mount, and the canonical guest path. */
    private record Target(Mount mount, String rel, String path) {}

    private final String vmId;
    private final Mount root;
    private final UserConfig user;
    private final VmLimits.Resources limits;
    private final Set<String> guestReadOnly;
    private final Quota quota;
    private volatile List<Mount> mounts; // longest path first; copy-on-write under `this`

    MountedVfs(String vmId, FilesystemBackend rootFs, UserConfig user, VmLimits.Resources limits, Set<String> guestReadOnly,
            Quota quota, boolean readOnlyRoot) {
        this.vmId = vmId;
        this.root = new Mount("/", "overlay", rootFs, readOnlyRoot, true);
        this.user = user;
        this.limits = limits;
        this.guestReadOnly = Set.copyOf(guestReadOnly);
        this.quota = quota;
        this.mounts = List.of(root);
    }

    // ---- mounts ----

    private Mount mountFor(String path) {
        for (Mount m : mounts) {
            if (GuestPaths.isWithin(path, m.path())) {
                return m;
            }
        }
        return root;
    }

    private static String rel(Mount m, String path) {
        if (m.path().equals("/")) {
            return path.substring(1);
        }
        return path.length() == m.path().length() ? "" : path.substring(m.path().length() + 1);
    }

    void mountSystem(String path, String plugin, FilesystemBackend backend, boolean readOnly) {
        addMount(new Mount(path, plugin, backend, readOnly, true));
    }

    @Override
    public void mountSystem(String path, String pluginId, FilesystemBackend backend) {
        addMount(new Mount(GuestPaths.requireCanonical("mount", path), pluginId, backend, true, true));
    }

    @Override
    public void mount(String path, String pluginId, FilesystemBackend backend, boolean readOnly) {
        addMount(new Mount(GuestPaths.requireCanonical("mount", path), pluginId, backend, readOnly, false));
        if (!readOnly) {
            try {
                backend.chown("", user.uid(), user.gid());
            } catch (ErrnoException e) {
                // Backends with ownership of their own (host directories) keep it.
            }
        }
    }

    private synchronized void addMount(Mount m) {
        if (m.path().equals("/")) {
            throw new ErrnoException(Errno.EBUSY, "mount", "/", "the root is the VM's overlay and cannot be replaced");
        }
        for (Mount existing : mounts) {
            if (existing.path().equals(m.path())) {
                throw new ErrnoException(Errno.EBUSY, "mount", m.path(), "something is already mounted there");
            }
        }
        ensureMountPoint(m.path());
        List<Mount> next = new ArrayList<>(mounts);
        next.add(m);
        next.sort(Comparator.comparingInt((Mount x) -> x.path().length()).reversed());
        mounts = List.copyOf(next);
    }

    private void ensureMountPoint(String path) {
        try {
            FileStat st = stat(Caller.HOST, path);
            if (!st.isDirectory()) {
                throw new ErrnoException(Errno.ENOTDIR, "mount", path);
            }
        } catch (ErrnoException e) {
            if (e.errno() != Errno.ENOENT) {
                throw e;
            }
            String cur = "";
            for (String seg : GuestPaths.segments(path)) {
                cur = cur + "/" + seg;
                try {
                    mkdir(Caller.HOST, cur, 0755);
                } catch (ErrnoException exists) {
                    if (exists.errno() != Errno.EEXIST) {
                        throw exists;
                    }
                }
            }
        }
    }

    @Override
    public void unmount(String path) {
        Mount removed;
        synchronized (this) {
            GuestPaths.requireCanonical("unmount", path);
            Mount found = null;
            for (Mount m : mounts) {
                if (m.path().equals(path)) {
                    found = m;
                } else if (!m.path().equals("/") && GuestPaths.isWithin(m.path(), path)) {
                    throw new ErrnoException(Errno.EBUSY, "unmount", path, m.path() + " is mounted below it; unmount that first");
                }
            }
            if (found == null || found == root) {
                throw new ErrnoException(Errno.EINVAL, "unmount", path, "nothing is mounted there");
            }
            if (found.system()) {
                throw new ErrnoException(Errno.EBUSY, "unmount", path, "a system mount of the VM");
            }
            List<Mount> next = new ArrayList<>(mounts);
            next.remove(found);
            mounts = List.copyOf(next);
            removed = found;
        }
        try {
            removed.backend().flush();
        } finally {
            removed.backend().close();
        }
    }

    @Override
    public List<MountInfo> mounts() {
        return mounts.stream()
                .filter(m -> !m.system())
                .sorted(Comparator.comparing(Mount::path))
                .map(m -> new MountInfo(m.path(), m.plugin(), m.readOnly()))
                .toList();
    }

    // ---- resolution ----

    private Target resolve(Caller c, String op, String path, boolean followLast) {
        GuestPaths.requireCanonical(op, path);
        int links = 0;
        String pending = path;
        outer:
        while (true) {
            List<String> segs = GuestPaths.segments(pending);
            String cur = "/";
            for (int i = 0; i < segs.size(); i++) {
                Mount cm = mountFor(cur);
                FileStat dir = lstatIn(cm, rel(cm, cur), op, path);
                if (!allowed(c, dir, X)) {
                    throw new ErrnoException(Errno.EACCES, op, path, "no search permission on " + cur);
                }
                String next = cur.equals("/") ? "/" + segs.get(i) : cur + "/" + segs.get(i);
                boolean last = i == segs.size() - 1;
                Mount nm = mountFor(next);
                String nrel = rel(nm, next);
                String rest = String.join("/", segs.subList(i + 1, segs.size()));
                if (nm.plugin().equals("proc") && nrel.equals("self") && (!last || followLast)) {
                    if (c.pid() <= 0) {
                        throw new ErrnoException(Errno.ENOENT, op, path, "/proc/self has no meaning for the host");
                    }
                    pending = "/proc/" + c.pid() + (rest.isEmpty() ? "" : "/" + rest);
                    continue outer;
                }
                FileStat st;
                try {
                    st = nm.backend().lstat(nrel);
                } catch (ErrnoException e) {
                    if (e.errno() == Errno.ENOENT && last) {
                        return new Target(nm, nrel, next);
                    }
                    throw new ErrnoException(e.errno(), op, path);
                }
                if (st.type() == FileType.SYMLINK && (!last || followLast)) {
                    if (++links > SYMLINK_MAX) {
                        throw new ErrnoException(Errno.ELOOP, op, path);
                    }
                    String target = nm.backend().readlink(nrel);
                    if (target.isEmpty()) {
                        throw new ErrnoException(Errno.ENOENT, op, path);
                    }
                    String base = target.startsWith("/") ? target : cur + "/" + target;
                    pending = GuestPaths.resolve("/", rest.isEmpty() ? base : base + "/" + rest);
                    continue outer;
                }
                if (!last && st.type() != FileType.DIRECTORY) {
                    throw new ErrnoException(Errno.ENOTDIR, op, path);
                }
                cur = next;
            }
            Mount m = mountFor(cur);
            return new Target(m, rel(m, cur), cur);
        }
    }

    private static FileStat lstatIn(Mount m, String rel, String op, String path) {
        try {
            return m.backend().lstat(rel);
        } catch (ErrnoException e) {
            throw new ErrnoException(e.errno(), op, path);
        }
    }

    private static boolean allowed(Caller c, FileStat st, int want) {
        if (c.isHost() || c.isRoot()) {
            return true;
        }
        int bits;
        if (c.uid() == st.uid()) {
            bits = (st.mode() >> 6) & 7;
        } else if (c.gid() == st.gid()) {
            bits = (st.mode() >> 3) & 7;
        } else {
            bits = st.mode() & 7;
        }
        return (bits & want) == want;
    }

    private static FileStat existing(Target t, String op) {
        try {
            return t.mount().backend().lstat(t.rel());
        } catch (ErrnoException e) {
            throw new ErrnoException(e.errno(), op, t.path());
        }
    }

    /** Checks that {@code t} may be changed by {@code c}: writable mount, not a guest-read-only path. */
    private void mutable(Caller c, Target t, String op, boolean ancestorsToo) {
        if (t.mount().readOnly()) {
            throw new ErrnoException(Errno.EROFS, op, t.path(), "mounted read-only");
        }
        if (!c.isHost()) {
            for (String p : guestReadOnly) {
                if (p.equals(t.path()) || (ancestorsToo && GuestPaths.isWithin(p, t.path()))) {
                    throw new ErrnoException(Errno.EROFS, op, t.path(), "read-only to guests");
                }
            }
        }
    }

    /** Write and search permission on the directory holding {@code t}, and the sticky-bit rule for removals. */
    private void canChangeParent(Caller c, Target t, String op, boolean removing) {
        String parentPath = GuestPaths.parent(t.path());
        Mount pm = mountFor(parentPath);
        FileStat parent = lstatIn(pm, rel(pm, parentPath), op, t.path());
        if (!allowed(c, parent, W | X)) {
            throw new ErrnoException(Errno.EACCES, op, t.path(), "no write permission on " + parentPath);
        }
        if (removing && (parent.mode() & 01000) != 0 && !c.isHost() && !c.isRoot()) {
            FileStat st = existing(t, op);
            if (st.uid() != c.uid() && parent.uid() != c.uid()) {
                throw new ErrnoException(Errno.EPERM, op, t.path(), "sticky directory");
            }
        }
    }

    private void own(Caller c, Target t) {
        int uid = c.isHost() ? user.uid() : c.uid();
        int gid = c.isHost() ? user.gid() : c.gid();
        try {
            t.mount().backend().chown(t.rel(), uid, gid);
        } catch (ErrnoException e) {
            // Host-backed mounts may not allow changing ownership; the entry keeps the host's.
        }
    }

    private static ErrnoException wrap(ErrnoException e, String op, String path) {
        return e.path() != null && e.path().equals(path) ? e : new ErrnoException(e.errno(), op, path);
    }

    // ---- operations ----

    @Override
    public FileStat stat(Caller c, String path) {
        Target t = resolve(c, "stat", path, true);
        return existing(t, "stat");
    }

    @Override
    public FileStat lstat(Caller c, String path) {
        Target t = resolve(c, "lstat", path, false);
        return existing(t, "lstat");
    }

    @Override
    public List<DirEntry> readdir(Caller c, String path) {
        Target t = resolve(c, "scandir", path, true);
        FileStat st = existing(t, "scandir");
        if (!st.isDirectory()) {
            throw new ErrnoException(Errno.ENOTDIR, "scandir", path);
        }
        if (!allowed(c, st, R)) {
            throw new ErrnoException(Errno.EACCES, "scandir", path);
        }
        List<DirEntry> entries = t.mount().backend().readdir(t.rel());
        if (entries.size() > limits.maxReaddirEntries()) {
            throw new ErrnoException(Errno.ENOMEM, "scandir", path,
                    entries.size() + " entries exceed limits.resources.maxReaddirEntries=" + limits.maxReaddirEntries());
        }
        return entries;
    }

    @Override
    public VfsFile open(Caller c, String path, int flags, int mode) {
        int acc = flags & 3;
        boolean read = acc == Syscalls.O_RDONLY || acc == Syscalls.O_RDWR;
        boolean write = acc == Syscalls.O_WRONLY || acc == Syscalls.O_RDWR;
        boolean create = (flags & Syscalls.O_CREAT) != 0;
        boolean excl = create && (flags & Syscalls.O_EXCL) != 0;
        boolean trunc = write && (flags & Syscalls.O_TRUNC) != 0;
        boolean follow = (flags & Syscalls.O_NOFOLLOW) == 0 && !excl;
        Target t = resolve(c, "open", path, follow);
        FileStat st;
        try {
            st = t.mount().backend().lstat(t.rel());
        } catch (ErrnoException e) {
            if (e.errno() != Errno.ENOENT || !create) {
                throw wrap(e, "open", path);
            }
            mutable(c, t, "open", false);
            canChangeParent(c, t, "open", false);
            BackendFile f = t.mount().backend().open(t.rel(), new OpenFlags(read, true, true, true, false), mode & 07777);
            own(c, t);
            return new OpenFile(t.path(), f);
        }
        if (excl) {
            throw new ErrnoException(Errno.EEXIST, "open", path);
        }
        if (st.type() == FileType.SYMLINK) {
            throw new ErrnoException(Errno.ELOOP, "open", path);
        }
        if (st.isDirectory()) {
            if (write) {
                throw new ErrnoException(Errno.EISDIR, "open", path);
            }
            if (!allowed(c, st, R)) {
                throw new ErrnoException(Errno.EACCES, "open", path);
            }
            return new DirFile(t);
        }
        if ((flags & Syscalls.O_DIRECTORY) != 0) {
            throw new ErrnoException(Errno.ENOTDIR, "open", path);
        }
        if ((read && !allowed(c, st, R)) || (write && !allowed(c, st, W))) {
            throw new ErrnoException(Errno.EACCES, "open", path);
        }
        if (write) {
            mutable(c, t, "open", false);
        }
        try {
            return new OpenFile(t.path(), t.mount().backend().open(t.rel(), new OpenFlags(read, write, false, false, trunc), 0));
        } catch (ErrnoException e) {
            throw wrap(e, "open", path);
        }
    }

    @Override
    public void mkdir(Caller c, String path, int mode) {
        Target t = resolve(c, "mkdir", path, false);
        mutable(c, t, "mkdir", false);
        if (t.rel().isEmpty()) {
            throw new ErrnoException(Errno.EEXIST, "mkdir", path);
        }
        canChangeParent(c, t, "mkdir", false);
        try {
            t.mount().backend().mkdir(t.rel(), mode & 07777);
        } catch (ErrnoException e) {
            throw wrap(e, "mkdir", path);
        }
        own(c, t);
    }

    @Override
    public void rmdir(Caller c, String path) {
        Target t = resolve(c, "rmdir", path, false);
        if (t.rel().isEmpty()) {
            throw new ErrnoException(Errno.EBUSY, "rmdir", path, t.path().equals("/") ? "the root" : "a mount point");
        }
        mutable(c, t, "rmdir", true);
        canChangeParent(c, t, "rmdir", true);
        try {
            t.mount().backend().rmdir(t.rel());
        } catch (ErrnoException e) {
            throw wrap(e, "rmdir", path);
        }
    }

    @Override
    public void unlink(Caller c, String path) {
        Target t = resolve(c, "unlink", path, false);
        if (t.rel().isEmpty()) {
            throw new ErrnoException(t.path().equals("/") ? Errno.EISDIR : Errno.EBUSY, "unlink", path);
        }
        mutable(c, t, "unlink", true);
        canChangeParent(c, t, "unlink", true);
        try {
            t.mount().backend().unlink(t.rel());
        } catch (ErrnoException e) {
            throw wrap(e, "unlink", path);
        }
    }

    @Override
    public void rename(Caller c, String from, String to) {
        Target src = resolve(c, "rename", from, false);
        Target dst = resolve(c, "rename", to, false);
        if (src.mount() != dst.mount()) {
            throw new ErrnoException(Errno.EXDEV, "rename", from, "'" + to + "' is on another mount");
        }
        if (src.rel().isEmpty() || dst.rel().isEmpty()) {
            throw new ErrnoException(Errno.EBUSY, "rename", src.rel().isEmpty() ? from : to, "a mount point");
        }
        mutable(c, src, "rename", true);
        mutable(c, dst, "rename", true);
        canChangeParent(c, src, "rename", true);
        canChangeParent(c, dst, "rename", false);
        try {
            src.mount().backend().rename(src.rel(), dst.rel());
        } catch (ErrnoException e) {
            throw wrap(e, "rename", from);
        }
    }

    @Override
    public void symlink(Caller c, String target, String linkPath) {
        if (target.isEmpty()) {
            throw new ErrnoException(Errno.ENOENT, "symlink", linkPath, "empty target");
        }
        Target t = resolve(c, "symlink", linkPath, false);
        mutable(c, t, "symlink", false);
        canChangeParent(c, t, "symlink", false);
        try {
            t.mount().backend().symlink(target, t.rel());
        } catch (ErrnoException e) {
            throw wrap(e, "symlink", linkPath);
        }
        own(c, t);
    }

    @Override
    public String readlink(Caller c, String path) {
        Target t = resolve(c, "readlink", path, false);
        try {
            return t.mount().backend().readlink(t.rel());
        } catch (ErrnoException e) {
            throw wrap(e, "readlink", path);
        }
    }

    @Override
    public void link(Caller c, String existing, String newPath) {
        Target src = resolve(c, "link", existing, false);
        Target dst = resolve(c, "link", newPath, false);
        if (src.mount() != dst.mount()) {
            throw new ErrnoException(Errno.EXDEV, "link", existing, "'" + newPath + "' is on another mount");
        }
        existing(src, "link");
        mutable(c, src, "link", false);
        mutable(c, dst, "link", false);
        canChangeParent(c, dst, "link", false);
        try {
            src.mount().backend().link(src.rel(), dst.rel());
        } catch (ErrnoException e) {
            throw wrap(e, "link", existing);
        }
    }

    private void requireOwner(Caller c, FileStat st, String op, String path) {
        if (!c.isHost() && !c.isRoot() && c.uid() != st.uid()) {
            throw new ErrnoException(Errno.EPERM, op, path, "not the owner");
        }
    }

    @Override
    public void chmod(Caller c, String path, int mode) {
        Target t = resolve(c, "chmod", path, true);
        FileStat st = existing(t, "chmod");
        requireOwner(c, st, "chmod", path);
        mutable(c, t, "chmod", false);
        t.mount().backend().chmod(t.rel(), mode & 07777);
    }

    @Override
    public void chown(Caller c, String path, int uid, int gid) {
        Target t = resolve(c, "chown", path, true);
        FileStat st = existing(t, "chown");
        if (!c.isHost() && !c.isRoot()) {
            boolean sameUid = uid < 0 || uid == st.uid();
            boolean ownGroup = gid < 0 || gid == c.gid();
            if (c.uid() != st.uid() || !sameUid || !ownGroup) {
                throw new ErrnoException(Errno.EPERM, "chown", path);
            }
        }
        mutable(c, t, "chown", false);
        t.mount().backend().chown(t.rel(), uid, gid);
    }

    @Override
    public void utimes(Caller c, String path, long atimeMs, long mtimeMs) {
        Target t = resolve(c, "utimes", path, true);
        FileStat st = existing(t, "utimes");
        if (!c.isHost() && !c.isRoot() && c.uid() != st.uid() && !allowed(c, st, W)) {
            throw new ErrnoException(Errno.EACCES, "utimes", path);
        }
        mutable(c, t, "utimes", false);
        t.mount().backend().utimes(t.rel(), atimeMs, mtimeMs);
    }

    @Override
    public void truncate(Caller c, String path, long length) {
        if (length < 0) {
            throw new ErrnoException(Errno.EINVAL, "truncate", path);
        }
        try (VfsFile f = open(c, path, Syscalls.O_WRONLY, 0)) {
            f.truncate(length);
        }
    }

    @Override
    public String realpath(Caller c, String path) {
        Target t = resolve(c, "realpath", path, true);
        existing(t, "realpath");
        return t.path();
    }

    // ---- snapshots and accounting ----

    @Override
    public FilesystemSnapshot export(long maxBytes) {
        List<SnapshotEntry> entries = new ArrayList<>();
        long[] size = {0};
        exportDir(root.backend(), "", entries, size, maxBytes);
        return FilesystemSnapshot.of(entries);
    }

    private static void exportDir(FilesystemBackend fs, String dir, List<SnapshotEntry> out, long[] size, long maxBytes) {
        for (DirEntry e : fs.readdir(dir)) {
            String rel = dir.isEmpty() ? e.name() : dir + "/" + e.name();
            FileStat st = fs.lstat(rel);
            byte[] content = null;
            String target = null;
            if (st.type() == FileType.FILE) {
                content = Snapshots.readAll(fs, rel, st.size());
            } else if (st.type() == FileType.SYMLINK) {
                target = fs.readlink(rel);
            } else if (st.type() != FileType.DIRECTORY) {
                continue;
            }
            size[0] += Snapshots.serialisedSize(rel, content, target);
            if (size[0] > maxBytes) {
                throw new ErrnoException(Errno.EFBIG, "export", "/" + rel,
                        "the snapshot exceeds maxBytes=" + maxBytes + "; raise it or remove files first");
            }
            out.add(new SnapshotEntry("/" + rel, st.type(), st.mode(), st.uid(), st.gid(), content, target));
            if (st.type() == FileType.DIRECTORY) {
                exportDir(fs, rel, out, size, maxBytes);
            }
        }
    }

    @Override
    public long usedBytes() {
        return quota.bytes();
    }

    @Override
    public long usedInodes() {
        return quota.inodes();
    }

    @Override
    public void close() {
        List<Mount> all;
        synchronized (this) {
            all = mounts;
            mounts = List.of(root);
        }
        for (Mount m : all) {
            try {
                m.backend().flush();
            } catch (RuntimeException e) {
                // Disposal goes on: one mount failing to flush must not keep the others open.
            } finally {
                try {
                    m.backend().close();
                } catch (RuntimeException ignored) {
                    // as above
                }
            }
        }
    }

    @Override
    public String toString() {
        return "vfs of " + vmId;
    }

    // ---- open files ----

    private static final class OpenFile implements VfsFile {
        private final String path;
        private final BackendFile file;

        OpenFile(String path, BackendFile file) {
            this.path = path;
            this.file = file;
        }

        @Override
        public byte @org.jspecify.annotations.Nullable [] sharedContent() {
            return file.sharedContent();
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public int read(long position, byte[] buf, int off, int len) {
            return file.read(position, buf, off, len);
        }

        @Override
        public int write(long position, byte[] buf, int off, int len) {
            return file.write(position, buf, off, len);
        }

        @Override
        public long append(byte[] buf, int off, int len) {
            return file.append(buf, off, len);
        }

        @Override
        public long size() {
            return file.size();
        }

        @Override
        public void truncate(long length) {
            file.truncate(length);
        }

        @Override
        public FileStat stat() {
            return file.stat();
        }

        @Override
        public void sync() {
            file.sync();
        }

        @Override
        public void close() {
            file.close();
        }
    }

    /** An open directory: stat works, byte I/O is EISDIR (directories are listed by path). */
    private static final class DirFile implements VfsFile {
        private final Target target;

        DirFile(Target target) {
            this.target = target;
        }

        @Override
        public String path() {
            return target.path();
        }

        private ErrnoException isDir(String op) {
            return new ErrnoException(Errno.EISDIR, op, target.path());
        }

        @Override
        public int read(long position, byte[] buf, int off, int len) {
            throw isDir("read");
        }

        @Override
        public int write(long position, byte[] buf, int off, int len) {
            throw isDir("write");
        }

        @Override
        public long append(byte[] buf, int off, int len) {
            throw isDir("write");
        }

        @Override
        public long size() {
            return stat().size();
        }

        @Override
        public void truncate(long length) {
            throw isDir("ftruncate");
        }

        @Override
        public FileStat stat() {
            return target.mount().backend().lstat(target.rel());
        }

        @Override
        public void sync() {}

        @Override
        public void close() {}
    }
}
