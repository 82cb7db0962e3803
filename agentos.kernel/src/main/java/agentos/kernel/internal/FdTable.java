package agentos.kernel.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A process's file descriptors: lowest-free allocation, each fd pointing at a shared {@link OpenFile} with its own
 * close-on-exec flag, at most {@code maxFds} of them (EMFILE).
 */
final class FdTable {
    private final int maxFds;
    private OpenFile[] files = new OpenFile[8];
    private boolean[] cloexec = new boolean[8];

    FdTable(int maxFds) {
        this.maxFds = maxFds;
    }

    /** Installs {@code f} (whose reference the table takes over) at the lowest free fd >= {@code min}. */
    synchronized int install(OpenFile f, boolean closeOnExec, int min) {
        for (int fd = min; fd < maxFds; fd++) {
            if (fd >= files.length || files[fd] == null) {
                grow(fd);
                files[fd] = f;
                cloexec[fd] = closeOnExec;
                return fd;
            }
        }
        f.release();
        throw new ErrnoException(Errno.EMFILE, "open", null, "limit limits.resources.maxOpenFds=" + maxFds + " reached");
    }

    /** Installs {@code f} at exactly {@code fd}, closing what was there. */
    synchronized void installAt(int fd, OpenFile f, boolean closeOnExec) {
        if (fd < 0 || fd >= maxFds) {
            f.release();
            throw new ErrnoException(Errno.EBADF, "dup2", null, "fd " + fd + " is outside 0.." + (maxFds - 1));
        }
        grow(fd);
        OpenFile old = files[fd];
        files[fd] = f;
        cloexec[fd] = closeOnExec;
        if (old != null) {
            old.release();
        }
    }

    private void grow(int fd) {
        if (fd >= files.length) {
            int n = Math.min(maxFds, Math.max(fd + 1, files.length * 2));
            files = Arrays.copyOf(files, n);
            cloexec = Arrays.copyOf(cloexec, n);
        }
    }

    synchronized OpenFile get(int fd, String op) {
        if (fd < 0 || fd >= files.length || files[fd] == null) {
            throw new ErrnoException(Errno.EBADF, op, null, "fd " + fd + " is not open");
        }
        return files[fd];
    }

    /** Like {@link #get}, plus a reference the caller must release (so a concurrent close cannot free it mid-use). */
    synchronized OpenFile acquire(int fd, String op) {
        return get(fd, op).retain();
    }

    synchronized void close(int fd) {
        OpenFile f = get(fd, "close");
        files[fd] = null;
        cloexec[fd] = false;
        f.release();
    }

    synchronized int dup(int fd, int min, boolean closeOnExec) {
        OpenFile f = get(fd, "dup").retain();
        return install(f, closeOnExec, min);
    }

    synchronized int dup2(int fd, int newFd) {
        OpenFile f = get(fd, "dup2");
        if (fd == newFd) {
            return newFd;
        }
        installAt(newFd, f.retain(), false);
        return newFd;
    }

    synchronized boolean cloexec(int fd) {
        get(fd, "fcntl");
        return cloexec[fd];
    }

    synchronized void setCloexec(int fd, boolean value) {
        get(fd, "fcntl");
        cloexec[fd] = value;
    }

    synchronized int count() {
        int n = 0;
        for (OpenFile f : files) {
            if (f != null) {
                n++;
            }
        }
        return n;
    }

    /** A full copy (close-on-exec flags included), for applying posix_spawn file actions before the exec. */
    synchronized FdTable forkAll() {
        FdTable child = new FdTable(maxFds);
        for (int fd = 0; fd < files.length; fd++) {
            if (files[fd] != null) {
                child.installAt(fd, files[fd].retain(), cloexec[fd]);
            }
        }
        return child;
    }

    /** The exec step: closes every fd still marked close-on-exec. */
    void closeOnExec() {
        List<OpenFile> closing = new ArrayList<>();
        synchronized (this) {
            for (int fd = 0; fd < files.length; fd++) {
                if (files[fd] != null && cloexec[fd]) {
                    closing.add(files[fd]);
                    files[fd] = null;
                    cloexec[fd] = false;
                }
            }
        }
        closing.forEach(OpenFile::release);
    }

    /** The table a child starts with: every fd not marked close-on-exec, sharing the descriptions. */
    synchronized FdTable inherit() {
        FdTable child = new FdTable(maxFds);
        for (int fd = 0; fd < files.length; fd++) {
            if (files[fd] != null && !cloexec[fd]) {
                child.installAt(fd, files[fd].retain(), false);
            }
        }
        return child;
    }

    synchronized Map<Integer, String> describe() {
        Map<Integer, String> out = new TreeMap<>();
        for (int fd = 0; fd < files.length; fd++) {
            if (files[fd] != null) {
                out.put(fd, files[fd].describe());
            }
        }
        return out;
    }

    /** Closes every fd (process exit). */
    void closeAll() {
        List<OpenFile> open = new ArrayList<>();
        synchronized (this) {
            for (int fd = 0; fd < files.length; fd++) {
                if (files[fd] != null) {
                    open.add(files[fd]);
                    files[fd] = null;
                }
            }
        }
        for (OpenFile f : open) {
            f.release();
        }
    }
}
