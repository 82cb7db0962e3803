package agentos.vfs.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.fs.FilesystemSnapshot;
import agentos.api.fs.SnapshotEntry;
import agentos.api.spi.BackendFile;
import agentos.api.spi.FilesystemBackend;
import agentos.api.spi.OpenFlags;
import java.util.function.LongSupplier;

/** Root snapshots: reading file content for export, and building a frozen layer from exported entries. */
final class Snapshots {
    private Snapshots() {}

    static byte[] readAll(FilesystemBackend fs, String rel, long size) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new ErrnoException(Errno.EFBIG, "export", "/" + rel);
        }
        byte[] data = new byte[(int) size];
        try (BackendFile f = fs.open(rel, OpenFlags.READ, 0)) {
            int pos = 0;
            while (pos < data.length) {
                int n = f.read(pos, data, pos, data.length - pos);
                if (n <= 0) {
                    break;
                }
                pos += n;
            }
        }
        return data;
    }

    /** About what the entry costs as JSON on the wire: base64 content plus path, target and fixed fields. */
    static long serialisedSize(String path, byte[] content, String target) {
        long n = 96 + path.length();
        if (content != null) {
            n += (content.length + 2) / 3 * 4L;
        }
        if (target != null) {
            n += target.length();
        }
        return n;
    }

    /** A frozen layer holding the snapshot's entries; missing parents are created as 0755 root directories. */
    static MemoryFs toLayer(FilesystemSnapshot snapshot, LongSupplier clock) {
        MemoryFs fs = new MemoryFs(Quota.unlimited(), clock);
        for (SnapshotEntry e : snapshot.entries()) {
            if (!e.path().startsWith("/") || e.path().equals("/")) {
                continue;
            }
            String rel = agentos.api.fs.GuestPaths.requireCanonical("import", e.path()).substring(1);
            mkdirs(fs, parentOf(rel));
            switch (e.type()) {
                case DIRECTORY -> {
                    try {
                        fs.mkdir(rel, e.mode());
                    } catch (ErrnoException ex) {
                        if (ex.errno() != Errno.EEXIST) {
                            throw ex;
                        }
                        fs.chmod(rel, e.mode());
                    }
                }
                case SYMLINK -> fs.symlink(e.target() == null ? "" : e.target(), rel);
                case FILE -> {
                    byte[] content = e.content() == null ? new byte[0] : e.content();
                    try (BackendFile f = fs.open(rel, OpenFlags.WRITE_CREATE_TRUNCATE, e.mode())) {
                        f.write(0, content, 0, content.length);
                    }
                    fs.chmod(rel, e.mode());
                }
                default -> {
                    continue;
                }
            }
            fs.setOwner(rel, e.uid(), e.gid());
        }
        return fs.freeze();
    }

    private static String parentOf(String rel) {
        int i = rel.lastIndexOf('/');
        return i < 0 ? "" : rel.substring(0, i);
    }

    private static void mkdirs(MemoryFs fs, String rel) {
        if (rel.isEmpty()) {
            return;
        }
        mkdirs(fs, parentOf(rel));
        try {
            fs.mkdir(rel, 0755);
        } catch (ErrnoException e) {
            if (e.errno() != Errno.EEXIST) {
                throw e;
            }
        }
    }
}
