package agentos.exec.wasm.internal;

import agentos.api.Errno;
import java.util.EnumMap;
import java.util.Map;

/** Maps kernel errnos to WASI preview1 errno numbers (by name, never by message). */
final class WasiErrno {
    static final int SUCCESS = 0;
    static final int ACCES = 2;
    static final int AGAIN = 6;
    static final int BADF = 8;
    static final int CHILD = 12;
    static final int EXIST = 20;
    static final int FAULT = 21;
    static final int INTR = 27;
    static final int INVAL = 28;
    static final int IO = 29;
    static final int ISDIR = 31;
    static final int NAMETOOLONG = 37;
    static final int NOENT = 44;
    static final int NOSYS = 52;
    static final int NOTDIR = 54;
    static final int NOTSOCK = 57;
    static final int NOTSUP = 58;
    static final int PERM = 63;
    static final int NOTCAPABLE = 76;
    static final int SRCH = 71;

    private static final Map<Errno, Integer> CODES = new EnumMap<>(Errno.class);

    static {
        put(Errno.E2BIG, 1);
        put(Errno.EACCES, 2);
        put(Errno.EADDRINUSE, 3);
        put(Errno.EADDRNOTAVAIL, 4);
        put(Errno.EAGAIN, 6);
        put(Errno.EALREADY, 7);
        put(Errno.EBADF, 8);
        put(Errno.EBUSY, 10);
        put(Errno.ECANCELED, 11);
        put(Errno.ECHILD, 12);
        put(Errno.ECONNABORTED, 13);
        put(Errno.ECONNREFUSED, 14);
        put(Errno.ECONNRESET, 15);
        put(Errno.EDEADLK, 16);
        put(Errno.EEXIST, 20);
        put(Errno.EFAULT, 21);
        put(Errno.EFBIG, 22);
        put(Errno.EHOSTUNREACH, 23);
        put(Errno.EINPROGRESS, 26);
        put(Errno.EINTR, 27);
        put(Errno.EINVAL, 28);
        put(Errno.EIO, 29);
        put(Errno.EISCONN, 30);
        put(Errno.EISDIR, 31);
        put(Errno.ELOOP, 32);
        put(Errno.EMFILE, 33);
        put(Errno.EMLINK, 34);
        put(Errno.ENAMETOOLONG, 37);
        put(Errno.ENETUNREACH, 40);
        put(Errno.ENFILE, 41);
        put(Errno.ENOBUFS, 42);
        put(Errno.ENODEV, 43);
        put(Errno.ENOENT, 44);
        put(Errno.ENOEXEC, 45);
        put(Errno.ENOLCK, 46);
        put(Errno.ENOMEM, 48);
        put(Errno.ENOSPC, 51);
        put(Errno.ENOSYS, 52);
        put(Errno.ENOTCONN, 53);
        put(Errno.ENOTDIR, 54);
        put(Errno.ENOTEMPTY, 55);
        put(Errno.ENOTSUP, 58);
        put(Errno.ENOTTY, 59);
        put(Errno.ENXIO, 60);
        put(Errno.EOVERFLOW, 61);
        put(Errno.EPERM, 63);
        put(Errno.EPIPE, 64);
        put(Errno.ERANGE, 68);
        put(Errno.EROFS, 69);
        put(Errno.ESPIPE, 70);
        put(Errno.ESRCH, 71);
        put(Errno.ETIMEDOUT, 73);
        put(Errno.ETXTBSY, 74);
        put(Errno.EXDEV, 75);
        put(Errno.ESRCH, 71);
        put(Errno.EIO, 29);
    }

    private static void put(Errno e, int code) {
        CODES.put(e, code);
    }

    private WasiErrno() {}

    static int of(Errno e) {
        return CODES.getOrDefault(e, IO);
    }
}
