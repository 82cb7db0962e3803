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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Linux-overlayfs semantics over one writable upper layer and frozen lowers (highest precedence first).
 * Whiteouts (deleted lower entries) and opaque directories (upper directories hiding lower content) are kept in
 * a metadata area of their own, so they never appear in the guest's tree. Changing a lower entry first copies it
 * (and its parent directories) up. Serialised by one lock: every operation may consult several layers.
 */
final class OverlayFs implements FilesystemBackend {
    private final MemoryFs upper;
    private final List<FilesystemBackend> lowers;
    private final Set<String> whiteouts = new HashSet<>();
    private final Set<String> opaque = new HashSet<>();
    private final Object lock = new Object();

    OverlayFs(MemoryFs upper, List<? extends FilesystemBackend> lowers) {
        this.upper = upper;
        this.lowers = List.copyOf(lowers);
    }

    // ---- visibility ----

    private static boolean exists(FilesystemBackend layer, String path) {
        try {
            layer.lstat(path);
            return true;
        } catch (ErrnoException e) {
            return false;
        }
    }

    /** Strict ancestors of {@code path}, root ("") first. */
    private static List<String> ancestors(String path) {
        List<String> out = new ArrayList<>();
        out.add("");
        int i = path.indexOf('/');
        while (i >= 0) {
            out.add(path.substring(0, i));
            i = path.indexOf('/', i + 1);
        }
        if (path.isEmpty()) {
            out.clear();
        }
        return out;
    }

    /** The layer whose entry is visible at {@code path}, or null. */
    private FilesystemBackend visibleLayer(String path) {
        if (exists(upper, path)) {
            return upper;
        }
        if (!lowerVisible(path)) {
            return null;
        }
        for (FilesystemBackend lower : lowers) {
            if (exists(lower, path)) {
                return lower;
            }
        }
        return null;
    }

    /** Whether lower entries at {@code path} may show through (no whiteout on it or above, no opaque ancestor). */
    private boolean lowerVisible(String path) {
        if (whiteouts.contains(path)) {
            return false;
        }
        for (String a : ancestors(path)) {
            if (whiteouts.contains(a) || opaque.contains(a)) {
                return false;
            }
        }
        return true;
    }

    private FilesystemBackend require(String op, String path) {
        FilesystemBackend layer = visibleLayer(path);
        if (layer == null) {
            throw new ErrnoException(Errno.ENOENT, op, "/" + path);
        }
        return layer;
    }

    private boolean inAnyLower(String path) {
        for (FilesystemBackend lower : lowers) {
            if (exists(lower, path)) {
                return true;
            }
        }
        return false;
    }

    // ---- copy-up ----

    private static String parent(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }

    /** Makes {@code path} (a visible directory) exist in the upper layer, with its lower metadata. */
    private void copyUpDir(String path) {
        if (path.isEmpty() || exists(upper, path)) {
            return;
        }
        copyUpDir(parent(path));
        FileStat st = require("copyup", path).lstat(path);
        if (st.type() != FileType.DIRECTORY) {
            throw new ErrnoException(Errno.ENOTDIR, "copyup", "/" + path);
        }
        upper.mkdir(path, st.mode());
        upper.setOwner(path, st.uid(), st.gid());
        upper.utimes(path, st.atimeMs(), st.mtimeMs());
    }

    /** Copies a visible non-directory entry (or, with {@code deep}, a whole directory tree) into the upper layer. */
    private void copyUp(String path, boolean deep) {
        if (exists(upper, path)) {
            if (deep && upper.lstat(path).isDirectory()) {
                for (DirEntry e : readdirLocked(path)) {
                    copyUp(child(path, e.name()), true);
                }
            }
            return;
        }
        FilesystemBackend from = require("copyup", path);
        copyUpDir(parent(path));
        FileStat st = from.lstat(path);
        switch (st.type()) {
            case DIRECTORY -> {
                copyUpDir(path);
                if (deep) {
                    for (DirEntry e : readdirLocked(path)) {
                        copyUp(child(path, e.name()), true);
                    }
                }
            }
            case SYMLINK -> upper.symlink(from.readlink(path), path);
            default -> {
                try (BackendFile in = from.open(path, OpenFlags.READ, 0);
                        BackendFile out = upper.open(path, OpenFlags.WRITE_CREATE_TRUNCATE, st.mode())) {
                    byte[] buf = new byte[64 * 1024];
                    long pos = 0;
                    int n;
                    while ((n = in.read(pos, buf, 0, buf.length)) > 0) {
                        out.write(pos, buf, 0, n);
                        pos += n;
                    }
                }
            }
        }
        if (st.type() != FileType.SYMLINK) {
            upper.chmod(path, st.mode());
        }
        upper.setOwner(path, st.uid(), st.gid());
        upper.utimes(path, st.atimeMs(), st.mtimeMs());
    }

    private static String child(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    /** Prepares the parent of a new entry in the upper layer; the parent must be a visible directory. */
    private void prepareParent(String op, String path) {
        String p = parent(path);
        FilesystemBackend layer = require(op, p);
        if (!layer.lstat(p).isDirectory()) {
            throw new ErrnoException(Errno.ENOTDIR, op, "/" + path);
        }
        copyUpDir(p);
    }

    /** After creating {@code path} in the upper layer: a directory over a deleted lower one hides its content. */
    private void created(String path, boolean dir) {
        boolean wasWhiteout = whiteouts.remove(path);
        if (dir && (wasWhiteout || inAnyLower(path))) {
            opaque.add(path);
        }
    }

    /** After removing {@code path} from the upper layer: hide what the lowers still have there. */
    private void removed(String path) {
        opaque.remove(path);
        whiteouts.removeIf(w -> w.startsWith(path + "/"));
        opaque.removeIf(o -> o.startsWith(path + "/"));
        if (lowerVisibleAfterRemoval(path)) {
            whiteouts.add(path);
        }
    }

    private boolean lowerVisibleAfterRemoval(String path) {
        return lowerVisible(path) && inAnyLower(path);
    }

    // ---- FilesystemBackend ----

    @Override
    public FileStat lstat(String path) {
        synchronized (lock) {
            return require("lstat", path).lstat(path);
        }
    }

    @Override
    public List<DirEntry> readdir(String path) {
        synchronized (lock) {
            return readdirLocked(path);
        }
    }

    private List<DirEntry> readdirLocked(String path) {
        FilesystemBackend top = require("scandir", path);
        if (!top.lstat(path).isDirectory()) {
            throw new ErrnoException(Errno.ENOTDIR, "scandir", "/" + path);
        }
        TreeMap<String, DirEntry> merged = new TreeMap<>();
        if (exists(upper, path)) {
            for (DirEntry e : upper.readdir(path)) {
                merged.put(e.name(), e);
            }
        }
        if (lowerVisible(path) && !opaque.contains(path)) {
            for (FilesystemBackend lower : lowers) {
                if (!exists(lower, path) || !lower.lstat(path).isDirectory()) {
                    continue;
                }
                for (DirEntry e : lower.readdir(path)) {
                    if (!whiteouts.contains(child(path, e.name()))) {
                        merged.putIfAbsent(e.name(), e);
                    }
                }
            }
        }
        return new ArrayList<>(merged.values());
    }

    @Override
    public BackendFile open(String path, OpenFlags flags, int mode) {
        synchronized (lock) {
            FilesystemBackend layer = visibleLayer(path);
            boolean mutating = flags.write() || flags.truncate();
            if (layer == null) {
                if (!flags.create()) {
                    throw new ErrnoException(Errno.ENOENT, "open", "/" + path);
                }
                prepareParent("open", path);
                BackendFile f = upper.open(path, flags, mode);
                created(path, false);
                return f;
            }
            if (flags.create() && flags.exclusive()) {
                throw new ErrnoException(Errno.EEXIST, "open", "/" + path);
            }
            if (layer != upper && mutating) {
                if (layer.lstat(path).isDirectory()) {
                    throw new ErrnoException(Errno.EISDIR, "open", "/" + path);
                }
                copyUp(path, false);
                return upper.open(path, flags, mode);
            }
            return layer.open(path, flags, mode);
        }
    }

    @Override
    public void mkdir(String path, int mode) {
        synchronized (lock) {
            if (visibleLayer(path) != null) {
                throw new ErrnoException(Errno.EEXIST, "mkdir", "/" + path);
            }
            prepareParent("mkdir", path);
            upper.mkdir(path, mode);
            created(path, true);
        }
    }

    @Override
    public void rmdir(String path) {
        synchronized (lock) {
            FilesystemBackend layer = require("rmdir", path);
            if (!layer.lstat(path).isDirectory()) {
                throw new ErrnoException(Errno.ENOTDIR, "rmdir", "/" + path);
            }
            if (!readdirLocked(path).isEmpty()) {
                throw new ErrnoException(Errno.ENOTEMPTY, "rmdir", "/" + path);
            }
            if (exists(upper, path)) {
                upper.rmdir(path);
            }
            removed(path);
        }
    }

    @Override
    public void unlink(String path) {
        synchronized (lock) {
            FilesystemBackend layer = require("unlink", path);
            if (layer.lstat(path).isDirectory()) {
                throw new ErrnoException(Errno.EISDIR, "unlink", "/" + path);
            }
            if (exists(upper, path)) {
                upper.unlink(path);
            }
            removed(path);
        }
    }

    @Override
    public void rename(String from, String to) {
        synchronized (lock) {
            FilesystemBackend src = require("rename", from);
            if (from.equals(to)) {
                return;
            }
            FileStat srcStat = src.lstat(from);
            if (srcStat.isDirectory() && (to + "/").startsWith(from + "/")) {
                throw new ErrnoException(Errno.EINVAL, "rename", "/" + from, "cannot move a directory into itself");
            }
            FilesystemBackend dst = visibleLayer(to);
            if (dst != null) {
                FileStat dstStat = dst.lstat(to);
                if (srcStat.isDirectory()) {
                    if (!dstStat.isDirectory()) {
                        throw new ErrnoException(Errno.ENOTDIR, "rename", "/" + to);
                    }
                    if (!readdirLocked(to).isEmpty()) {
                        throw new ErrnoException(Errno.ENOTEMPTY, "rename", "/" + to);
                    }
                } else if (dstStat.isDirectory()) {
                    throw new ErrnoException(Errno.EISDIR, "rename", "/" + to);
                }
            }
            prepareParent("rename", to);
            copyUp(from, true);
            if (dst != null && dst != upper) {
                // The upper layer has nothing at `to` yet; the rename below shadows the lower entry.
                whiteouts.remove(to);
            }
            upper.rename(from, to);
            removed(from);
            whiteouts.remove(to);
            if (srcStat.isDirectory() && inAnyLower(to)) {
                opaque.add(to);
            }
        }
    }

    @Override
    public void symlink(String target, String linkPath) {
        synchronized (lock) {
            if (visibleLayer(linkPath) != null) {
                throw new ErrnoException(Errno.EEXIST, "symlink", "/" + linkPath);
            }
            prepareParent("symlink", linkPath);
            upper.symlink(target, linkPath);
            created(linkPath, false);
        }
    }

    @Override
    public String readlink(String path) {
        synchronized (lock) {
            return require("readlink", path).readlink(path);
        }
    }

    @Override
    public void link(String existing, String newPath) {
        synchronized (lock) {
            FilesystemBackend layer = require("link", existing);
            if (layer.lstat(existing).isDirectory()) {
                throw new ErrnoException(Errno.EPERM, "link", "/" + existing, "hard links to directories are not allowed");
            }
            if (visibleLayer(newPath) != null) {
                throw new ErrnoException(Errno.EEXIST, "link", "/" + newPath);
            }
            copyUp(existing, false);
            prepareParent("link", newPath);
            upper.link(existing, newPath);
            created(newPath, false);
        }
    }

    /** Metadata changes copy the entry up first (directories without their content). */
    private void copyUpForMetadata(String op, String path) {
        FilesystemBackend layer = require(op, path);
        if (layer != upper) {
            if (layer.lstat(path).isDirectory()) {
                copyUpDir(path);
            } else {
                copyUp(path, false);
            }
        }
    }

    @Override
    public void chmod(String path, int mode) {
        synchronized (lock) {
            copyUpForMetadata("chmod", path);
            upper.chmod(path, mode);
        }
    }

    @Override
    public void chown(String path, int uid, int gid) {
        synchronized (lock) {
            copyUpForMetadata("chown", path);
            upper.chown(path, uid, gid);
        }
    }

    @Override
    public void utimes(String path, long atimeMs, long mtimeMs) {
        synchronized (lock) {
            copyUpForMetadata("utimes", path);
            upper.utimes(path, atimeMs, mtimeMs);
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
