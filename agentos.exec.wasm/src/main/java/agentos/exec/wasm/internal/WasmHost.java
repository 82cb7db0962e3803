package agentos.exec.wasm.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.fs.DirEntry;
import agentos.api.fs.FileStat;
import agentos.api.fs.FileType;
import agentos.api.process.Signal;
import agentos.api.spi.GuestExit;
import agentos.api.spi.LaunchContext;
import agentos.api.spi.SignalAction;
import agentos.api.spi.SpawnRequest;
import agentos.api.spi.Syscalls;
import agentos.api.spi.TermMode;
import agentos.api.spi.WaitStatus;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The imports one WebAssembly process sees: WASI preview1 and Agent OS's {@code host_process}, {@code host_fs},
 * {@code host_user}, {@code host_tty} and {@code host_net}, all implemented over the kernel's {@link Syscalls}.
 * Imports are bound by the signature the module declares; an import this host does not provide (or provides with
 * another signature) fails the spawn with a message naming it.
 */
final class WasmHost {
    private static final long ALL_RIGHTS = 0x1FFFFFFFL;
    private static final long RIGHT_FD_READ = 1L << 1;
    private static final long RIGHT_FD_WRITE = 1L << 6;
    private static final long RIGHT_FD_READDIR = 1L << 14;
    private static final long RIGHT_FD_SEEK = 1L << 2;
    private static final long RIGHT_FD_TELL = 1L << 5;
    private static final long RIGHT_FD_ALLOCATE = 1L << 8;
    private static final long RIGHT_FD_FILESTAT_SET_SIZE = 1L << 22;
    private static final long RIGHT_FD_DATASYNC = 1L << 0;
    private static final long RIGHT_PATH_FILESTAT_SET_SIZE = 1L << 19;
    /** Rights that only make sense on a file's data; a directory never has them. */
    private static final long FILE_ONLY_RIGHTS = RIGHT_FD_READ | RIGHT_FD_WRITE | RIGHT_FD_SEEK | RIGHT_FD_TELL
            | RIGHT_FD_ALLOCATE | RIGHT_FD_FILESTAT_SET_SIZE | RIGHT_FD_DATASYNC;
    private static final long WRITE_RIGHTS = RIGHT_FD_WRITE | RIGHT_FD_ALLOCATE | RIGHT_FD_FILESTAT_SET_SIZE | RIGHT_FD_DATASYNC;

    /** One host function body: returns the (single) result, ignored for functions without results. */
    @FunctionalInterface
    interface Body {
        long call(Memory m, long[] a);
    }

    private record Binding(int params, List<ValType> results, Body body) {}

    /**
     * These binaries' libc looks for preopened directories from fd 0x40000003 upward (a separate numbering for
     * preopens). The preopens are real kernel fds; the guest sees them under these virtual numbers.
     */
    static final int PREOPEN_BASE = 0x40000003;

    private final Syscalls sys;
    private final Syscalls kernel;
    private final Map<Integer, Integer> virtualFds = new java.util.concurrent.ConcurrentHashMap<>();
    private final LaunchContext ctx;
    private final Map<String, Binding> bindings = new HashMap<>();
    private final Map<Integer, String> preopens = new LinkedHashMap<>();
    private final Map<Integer, String> preopenPaths = new HashMap<>();
    private final List<String> args;
    private List<String> environ;
    /** The module imports nothing but WASI preview1: a standard wasi-libc program, not one of upstream's. */
    private boolean plainWasi;
    /** Rights a guest narrowed with fd_fdstat_set_rights: fd → {base, inheriting}. */
    private final Map<Integer, long[]> narrowedRights = new java.util.concurrent.ConcurrentHashMap<>();
    /** The synchronous-I/O fdflags (DSYNC, RSYNC, SYNC) an fd was opened or set with; every write is durable anyway. */
    private final Map<Integer, Integer> syncFlags = new java.util.concurrent.ConcurrentHashMap<>();
    private int umask = 022;
    private int pendingOpenMode = -1;
    private long signalMask;

    WasmHost(LaunchContext ctx) {
        this.ctx = ctx;
        this.kernel = ctx.syscalls();
        this.sys = fdMapping(kernel);
        this.args = ctx.argv();
        this.environ = environ(true);
        bindWasi();
        bindHostProcess();
        bindHostFs();
        bindHostUser();
        bindHostTty();
        bindHostNet();
    }

    /**
     * Opens the preopened directories, close-on-exec so children open their own, and shows them at
     * {@link #PREOPEN_BASE} and up.
     */
    void openPreopens() {
        if (plainWasi) {
            // Standard wasi-libc scans fd_prestat_get from fd 3 upward until EBADF: one "/" preopen at the lowest
            // free fd, a real kernel fd, so absolute and relative paths resolve in the VM as usual.
            try {
                int fd = kernel.open("/", Syscalls.O_RDONLY | Syscalls.O_DIRECTORY | Syscalls.O_CLOEXEC, 0);
                preopens.put(fd, "/");
                preopenPaths.put(fd, "/");
            } catch (ErrnoException e) {
                // root unreadable for this user: the program runs without a preopen
            }
            return;
        }
        // This libc resolves a path against the preopen with the longest matching name, and resolves relative paths
        // against its own cwd (from PWD) first. One preopen per top-level directory lets absolute paths find
        // theirs; "/" covers the root itself. (A "." preopen would win ties with "/" and break `ls /`.)
        int next = PREOPEN_BASE;
        for (DirEntry e : kernel.readdir("/")) {
            if (e.isDirectory()) {
                next = preopen(next, "/" + e.name(), "/" + e.name());
            }
        }
        preopen(next, "/", "/");
    }

    private int preopen(int virtualFd, String path, String name) {
        try {
            int real = kernel.open(path, Syscalls.O_RDONLY | Syscalls.O_DIRECTORY | Syscalls.O_CLOEXEC, 0);
            virtualFds.put(virtualFd, real);
            preopens.put(virtualFd, name);
            preopenPaths.put(virtualFd, path);
            return virtualFd + 1;
        } catch (ErrnoException e) {
            return virtualFd; // unreadable for this user (e.g. /root): no preopen
        }
    }

    private static final java.util.Set<String> FD_FIRST = java.util.Set.of("read", "write", "pread", "pwrite", "seek",
            "close", "fstat", "ftruncate", "fsync", "fcntlGetFlags", "fcntlSetFlags", "dup", "dupMin", "dup2", "isatty", "fdPath",
            "readdirFd", "flock", "tcgetattr", "tcsetattr", "tcgetwinsize", "tcsetwinsize", "tcsetpgrp");

    /** The kernel's Syscalls with the virtual preopen fds translated to the kernel fds behind them. */
    private Syscalls fdMapping(Syscalls target) {
        return (Syscalls) java.lang.reflect.Proxy.newProxyInstance(Syscalls.class.getClassLoader(),
                new Class<?>[] {Syscalls.class}, (proxy, method, args) -> {
                    if (args != null && args.length > 0 && args[0] instanceof Integer v && FD_FIRST.contains(method.getName())) {
                        Integer real = virtualFds.get(v);
                        if (real != null) {
                            args[0] = real;
                            if (method.getName().equals("close")) {
                                virtualFds.remove(v);
                            }
                        }
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    // ---- binding ----

    private static final List<ValType> I32 = List.of(ValType.I32);
    private static final List<ValType> I64 = List.of(ValType.I64);
    private static final List<ValType> NONE = List.of();

    private void fn(String module, String name, int params, Body body) {
        bindings.put(module + "." + name + "/" + params, new Binding(params, I32, body));
    }

    private void fn64(String module, String name, int params, Body body) {
        bindings.put(module + "." + name + "/" + params, new Binding(params, I64, body));
    }

    private void fnVoid(String module, String name, int params, Body body) {
        bindings.put(module + "." + name + "/" + params, new Binding(params, NONE, body));
    }

    private List<String> environ(boolean withPwd) {
        List<String> env = new ArrayList<>();
        ctx.env().forEach((k, v) -> env.add(k + "=" + v));
        // Upstream's libc takes its cwd from PWD; a standard program sees exactly the environment it was given.
        if (withPwd && !ctx.env().containsKey("PWD")) {
            env.add("PWD=" + ctx.cwd());
        }
        return env;
    }

    /** Host functions for every function the module imports, or an exception naming the first one we lack. */
    ImportValues imports(WasmModule module) {
        plainWasi = true;
        for (int i = 0; i < module.importSection().importCount(); i++) {
            if (!module.importSection().getImport(i).module().equals("wasi_snapshot_preview1")) {
                plainWasi = false;
            }
        }
        if (plainWasi) {
            environ = environ(false);
        }
        List<ImportFunction> fns = new ArrayList<>();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imp = module.importSection().getImport(i);
            if (!(imp instanceof FunctionImport fi)) {
                throw new IllegalStateException("imports " + imp.module() + "." + imp.name() + " (" + imp.importType()
                        + "), but this executor provides only functions");
            }
            FunctionType type = module.typeSection().getType(fi.typeIndex());
            Binding b = bindings.get(imp.module() + "." + imp.name() + "/" + type.params().size());
            if (b == null || !b.results().equals(type.returns())) {
                throw new IllegalStateException("imports " + imp.module() + "." + imp.name() + " " + type
                        + ", which this WebAssembly executor does not provide");
            }
            Body body = b.body();
            boolean hasResult = !type.returns().isEmpty();
            String label = imp.module() + "." + imp.name();
            fns.add(new HostFunction(imp.module(), imp.name(), type, (Instance inst, long... a) -> {
                long r = invoke(body, inst.memory(), a);
                if (TRACE) {
                    System.err.println("[wasm " + sys.pid() + "] " + label + java.util.Arrays.toString(a) + " -> " + r
                            + describe(inst.memory(), label, a));
                }
                return hasResult ? new long[] {r} : null;
            }));
        }
        return ImportValues.builder().withFunctions(fns).build();
    }

    /** Traces every host call to stderr when the JVM runs with -Dagentos.wasm.trace=true (debugging aid). */
    private static final boolean TRACE = Boolean.getBoolean("agentos.wasm.trace");

    private static String describe(Memory m, String label, long[] a) {
        try {
            return switch (label) {
                case "wasi_snapshot_preview1.path_open", "wasi_snapshot_preview1.path_filestat_get" ->
                        " path=" + Mem.str(m, a[2], a[3]);
                case "wasi_snapshot_preview1.path_create_directory", "wasi_snapshot_preview1.path_unlink_file",
                        "wasi_snapshot_preview1.path_remove_directory", "wasi_snapshot_preview1.path_readlink" ->
                        " path=" + Mem.str(m, a[1], a[2]);
                case "host_fs.path_mode", "host_fs.path_size" -> " path=" + Mem.str(m, a[1], a[2]);
                case "host_net.net_poll" -> {
                    StringBuilder sb = new StringBuilder(" ready=" + Mem.i32(m, a[3]));
                    for (int i = 0; i < a[1]; i++) {
                        sb.append(" {fd=").append(Mem.i32(m, a[0] + i * 8L)).append(" ev=0x")
                                .append(Integer.toHexString(m.readShort((int) (a[0] + i * 8L + 4)) & 0xffff)).append(" rev=0x")
                                .append(Integer.toHexString(m.readShort((int) (a[0] + i * 8L + 6)) & 0xffff)).append('}');
                    }
                    yield sb.toString();
                }
                case "host_net.net_connect", "host_net.net_bind" -> " addr=" + Mem.str(m, a[1], a[2]);
                case "host_process.proc_spawn_v3" -> " exec=" + Mem.str(m, a[0], a[1]) + " argv="
                        + nulSeparated(bytes(m, a[2], a[3])) + " cwd=" + Mem.str(m, a[8], a[9]);
                default -> "";
            };
        } catch (RuntimeException e) {
            return "";
        }
    }

    private long invoke(Body body, Memory m, long[] a) {
        try {
            return body.call(m, a);
        } catch (ErrnoException e) {
            return WasiErrno.of(e.errno());
        } catch (GuestExit e) {
            throw e;
        } catch (NotCapable e) {
            return WasiErrno.NOTCAPABLE;
        } catch (IndexOutOfBoundsException e) {
            return WasiErrno.FAULT;
        } catch (RuntimeException e) {
            if (e.getClass().getName().startsWith("com.dylibso.chicory")) {
                return WasiErrno.FAULT;
            }
            throw e;
        }
    }

    // ---- helpers ----

    private static byte[] bytes(Memory m, long ptr, long len) {
        return m.readBytes((int) ptr, (int) len);
    }

    private static List<String> nulSeparated(byte[] b) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= b.length; i++) {
            if (i == b.length || b[i] == 0) {
                if (i > start) {
                    out.add(new String(b, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** A guest path relative to directory fd {@code dirfd} (absolute paths stay absolute). */
    private String at(int dirfd, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        String base = preopenPaths.get(dirfd);
        if (base == null) {
            try {
                base = sys.fdPath(dirfd);
            } catch (ErrnoException e) {
                base = sys.getcwd();
            }
        }
        if (path.isEmpty() || path.equals(".")) {
            return base;
        }
        return base.endsWith("/") ? base + path : base + "/" + path;
    }

    private static int filetype(FileType t) {
        return switch (t) {
            case DIRECTORY -> 3;
            case FILE -> 4;
            case SYMLINK -> 7;
            case CHARACTER_DEVICE -> 2;
            case SOCKET -> 6;
            case FIFO -> 0;
        };
    }

    private static int typeBits(FileType t) {
        return switch (t) {
            case DIRECTORY -> 0040000;
            case FILE -> 0100000;
            case SYMLINK -> 0120000;
            case CHARACTER_DEVICE -> 0020000;
            case FIFO -> 0010000;
            case SOCKET -> 0140000;
        };
    }

    private static void filestat(Memory m, long ptr, FileStat st) {
        Mem.u64(m, ptr, 1);
        Mem.u64(m, ptr + 8, st.ino());
        Mem.u8(m, ptr + 16, filetype(st.type()));
        Mem.u64(m, ptr + 24, st.nlink());
        Mem.u64(m, ptr + 32, st.size());
        Mem.u64(m, ptr + 40, st.atimeMs() * 1_000_000L);
        Mem.u64(m, ptr + 48, st.mtimeMs() * 1_000_000L);
        Mem.u64(m, ptr + 56, st.ctimeMs() * 1_000_000L);
    }

    private static int openFlags(long rightsBase, int oflags, int fdflags, boolean follow) {
        boolean read = (rightsBase & (RIGHT_FD_READ | RIGHT_FD_READDIR)) != 0;
        boolean write = (rightsBase & RIGHT_FD_WRITE) != 0;
        int f = read && write ? Syscalls.O_RDWR : write ? Syscalls.O_WRONLY : Syscalls.O_RDONLY;
        if ((oflags & 1) != 0) {
            f |= Syscalls.O_CREAT;
        }
        if ((oflags & 2) != 0) {
            f |= Syscalls.O_DIRECTORY;
        }
        if ((oflags & 4) != 0) {
            f |= Syscalls.O_EXCL;
        }
        if ((oflags & 8) != 0) {
            f |= Syscalls.O_TRUNC;
        }
        if ((fdflags & 1) != 0) {
            f |= Syscalls.O_APPEND;
        }
        if ((fdflags & 4) != 0) {
            f |= Syscalls.O_NONBLOCK;
        }
        if (!follow) {
            f |= Syscalls.O_NOFOLLOW;
        }
        return f;
    }

    private int createMode() {
        int mode = pendingOpenMode >= 0 ? pendingOpenMode : 0666;
        pendingOpenMode = -1;
        return mode & ~umask & 07777;
    }

    // ---- wasi_snapshot_preview1 ----

    private void bindWasi() {
        String w = "wasi_snapshot_preview1";
        fn(w, "args_sizes_get", 2, (m, a) -> sizes(m, a, args));
        fn(w, "args_get", 2, (m, a) -> strings(m, a, args));
        fn(w, "environ_sizes_get", 2, (m, a) -> sizes(m, a, environ));
        fn(w, "environ_get", 2, (m, a) -> strings(m, a, environ));
        fn(w, "clock_res_get", 2, (m, a) -> {
            Mem.u64(m, a[1], 1_000L);
            return 0;
        });
        fn(w, "clock_time_get", 3, (m, a) -> {
            long now = (int) a[0] == 0 ? sys.clockRealtimeNanos() : sys.clockMonotonicNanos();
            Mem.u64(m, a[2], now);
            return 0;
        });
        fn(w, "fd_write", 4, (m, a) -> {
            fileOnly((int) a[0]);
            require((int) a[0], RIGHT_FD_WRITE);
            byte[] data = gather(m, a[1], (int) a[2]);
            int done = 0;
            while (done < data.length) {
                int n = sys.write((int) a[0], data, done, data.length - done);
                if (n <= 0) {
                    break;
                }
                done += n;
            }
            Mem.u32(m, a[3], done);
            return 0;
        });
        fn(w, "fd_pwrite", 5, (m, a) -> {
            fileOnly((int) a[0]);
            require((int) a[0], RIGHT_FD_WRITE);
            byte[] data = gather(m, a[1], (int) a[2]);
            Mem.u32(m, a[4], sys.pwrite((int) a[0], data, 0, data.length, a[3]));
            return 0;
        });
        fn(w, "fd_read", 4, (m, a) -> {
            fileOnly((int) a[0]);
            require((int) a[0], RIGHT_FD_READ);
            int total = iovTotal(m, a[1], (int) a[2]);
            byte[] buf = new byte[total];
            int n = total == 0 ? 0 : sys.read((int) a[0], buf, 0, total);
            scatter(m, a[1], (int) a[2], buf, Math.max(n, 0));
            Mem.u32(m, a[3], Math.max(n, 0));
            return 0;
        });
        fn(w, "fd_pread", 5, (m, a) -> {
            fileOnly((int) a[0]);
            require((int) a[0], RIGHT_FD_READ);
            int total = iovTotal(m, a[1], (int) a[2]);
            byte[] buf = new byte[total];
            int n = sys.pread((int) a[0], buf, 0, total, a[3]);
            scatter(m, a[1], (int) a[2], buf, Math.max(n, 0));
            Mem.u32(m, a[4], Math.max(n, 0));
            return 0;
        });
        fn(w, "fd_close", 1, (m, a) -> {
            sys.close((int) a[0]);
            forget((int) a[0]);
            return 0;
        });
        fn(w, "fd_seek", 4, (m, a) -> {
            fileOnly((int) a[0]);
            Mem.u64(m, a[3], sys.seek((int) a[0], a[1], (int) a[2]));
            return 0;
        });
        fn(w, "fd_tell", 2, (m, a) -> {
            fileOnly((int) a[0]);
            Mem.u64(m, a[1], sys.seek((int) a[0], 0, Syscalls.SEEK_CUR));
            return 0;
        });
        fn(w, "fd_sync", 1, (m, a) -> {
            fileOnly((int) a[0]);
            sys.fsync((int) a[0]);
            return 0;
        });
        fn(w, "fd_datasync", 1, (m, a) -> {
            fileOnly((int) a[0]);
            sys.fsync((int) a[0]);
            return 0;
        });
        fn(w, "fd_advise", 4, (m, a) -> {
            fileOnly((int) a[0]);
            return 0;
        });
        fn(w, "fd_allocate", 3, (m, a) -> {
            fileOnly((int) a[0]);
            int fd = (int) a[0];
            long end = a[1] + a[2];
            if (sys.fstat(fd).size() < end) {
                sys.ftruncate(fd, end);
            }
            return 0;
        });
        fn(w, "fd_fdstat_get", 2, (m, a) -> {
            int fd = (int) a[0];
            FileStat st = sys.fstat(fd);
            int flags = sys.fcntlGetFlags(fd);
            int type = sys.isatty(fd) ? 2 : st.type() == FileType.FIFO && fd <= 2 ? 2 : filetype(st.type());
            Mem.u8(m, a[1], type);
            Mem.u16(m, a[1] + 2, ((flags & Syscalls.O_APPEND) != 0 ? 1 : 0) | ((flags & Syscalls.O_NONBLOCK) != 0 ? 4 : 0)
                    | syncFlags.getOrDefault(fd, 0));
            long[] rights = rights(fd, st, flags);
            Mem.u64(m, a[1] + 8, rights[0]);
            Mem.u64(m, a[1] + 16, rights[1]);
            return 0;
        });
        fn(w, "fd_fdstat_set_flags", 2, (m, a) -> {
            fileOnly((int) a[0]);
            int fd = (int) a[0];
            int cur = sys.fcntlGetFlags(fd) & Syscalls.O_CLOEXEC;
            int f = cur | ((a[1] & 1) != 0 ? Syscalls.O_APPEND : 0) | ((a[1] & 4) != 0 ? Syscalls.O_NONBLOCK : 0);
            sys.fcntlSetFlags(fd, f);
            syncFlags.put(fd, (int) a[1] & 0x1a);
            return 0;
        });
        fn(w, "fd_fdstat_set_rights", 3, (m, a) -> {
            int fd = (int) a[0];
            long[] cur = rights(fd, sys.fstat(fd), sys.fcntlGetFlags(fd));
            if ((a[1] & ~cur[0]) != 0 || (a[2] & ~cur[1]) != 0) {
                return WasiErrno.NOTCAPABLE; // rights only shrink
            }
            narrowedRights.put(fd, new long[] {a[1], a[2]});
            return 0;
        });
        fn(w, "fd_filestat_get", 2, (m, a) -> {
            filestat(m, a[1], sys.fstat((int) a[0]));
            return 0;
        });
        fn(w, "fd_filestat_set_size", 2, (m, a) -> {
            fileOnly((int) a[0]);
            require((int) a[0], RIGHT_FD_FILESTAT_SET_SIZE);
            sys.ftruncate((int) a[0], a[1]);
            return 0;
        });
        fn(w, "fd_filestat_set_times", 4, (m, a) -> {
            String p = sys.fdPath((int) a[0]);
            setTimes(p, a[1], a[2], (int) a[3]);
            return 0;
        });
        fn(w, "fd_prestat_get", 2, (m, a) -> {
            String name = preopens.get((int) a[0]);
            if (name == null) {
                return WasiErrno.BADF;
            }
            Mem.u8(m, a[1], 0);
            Mem.u32(m, a[1] + 4, name.getBytes(StandardCharsets.UTF_8).length);
            return 0;
        });
        fn(w, "fd_prestat_dir_name", 3, (m, a) -> {
            String name = preopens.get((int) a[0]);
            if (name == null) {
                return WasiErrno.BADF;
            }
            byte[] b = name.getBytes(StandardCharsets.UTF_8);
            if (a[2] < b.length) {
                return WasiErrno.NAMETOOLONG;
            }
            m.write((int) a[1], b, 0, b.length);
            return 0;
        });
        fn(w, "fd_readdir", 5, this::fdReaddir);
        fn(w, "fd_renumber", 2, (m, a) -> {
            int from = (int) a[0];
            int to = (int) a[1];
            sys.fstat(to); // EBADF unless both are open
            if (from == to) {
                sys.fstat(from);
                return 0;
            }
            sys.dup2(from, to);
            sys.close(from);
            forget(to);
            String name = preopens.remove(from);
            String path = preopenPaths.remove(from);
            if (name != null && path != null) {
                preopens.put(to, name);
                preopenPaths.put(to, path);
            }
            long[] rights = narrowedRights.remove(from);
            if (rights != null) {
                narrowedRights.put(to, rights);
            }
            Integer sync = syncFlags.remove(from);
            if (sync != null) {
                syncFlags.put(to, sync);
            }
            return 0;
        });
        fn(w, "path_open", 9, (m, a) -> {
            String p = at((int) a[0], Mem.str(m, a[2], a[3]));
            int flags = openFlags(a[5], (int) a[4], (int) a[7], (a[1] & 1) != 0);
            if ((flags & Syscalls.O_TRUNC) != 0) {
                require((int) a[0], RIGHT_PATH_FILESTAT_SET_SIZE);
            }
            int fd = sys.open(p, flags, createMode());
            forget(fd);
            if (((int) a[7] & 0x1a) != 0) {
                syncFlags.put(fd, (int) a[7] & 0x1a);
            }
            long[] granted = rights(fd, sys.fstat(fd), sys.fcntlGetFlags(fd));
            if ((a[5] & granted[0]) != granted[0] || (a[6] & granted[1]) != granted[1]) {
                narrowedRights.put(fd, new long[] {a[5] & granted[0], a[6] & granted[1]});
            }
            Mem.u32(m, a[8], fd);
            return 0;
        });
        fn(w, "path_filestat_get", 5, (m, a) -> {
            String p = at((int) a[0], Mem.str(m, a[2], a[3]));
            filestat(m, a[4], (a[1] & 1) != 0 ? sys.stat(p) : sys.lstat(p));
            return 0;
        });
        fn(w, "path_filestat_set_times", 7, (m, a) -> {
            setTimes(at((int) a[0], Mem.str(m, a[2], a[3])), a[4], a[5], (int) a[6]);
            return 0;
        });
        fn(w, "path_create_directory", 3, (m, a) -> {
            sys.mkdir(at((int) a[0], Mem.str(m, a[1], a[2])), 0777 & ~umask);
            return 0;
        });
        fn(w, "path_remove_directory", 3, (m, a) -> {
            sys.rmdir(at((int) a[0], Mem.str(m, a[1], a[2])));
            return 0;
        });
        fn(w, "path_unlink_file", 3, (m, a) -> {
            String p = at((int) a[0], Mem.str(m, a[1], a[2]));
            if (p.length() > 1 && p.endsWith("/")) {
                return isDirectory(p, false) ? WasiErrno.ISDIR : exists(p) ? WasiErrno.NOTDIR : WasiErrno.NOENT;
            }
            sys.unlink(p);
            return 0;
        });
        fn(w, "path_rename", 6, (m, a) -> {
            sys.rename(at((int) a[0], Mem.str(m, a[1], a[2])), at((int) a[3], Mem.str(m, a[4], a[5])));
            return 0;
        });
        fn(w, "path_link", 7, (m, a) -> {
            String from = at((int) a[0], Mem.str(m, a[2], a[3]));
            String to = at((int) a[4], Mem.str(m, a[5], a[6]));
            if (from.length() > 1 && from.endsWith("/") && exists(from) && !isDirectory(from, false)) {
                return WasiErrno.NOTDIR;
            }
            if (to.length() > 1 && to.endsWith("/")) {
                return exists(to) ? WasiErrno.EXIST : WasiErrno.NOENT;
            }
            sys.link(from, to);
            return 0;
        });
        fn(w, "path_symlink", 5, (m, a) -> {
            String link = at((int) a[2], Mem.str(m, a[3], a[4]));
            if (link.length() > 1 && link.endsWith("/")) {
                return exists(link) ? WasiErrno.EXIST : WasiErrno.NOENT;
            }
            sys.symlink(Mem.str(m, a[0], a[1]), link);
            return 0;
        });
        fn(w, "path_readlink", 6, (m, a) -> {
            byte[] target = sys.readlink(at((int) a[0], Mem.str(m, a[1], a[2]))).getBytes(StandardCharsets.UTF_8);
            int n = (int) Math.min(target.length, a[4]);
            m.write((int) a[3], target, 0, n);
            Mem.u32(m, a[5], n);
            return 0;
        });
        fn(w, "poll_oneoff", 4, this::pollOneoff);
        fnVoid(w, "proc_exit", 1, (m, a) -> {
            throw new GuestExit((int) a[0]);
        });
        fn(w, "proc_raise", 1, (m, a) -> {
            sys.kill(sys.pid(), signal((int) a[0]));
            return 0;
        });
        fn(w, "sched_yield", 0, (m, a) -> {
            Thread.yield();
            return 0;
        });
        fn(w, "random_get", 2, (m, a) -> {
            byte[] b = new byte[(int) a[1]];
            sys.randomBytes(b);
            m.write((int) a[0], b);
            return 0;
        });
        for (String sock : List.of("sock_accept/3", "sock_recv/6", "sock_send/5", "sock_shutdown/2")) {
            String[] p = sock.split("/");
            fn(w, p[0], Integer.parseInt(p[1]), (m, a) -> {
                sys.fstat((int) a[0]); // EBADF for a closed fd, before "not a socket"
                return WasiErrno.NOTSOCK;
            });
        }
    }

    private long sizes(Memory m, long[] a, List<String> list) {
        long bytes = 0;
        for (String s : list) {
            bytes += s.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        Mem.u32(m, a[0], list.size());
        Mem.u32(m, a[1], bytes);
        return 0;
    }

    private long strings(Memory m, long[] a, List<String> list) {
        long ptr = a[0];
        long buf = a[1];
        for (String s : list) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            Mem.u32(m, ptr, buf);
            m.write((int) buf, b);
            Mem.u8(m, buf + b.length, 0);
            ptr += 4;
            buf += b.length + 1;
        }
        return 0;
    }

    private static byte[] gather(Memory m, long iovs, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            int ptr = Mem.i32(m, iovs + i * 8L);
            int len = Mem.i32(m, iovs + i * 8L + 4);
            if (len > 0) {
                out.writeBytes(m.readBytes(ptr, len));
            }
        }
        return out.toByteArray();
    }

    private static int iovTotal(Memory m, long iovs, int count) {
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += Integer.toUnsignedLong(Mem.i32(m, iovs + i * 8L + 4));
        }
        return (int) Math.min(total, 16L << 20);
    }

    private static void scatter(Memory m, long iovs, int count, byte[] data, int n) {
        int off = 0;
        for (int i = 0; i < count && off < n; i++) {
            int ptr = Mem.i32(m, iovs + i * 8L);
            int len = Mem.i32(m, iovs + i * 8L + 4);
            int k = Math.min(len, n - off);
            m.write(ptr, data, off, k);
            off += k;
        }
    }

    private void setTimes(String path, long atimNs, long mtimNs, int flags) {
        if ((flags & 3) == 3 || (flags & 12) == 12 || (flags & ~15) != 0) {
            throw new ErrnoException(Errno.EINVAL, "utimes", path, "both a time and NOW given");
        }
        FileStat st = sys.stat(path);
        long now = System.currentTimeMillis();
        long at = (flags & 2) != 0 ? now : (flags & 1) != 0 ? atimNs / 1_000_000L : st.atimeMs();
        long mt = (flags & 8) != 0 ? now : (flags & 4) != 0 ? mtimNs / 1_000_000L : st.mtimeMs();
        sys.utimes(path, at, mt);
    }

    /** What fd may do: by file type and open mode, narrowed by fd_fdstat_set_rights; returns {base, inheriting}. */
    private long[] rights(int fd, FileStat st, int flags) {
        long[] narrowed = narrowedRights.get(fd);
        if (narrowed != null) {
            return narrowed;
        }
        if (st.type() == FileType.DIRECTORY) {
            return new long[] {ALL_RIGHTS & ~FILE_ONLY_RIGHTS | RIGHT_FD_READDIR, ALL_RIGHTS};
        }
        long base = ALL_RIGHTS & ~FILE_ONLY_RIGHTS & ~RIGHT_FD_READDIR | RIGHT_FD_SEEK | RIGHT_FD_TELL;
        int access = flags & 3;
        if (access != Syscalls.O_WRONLY) {
            base |= RIGHT_FD_READ;
        }
        if (access != Syscalls.O_RDONLY) {
            base |= WRITE_RIGHTS;
        }
        return new long[] {base, ALL_RIGHTS};
    }

    /** ENOTCAPABLE if the guest narrowed fd's rights below {@code right} (unnarrowed fds follow the kernel's checks). */
    private void require(int fd, long right) {
        long[] narrowed = narrowedRights.get(fd);
        if (narrowed != null && (narrowed[0] & right) == 0) {
            throw new NotCapable();
        }
    }

    /** A WASI rights check failed; reported as ENOTCAPABLE, which has no kernel errno. */
    private static final class NotCapable extends RuntimeException {
        NotCapable() {
            super(null, null, false, false);
        }
    }

    /** WASI gives a directory fd no data rights: file operations on one are EBADF. */
    private void fileOnly(int fd) {
        if (sys.fstat(fd).type() == FileType.DIRECTORY) {
            throw new ErrnoException(Errno.EBADF, "fd", null, "a directory");
        }
    }

    private void forget(int fd) {
        preopens.remove(fd);
        preopenPaths.remove(fd);
        narrowedRights.remove(fd);
        syncFlags.remove(fd);
    }

    private boolean isDirectory(String path, boolean follow) {
        try {
            return (follow ? sys.stat(path) : sys.lstat(path)).type() == FileType.DIRECTORY;
        } catch (ErrnoException e) {
            return false;
        }
    }

    private boolean exists(String path) {
        try {
            sys.lstat(path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path);
            return true;
        } catch (ErrnoException e) {
            return false;
        }
    }

    private long inode(String path) {
        try {
            return sys.lstat(path).ino();
        } catch (ErrnoException e) {
            return (path.hashCode() & 0x7fffffffL) + 2;
        }
    }

    private long fdReaddir(Memory m, long[] a) {
        int fd = (int) a[0];
        long buf = a[1];
        long bufLen = a[2];
        long cookie = a[3];
        List<DirEntry> entries = new ArrayList<>();
        entries.add(new DirEntry(".", FileType.DIRECTORY));
        entries.add(new DirEntry("..", FileType.DIRECTORY));
        entries.addAll(sys.readdirFd(fd));
        String dir;
        try {
            dir = sys.fdPath(fd);
        } catch (ErrnoException e) {
            dir = null;
        }
        long used = 0;
        for (long i = cookie; i < entries.size() && used < bufLen; i++) {
            DirEntry e = entries.get((int) i);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            byte[] rec = new byte[24 + name.length];
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(rec).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            bb.putLong(0, i + 1);
            // d_ino matches what stat reports, as programs compare the two
            bb.putLong(8, dir == null ? (e.name().hashCode() & 0x7fffffffL) + 2
                    : inode(e.name().equals(".") ? dir : e.name().equals("..") ? parentOf(dir)
                            : dir.endsWith("/") ? dir + e.name() : dir + "/" + e.name()));
            bb.putInt(16, name.length);
            bb.put(20, (byte) filetype(e.type()));
            System.arraycopy(name, 0, rec, 24, name.length);
            int n = (int) Math.min(rec.length, bufLen - used);
            m.write((int) (buf + used), rec, 0, n);
            used += n;
        }
        Mem.u32(m, a[4], used);
        return 0;
    }

    private static String parentOf(String dir) {
        int i = dir.lastIndexOf('/');
        return i <= 0 ? "/" : dir.substring(0, i);
    }

    private long pollOneoff(Memory m, long[] a) {
        long in = a[0];
        long out = a[1];
        int nsubs = (int) a[2];
        long timeoutMs = -1;
        long clockUserdata = 0;
        boolean hasClock = false;
        List<long[]> fdSubs = new ArrayList<>(); // {userdata, type, fd}
        for (int i = 0; i < nsubs; i++) {
            long s = in + i * 48L;
            long userdata = Mem.i64(m, s);
            int tag = m.read((int) (s + 8));
            if (tag == 0) {
                int clockId = Mem.i32(m, s + 16);
                long timeout = Mem.i64(m, s + 24);
                int flags = m.readShort((int) (s + 40));
                long ms;
                if ((flags & 1) != 0) {
                    long now = clockId == 0 ? sys.clockRealtimeNanos() : sys.clockMonotonicNanos();
                    ms = Math.max(0, (timeout - now) / 1_000_000L);
                } else {
                    ms = Math.max(0, (timeout + 999_999L) / 1_000_000L);
                }
                if (!hasClock || ms < timeoutMs) {
                    timeoutMs = ms;
                    clockUserdata = userdata;
                }
                hasClock = true;
            } else {
                fdSubs.add(new long[] {userdata, tag, Mem.i32(m, s + 16)});
            }
        }
        int events = 0;
        if (fdSubs.isEmpty()) {
            if (hasClock) {
                sys.sleep(timeoutMs);
            }
        } else {
            int[] fds = new int[fdSubs.size()];
            short[] ev = new short[fds.length];
            short[] rev = new short[fds.length];
            for (int i = 0; i < fds.length; i++) {
                fds[i] = (int) fdSubs.get(i)[2];
                ev[i] = fdSubs.get(i)[1] == 1 ? Syscalls.POLLIN : Syscalls.POLLOUT;
            }
            sys.poll(fds, ev, rev, hasClock ? timeoutMs : -1);
            for (int i = 0; i < fds.length; i++) {
                if (rev[i] != 0) {
                    long e = out + events * 32L;
                    Mem.u64(m, e, fdSubs.get(i)[0]);
                    Mem.u16(m, e + 8, (rev[i] & Syscalls.POLLNVAL) != 0 ? WasiErrno.BADF : 0);
                    Mem.u8(m, e + 10, (int) fdSubs.get(i)[1]);
                    Mem.u64(m, e + 16, 1);
                    Mem.u16(m, e + 24, (rev[i] & Syscalls.POLLHUP) != 0 ? 1 : 0);
                    events++;
                }
            }
        }
        if (events == 0 && hasClock) {
            long e = out;
            Mem.u64(m, e, clockUserdata);
            Mem.u16(m, e + 8, 0);
            Mem.u8(m, e + 10, 0);
            events = 1;
        }
        Mem.u32(m, a[3], events);
        return 0;
    }

    private static Signal signal(int n) {
        for (Signal s : Signal.values()) {
            if (s.number() == n) {
                return s;
            }
        }
        throw new ErrnoException(Errno.EINVAL, "kill", null, "signal " + n + " is not supported");
    }

    // ---- host_process ----

    private void bindHostProcess() {
        String p = "host_process";
        fn(p, "proc_spawn_v3", 17, this::spawnV3);
        // v4 (git 0.2.21): v3's arguments with four more before the pid out-pointer (signal sets; not applied yet).
        fn(p, "proc_spawn_v4", 21, (m, a) -> {
            long[] v3 = java.util.Arrays.copyOf(a, 17);
            v3[16] = a[20];
            return spawnV3(m, v3);
        });
        // v3 (git 0.2.21): (pid, options, ret wait status, ret pid), a 0 pid for WNOHANG with nothing ready.
        fn(p, "proc_waitpid_v3", 4, (m, a) -> {
            WaitStatus st = sys.waitpid((int) a[0], (int) a[1] & 1);
            Mem.u32(m, a[2], st.pid() == 0 ? 0 : wstatus(st));
            Mem.u32(m, a[3], st.pid());
            return 0;
        });
        // setitimer(ITIMER_REAL): git's progress meter; without it git prints progress only at the end.
        fn(p, "proc_itimer_real", 5, (m, a) -> WasiErrno.NOSYS);
        fn(p, "proc_spawn", 10, (m, a) -> {
            List<String> argv = nulSeparated(bytes(m, a[0], a[1]));
            Map<String, String> env = envMap(bytes(m, a[2], a[3]));
            List<SpawnRequest.FileAction> actions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int src = (int) a[4 + i];
                if (src == -1) {
                    actions.add(new SpawnRequest.FileAction.Open(i, "/dev/null", i == 0 ? Syscalls.O_RDONLY : Syscalls.O_WRONLY, 0));
                } else if (src != i) {
                    actions.add(new SpawnRequest.FileAction.Dup2(src, i));
                }
            }
            String cwd = Mem.str(m, a[7], a[8]);
            int pid = sys.spawn(new SpawnRequest(null, argv, env, cwd.isEmpty() ? null : cwd, -1, -1, -1, actions,
                    SpawnRequest.SAME_GROUP, false));
            Mem.u32(m, a[9], pid);
            return 0;
        });
        fn(p, "proc_waitpid_v2", 6, (m, a) -> {
            int pid = (int) a[0];
            boolean noHang = (a[1] & 1) != 0;
            WaitStatus st = sys.waitpid(pid, noHang ? Syscalls.WNOHANG : 0);
            if (noHang && st.pid() == 0) {
                // The shell polls its children this way in a tight loop; a short sleep keeps that from eating a core.
                sys.sleep(2);
                st = sys.waitpid(pid, Syscalls.WNOHANG);
            }
            Mem.u32(m, a[4], st.pid());
            if (st.pid() != 0) {
                Mem.u32(m, a[2], st.exitCode() == null ? 0 : st.exitCode());
                Mem.u32(m, a[3], st.termSignal() == null ? 0 : st.termSignal());
            }
            if (a[5] != 0) {
                Mem.u32(m, a[5], 0);
            }
            return 0;
        });
        fn(p, "proc_waitpid", 3, (m, a) -> {
            WaitStatus st = sys.waitpid((int) a[0], (int) a[1] & 1);
            if (st.pid() == 0) {
                return 10; // the old Rust std patch reads 10 as "still running"
            }
            Mem.u32(m, a[2], wstatus(st));
            return 0;
        });
        fn(p, "proc_waitpid", 4, (m, a) -> {
            WaitStatus st = sys.waitpid((int) a[0], (int) a[1] & 1);
            Mem.u32(m, a[2], st.pid() == 0 ? 0 : wstatus(st));
            Mem.u32(m, a[3], st.pid());
            return 0;
        });
        fn(p, "proc_kill", 2, (m, a) -> {
            int pid = (int) a[0];
            int sig = (int) a[1];
            if (sig == 0) {
                sys.getpgid(pid);
                return 0;
            }
            sys.kill(pid, signal(sig));
            return 0;
        });
        fn(p, "proc_getpid", 1, (m, a) -> {
            Mem.u32(m, a[0], sys.pid());
            return 0;
        });
        fn(p, "proc_getppid", 1, (m, a) -> {
            Mem.u32(m, a[0], sys.ppid());
            return 0;
        });
        fn(p, "proc_getpgid", 2, (m, a) -> {
            Mem.u32(m, a[1], sys.getpgid((int) a[0]));
            return 0;
        });
        fn(p, "proc_setpgid", 2, (m, a) -> {
            sys.setpgid((int) a[0], (int) a[1]);
            return 0;
        });
        fn(p, "fd_pipe", 2, (m, a) -> {
            int[] fds = sys.pipe(0);
            Mem.u32(m, a[0], fds[0]);
            Mem.u32(m, a[1], fds[1]);
            return 0;
        });
        fn(p, "fd_dup", 2, (m, a) -> {
            Mem.u32(m, a[1], sys.dup((int) a[0]));
            return 0;
        });
        fn(p, "fd_dup2", 2, (m, a) -> {
            sys.dup2((int) a[0], (int) a[1]);
            return 0;
        });
        fn(p, "fd_dup_min", 3, (m, a) -> {
            Mem.u32(m, a[2], sys.dupMin((int) a[0], (int) a[1], false));
            return 0;
        });
        // Record locks are advisory and these programs take them only as a courtesy: granted, not enforced.
        fn(p, "fd_record_lock", 9, (m, a) -> {
            sys.fstat((int) a[0]);
            return 0;
        });
        fn(p, "proc_getrlimit", 3, (m, a) -> {
            long limit = (int) a[0] == 7 ? ctx.limits().resources().maxOpenFds() : Long.MAX_VALUE;
            Mem.u64(m, a[1], limit);
            Mem.u64(m, a[2], limit);
            return 0;
        });
        fn(p, "fd_getfd", 2, (m, a) -> {
            Mem.u32(m, a[1], (sys.fcntlGetFlags((int) a[0]) & Syscalls.O_CLOEXEC) != 0 ? 1 : 0);
            return 0;
        });
        fn(p, "fd_setfd", 2, (m, a) -> {
            int fd = (int) a[0];
            int status = sys.fcntlGetFlags(fd) & (Syscalls.O_APPEND | Syscalls.O_NONBLOCK);
            sys.fcntlSetFlags(fd, status | ((a[1] & 1) != 0 ? Syscalls.O_CLOEXEC : 0));
            return 0;
        });
        fn(p, "fd_flock", 2, (m, a) -> {
            sys.flock((int) a[0], (int) a[1]);
            return 0;
        });
        fn(p, "sleep_ms", 1, (m, a) -> {
            sys.sleep(Integer.toUnsignedLong((int) a[0]));
            return 0;
        });
        fn(p, "umask", 3, (m, a) -> {
            int old = umask;
            if (a[0] != 0) {
                umask = (int) a[1] & 0777;
            }
            if (a[2] != 0) {
                Mem.u32(m, a[2], old);
            }
            return 0;
        });
        fn(p, "proc_umask", 2, (m, a) -> {
            int old = umask;
            umask = (int) a[0] & 0777;
            Mem.u32(m, a[1], old);
            return 0;
        });
        fn(p, "proc_signal_mask_v2", 5, (m, a) -> {
            long old = signalMask;
            long set = (a[2] << 32) | (a[1] & 0xffffffffL);
            switch ((int) a[0]) {
                case 0 -> signalMask |= set;
                case 1 -> signalMask &= ~set;
                case 2 -> signalMask = set;
                default -> {
                    // 3: query only
                }
            }
            Mem.u32(m, a[3], old);
            Mem.u32(m, a[4], old >>> 32);
            return 0;
        });
        fn(p, "proc_sigaction", 5, (m, a) -> {
            SignalAction action = switch ((int) a[1]) {
                case 0 -> SignalAction.DEFAULT;
                case 1 -> SignalAction.IGNORE;
                default -> SignalAction.CATCH;
            };
            sys.sigaction(signal((int) a[0]), action);
            return 0;
        });
        fn(p, "proc_exec", 8, (m, a) -> WasiErrno.NOSYS);
        fn(p, "pty_open", 2, (m, a) -> {
            int[] fds = sys.openpty(80, 24);
            Mem.u32(m, a[0], fds[0]);
            Mem.u32(m, a[1], fds[1]);
            return 0;
        });
    }

    private static int wstatus(WaitStatus st) {
        return st.termSignal() != null ? st.termSignal() & 0x7f : (st.exitCode() & 0xff) << 8;
    }

    private static Map<String, String> envMap(byte[] b) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String e : nulSeparated(b)) {
            int eq = e.indexOf('=');
            if (eq > 0) {
                env.put(e.substring(0, eq), e.substring(eq + 1));
            }
        }
        return env;
    }

    /** proc_spawn_v3: exec path, argv, envp, posix_spawn file actions, cwd, attributes. */
    private long spawnV3(Memory m, long[] a) {
        String execPath = Mem.str(m, a[0], a[1]);
        List<String> argv = nulSeparated(bytes(m, a[2], a[3]));
        if (argv.isEmpty()) {
            argv = List.of(execPath);
        }
        Map<String, String> env = envMap(bytes(m, a[4], a[5]));
        List<SpawnRequest.FileAction> actions = parseActions(bytes(m, a[6], a[7]));
        String cwd = Mem.str(m, a[8], a[9]);
        int attr = (int) a[10];
        int pgroup = (attr & 2) != 0 ? (int) a[15] : SpawnRequest.SAME_GROUP;
        boolean setsid = (attr & 0x80) != 0;
        int pid = sys.spawn(new SpawnRequest(execPath.isEmpty() ? null : execPath, argv, env,
                cwd.isEmpty() ? null : cwd, -1, -1, -1, actions, pgroup, setsid));
        Mem.u32(m, a[16], pid);
        return 0;
    }

    private static List<SpawnRequest.FileAction> parseActions(byte[] b) {
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        List<SpawnRequest.FileAction> out = new ArrayList<>();
        int off = 0;
        while (off + 24 <= b.length) {
            int cmd = bb.getInt(off);
            int fd = bb.getInt(off + 4);
            int src = bb.getInt(off + 8);
            int oflags = bb.getInt(off + 12);
            int mode = bb.getInt(off + 16);
            int pathLen = bb.getInt(off + 20);
            if (pathLen < 0 || off + 24 + pathLen > b.length) {
                throw new ErrnoException(Errno.EINVAL, "spawn", null, "malformed file action");
            }
            String path = new String(b, off + 24, pathLen, StandardCharsets.UTF_8);
            switch (cmd) {
                case 1 -> out.add(new SpawnRequest.FileAction.Close(fd));
                case 2 -> out.add(new SpawnRequest.FileAction.Dup2(src, fd));
                case 3 -> out.add(new SpawnRequest.FileAction.Open(fd, path, spawnOpenFlags(oflags), mode == 0 ? 0666 : mode));
                default -> throw new ErrnoException(Errno.EINVAL, "spawn", null, "unknown file action " + cmd);
            }
            off += 24 + pathLen;
        }
        return out;
    }

    /** Spawn open flags arrive as Linux-style O_* (Rust std) or wasi-libc's O_* (C); both are accepted. */
    private static int spawnOpenFlags(int f) {
        int out;
        boolean wasiRead = (f & 0x04000000) != 0;
        boolean wasiWrite = (f & 0x10000000) != 0;
        if (wasiRead || wasiWrite) {
            out = wasiRead && wasiWrite ? Syscalls.O_RDWR : wasiWrite ? Syscalls.O_WRONLY : Syscalls.O_RDONLY;
            if ((f & (1 << 12)) != 0) {
                out |= Syscalls.O_CREAT;
            }
            if ((f & (4 << 12)) != 0) {
                out |= Syscalls.O_EXCL;
            }
            if ((f & (8 << 12)) != 0) {
                out |= Syscalls.O_TRUNC;
            }
            if ((f & 1) != 0) {
                out |= Syscalls.O_APPEND;
            }
            return out;
        }
        return f & (3 | Syscalls.O_CREAT | Syscalls.O_EXCL | Syscalls.O_TRUNC | Syscalls.O_APPEND);
    }

    // ---- host_fs ----

    private String fsPath(int fd, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        if (preopens.containsKey(fd) || fd >= 0) {
            try {
                return at(fd, path);
            } catch (RuntimeException e) {
                // fall through to the cwd
            }
        }
        return path.isEmpty() ? sys.getcwd() : sys.getcwd() + "/" + path;
    }

    private FileStat stat(String path, boolean follow) {
        return follow ? sys.stat(path) : sys.lstat(path);
    }

    private int modeOf(FileStat st) {
        return typeBits(st.type()) | (st.mode() & 07777);
    }

    private void bindHostFs() {
        String f = "host_fs";
        // Extended attributes are not kept by the VM filesystem (curl --xattr asks for them).
        fn(f, "fd_setxattr", 6, (m, a) -> WasiErrno.NOTSUP);
        fn(f, "path_mode", 4, (m, a) -> {
            try {
                return modeOf(stat(fsPath((int) a[0], Mem.str(m, a[1], a[2])), a[3] != 0));
            } catch (ErrnoException e) {
                return 0;
            }
        });
        fn(f, "path_mode", 3, (m, a) -> {
            try {
                return modeOf(stat(fsPath(-1, Mem.str(m, a[0], a[1])), a[2] != 0));
            } catch (ErrnoException e) {
                return 0;
            }
        });
        // (dirfd, path, path_len, amode R=4 W=2 X=1 or F_OK=0, flags): errno, as faccessat
        fn(f, "path_access", 5, (m, a) -> {
            FileStat st = stat(fsPath((int) a[0], Mem.str(m, a[1], a[2])), true);
            int want = (int) a[3] & 7;
            int uid = sys.uid();
            int bits = uid == 0 ? ((st.mode() & 0111) != 0 ? 7 : 6)
                    : st.uid() == uid ? (st.mode() >> 6) & 7 : st.gid() == sys.gid() ? (st.mode() >> 3) & 7 : st.mode() & 7;
            return (bits & want) == want ? 0 : WasiErrno.ACCES;
        });
        fn(f, "fd_mode", 1, (m, a) -> {
            try {
                int fd = (int) a[0];
                FileStat st = sys.fstat(fd);
                if (sys.isatty(fd)) {
                    return 0020620;
                }
                return modeOf(st);
            } catch (ErrnoException e) {
                return 0;
            }
        });
        fn64(f, "path_size", 4, (m, a) -> {
            try {
                return stat(fsPath((int) a[0], Mem.str(m, a[1], a[2])), a[3] != 0).size();
            } catch (ErrnoException e) {
                return 0;
            }
        });
        fn64(f, "fd_size", 1, (m, a) -> {
            try {
                return sys.fstat((int) a[0]).size();
            } catch (ErrnoException e) {
                return 0;
            }
        });
        fn64(f, "path_rdev", 4, (m, a) -> 0);
        fn64(f, "path_blocks", 4, (m, a) -> {
            try {
                return (stat(fsPath((int) a[0], Mem.str(m, a[1], a[2])), a[3] != 0).size() + 511) / 512;
            } catch (ErrnoException e) {
                return 0;
            }
        });
        fn64(f, "fd_blocks", 1, (m, a) -> {
            try {
                return (sys.fstat((int) a[0]).size() + 511) / 512;
            } catch (ErrnoException e) {
                return 0;
            }
        });
        fn(f, "fd_owner", 3, (m, a) -> {
            FileStat st = sys.fstat((int) a[0]);
            Mem.u32(m, a[1], st.uid());
            Mem.u32(m, a[2], st.gid());
            return 0;
        });
        fn(f, "set_open_direct", 1, (m, a) -> 0);
        // (dirfd, path, path_len, flags, mode, ret_fd): an unnamed file in that directory (O_TMPFILE).
        fn(f, "open_tmpfile", 6, (m, a) -> {
            String dir = fsPath((int) a[0], Mem.str(m, a[1], a[2]));
            byte[] r = new byte[8];
            sys.randomBytes(r);
            String name = dir + "/.agentos-tmp-" + java.util.HexFormat.of().formatHex(r);
            int fd = sys.open(name, Syscalls.O_RDWR | Syscalls.O_CREAT | Syscalls.O_EXCL, ((int) a[4] & 07777) == 0 ? 0600 : (int) a[4]);
            sys.unlink(name);
            Mem.u32(m, a[5], fd);
            return 0;
        });
        fn(f, "set_open_mode", 1, (m, a) -> {
            pendingOpenMode = (int) a[0] & 07777;
            return 0;
        });
        fn(f, "chmod", 4, (m, a) -> {
            sys.chmod(fsPath((int) a[0], Mem.str(m, a[1], a[2])), (int) a[3]);
            return 0;
        });
        fn(f, "chmod", 3, (m, a) -> {
            sys.chmod(fsPath(-1, Mem.str(m, a[0], a[1])), (int) a[2]);
            return 0;
        });
        fn(f, "ftruncate", 2, (m, a) -> {
            sys.ftruncate((int) a[0], a[1]);
            return 0;
        });
        fn(f, "path_owner", 6, (m, a) -> {
            FileStat st = stat(fsPath((int) a[0], Mem.str(m, a[1], a[2])), a[3] != 0);
            Mem.u32(m, a[4], st.uid());
            Mem.u32(m, a[5], st.gid());
            return 0;
        });
        fn(f, "path_chown", 6, (m, a) -> {
            sys.chown(fsPath((int) a[0], Mem.str(m, a[1], a[2])), (int) a[3], (int) a[4]);
            return 0;
        });
        fn(f, "path_statfs", 8, (m, a) -> WasiErrno.NOSYS);
        fn(f, "remount", 4, (m, a) -> WasiErrno.NOSYS);
    }

    // ---- host_user ----

    private List<String> lines(String path) {
        int fd = sys.open(path, Syscalls.O_RDONLY, 0);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int n;
            while ((n = sys.read(fd, buf, 0, buf.length)) > 0) {
                out.write(buf, 0, n);
            }
            List<String> lines = new ArrayList<>();
            for (String l : out.toString(StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    lines.add(l);
                }
            }
            return lines;
        } finally {
            sys.close(fd);
        }
    }

    private static long putLine(Memory m, long buf, long len, long retLen, String line) {
        if (line == null) {
            return WasiErrno.NOENT;
        }
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(b.length, len);
        m.write((int) buf, b, 0, n);
        Mem.u32(m, retLen, n);
        return 0;
    }

    private String byField(String file, int field, String value) {
        for (String l : lines(file)) {
            String[] parts = l.split(":", -1);
            if (parts.length > field && parts[field].equals(value)) {
                return l;
            }
        }
        return null;
    }

    private String byIndex(String file, long index) {
        List<String> l = lines(file);
        return index < l.size() ? l.get((int) index) : null;
    }

    private void bindHostUser() {
        String u = "host_user";
        for (String id : List.of("getuid", "geteuid")) {
            fn(u, id, 1, (m, a) -> {
                Mem.u32(m, a[0], sys.uid());
                return 0;
            });
        }
        for (String id : List.of("getgid", "getegid")) {
            fn(u, id, 1, (m, a) -> {
                Mem.u32(m, a[0], sys.gid());
                return 0;
            });
        }
        fn(u, "getuid", 1, (m, a) -> {
            Mem.u32(m, a[0], sys.uid());
            return 0;
        });
        fn(u, "geteuid", 1, (m, a) -> {
            Mem.u32(m, a[0], sys.uid());
            return 0;
        });
        fn(u, "getresuid", 3, (m, a) -> {
            for (int i = 0; i < 3; i++) {
                Mem.u32(m, a[i], sys.uid());
            }
            return 0;
        });
        fn(u, "getresgid", 3, (m, a) -> {
            for (int i = 0; i < 3; i++) {
                Mem.u32(m, a[i], sys.gid());
            }
            return 0;
        });
        fn(u, "setuid", 1, (m, a) -> (int) a[0] == sys.uid() ? 0 : WasiErrno.PERM);
        fn(u, "setgid", 1, (m, a) -> (int) a[0] == sys.gid() ? 0 : WasiErrno.PERM);
        fn(u, "setgroups", 2, (m, a) -> WasiErrno.PERM);
        fn(u, "getgroups", 3, (m, a) -> {
            if (a[0] >= 1) {
                Mem.u32(m, a[1], sys.gid());
            }
            Mem.u32(m, a[2], 1);
            return 0;
        });
        fn(u, "isatty", 2, (m, a) -> {
            Mem.u32(m, a[1], sys.isatty((int) a[0]) ? 1 : 0);
            return 0;
        });
        fn(u, "getpwuid", 4, (m, a) -> putLine(m, a[1], a[2], a[3], byField("/etc/passwd", 2, Long.toString(a[0]))));
        fn(u, "getpwnam", 5, (m, a) -> putLine(m, a[2], a[3], a[4], byField("/etc/passwd", 0, Mem.str(m, a[0], a[1]))));
        fn(u, "getpwent", 4, (m, a) -> putLine(m, a[1], a[2], a[3], byIndex("/etc/passwd", a[0])));
        fn(u, "getgrgid", 4, (m, a) -> putLine(m, a[1], a[2], a[3], byField("/etc/group", 2, Long.toString(a[0]))));
        fn(u, "getgrnam", 5, (m, a) -> putLine(m, a[2], a[3], a[4], byField("/etc/group", 0, Mem.str(m, a[0], a[1]))));
        fn(u, "getgrent", 4, (m, a) -> putLine(m, a[1], a[2], a[3], byIndex("/etc/group", a[0])));
    }

    // ---- host_tty, host_net ----

    private void bindHostTty() {
        String t = "host_tty";
        fn(t, "set_raw_mode", 1, (m, a) -> {
            sys.tcsetattr(0, a[0] != 0 ? TermMode.RAW : TermMode.COOKED);
            return 0;
        });
        fn(t, "read", 3, (m, a) -> {
            // (fd, buf, len): a terminal read returning the byte count; errors as negative errno.
            byte[] buf = new byte[(int) a[2]];
            int n = sys.read((int) a[0], buf, 0, buf.length);
            m.write((int) a[1], buf, 0, Math.max(n, 0));
            return Math.max(n, 0);
        });
        fn(t, "isatty", 1, (m, a) -> sys.isatty((int) a[0]) ? 1 : 0);
    }

    private void bindHostNet() {
        String n = "host_net";
        // (fds, nfds, timeout_ms, ret_ready): 8-byte entries {fd i32, events i16, revents i16}. The binaries use
        // Linux's bits (POLLIN 0x1, POLLPRI 0x2, POLLOUT 0x4, POLLERR 0x8, POLLHUP 0x10, POLLNVAL 0x20,
        // POLLRDNORM 0x40, POLLWRNORM 0x100) — curl asks for POLLOUT|POLLWRNORM and reads 0x2 as an exception.
        fn(n, "net_poll", 4, (m, a) -> {
            int nfds = (int) a[1];
            int[] fds = new int[nfds];
            short[] events = new short[nfds];
            short[] asked = new short[nfds];
            short[] revents = new short[nfds];
            for (int i = 0; i < nfds; i++) {
                fds[i] = Mem.i32(m, a[0] + i * 8L);
                int ev = m.readShort((int) (a[0] + i * 8L + 4));
                asked[i] = (short) ev;
                events[i] = (short) (((ev & 0xc1) != 0 ? Syscalls.POLLIN : 0) | ((ev & 0x304) != 0 ? Syscalls.POLLOUT : 0));
            }
            int ready = sys.poll(fds, events, revents, (int) a[2]);
            for (int i = 0; i < nfds; i++) {
                int r = revents[i];
                int ev = asked[i];
                int out = ((r & Syscalls.POLLIN) != 0 ? (ev & 0xc1) : 0) | ((r & Syscalls.POLLOUT) != 0 ? (ev & 0x304) : 0)
                        | ((r & Syscalls.POLLHUP) != 0 ? 0x10 : 0) | ((r & Syscalls.POLLNVAL) != 0 ? 0x20 : 0)
                        | ((r & Syscalls.POLLERR) != 0 ? 0x8 : 0);
                m.writeShort((int) (a[0] + i * 8L + 6), (short) out);
            }
            Mem.u32(m, a[3], ready);
            return 0;
        });
        // Sockets are kernel sockets in the process's own fd table (the VM's network stack and policy apply).
        // wasi-libc constants: AF_INET=1, AF_INET6=2, AF_UNIX=3, SOCK_DGRAM=5, SOCK_STREAM=6, SOCK_NONBLOCK=0x4000.
        fn(n, "net_socket", 4, (m, a) -> {
            int domain = switch ((int) a[0]) {
                case 1 -> Syscalls.AF_INET;
                case 2 -> Syscalls.AF_INET6;
                case 3 -> Syscalls.AF_UNIX;
                default -> -1;
            };
            if (domain < 0) {
                return WasiErrno.NOTSUP;
            }
            int type = (int) a[1] & ~0x6000;
            if (type != 6 && type != 5) {
                return WasiErrno.NOTSUP;
            }
            int flags = ((a[1] & 0x4000) != 0 ? Syscalls.O_NONBLOCK : 0) | ((a[1] & 0x2000) != 0 ? Syscalls.O_CLOEXEC : 0);
            Mem.u32(m, a[3], sys.socket(domain, type == 5 ? Syscalls.SOCK_DGRAM : Syscalls.SOCK_STREAM, flags));
            return 0;
        });
        fn(n, "net_validate_socket", 1, (m, a) -> isSocket((int) a[0]) ? 0 : WasiErrno.NOTSOCK);
        fn(n, "net_validate_accept", 1, (m, a) -> isSocket((int) a[0]) ? 0 : WasiErrno.NOTSOCK);
        fn(n, "net_connect", 3, (m, a) -> {
            sys.connect((int) a[0], parseAddress(Mem.str(m, a[1], a[2])));
            return 0;
        });
        fn(n, "net_bind", 3, (m, a) -> {
            sys.bind((int) a[0], parseAddress(Mem.str(m, a[1], a[2])));
            return 0;
        });
        fn(n, "net_listen", 2, (m, a) -> {
            sys.listen((int) a[0], (int) a[1]);
            return 0;
        });
        fn(n, "net_accept", 4, (m, a) -> {
            int c = sys.accept((int) a[0], 0);
            Mem.u32(m, a[1], c);
            return writeAddress(m, sys.getpeername(c), a[2], a[3]);
        });
        fn(n, "net_getsockname", 3, (m, a) -> writeAddress(m, sys.getsockname((int) a[0]), a[1], a[2]));
        fn(n, "net_getpeername", 3, (m, a) -> writeAddress(m, sys.getpeername((int) a[0]), a[1], a[2]));
        // (fd, buf, len, flags, ret_n)
        fn(n, "net_send", 5, (m, a) -> {
            byte[] b = bytes(m, a[1], a[2]);
            Mem.u32(m, a[4], sys.write((int) a[0], b, 0, b.length));
            return 0;
        });
        // Linux flags: MSG_PEEK 0x2 (wget peeks at the response head), MSG_DONTWAIT 0x40.
        fn(n, "net_recv", 5, (m, a) -> {
            byte[] b = new byte[(int) Math.min(a[2], 1 << 20)];
            int got = sys.recv((int) a[0], b, 0, b.length, (int) a[3] & (Syscalls.MSG_PEEK | Syscalls.MSG_DONTWAIT));
            m.write((int) a[1], b, 0, Math.max(got, 0));
            Mem.u32(m, a[4], Math.max(got, 0));
            return 0;
        });
        // (fd, buf, len, flags, addr, addr_len, ret_sent): one datagram.
        fn(n, "net_sendto", 7, (m, a) -> {
            byte[] b = bytes(m, a[1], a[2]);
            Mem.u32(m, a[6], sys.sendto((int) a[0], b, 0, b.length, 0, parseAddress(Mem.str(m, a[4], a[5]))));
            return 0;
        });
        // (fd, buf, len, flags, ret_recv, ret_addr, ret_addr_len): truncates to len, writes the sender as text.
        fn(n, "net_recvfrom", 7, (m, a) -> {
            byte[] b = new byte[(int) Math.min(a[2], 65536)];
            Syscalls.Received r = sys.recvfrom((int) a[0], b, 0, b.length, (int) a[3] & (Syscalls.MSG_PEEK | Syscalls.MSG_DONTWAIT));
            m.write((int) a[1], b, 0, r.length());
            Mem.u32(m, a[4], r.length());
            return writeAddress(m, r.from(), a[5], a[6]);
        });
        // Options are accepted and not applied: the kernel's sockets have no tunables a guest can observe yet.
        fn(n, "net_setsockopt", 5, (m, a) -> isSocket((int) a[0]) ? 0 : WasiErrno.NOTSOCK);
        fn(n, "net_getsockopt", 5, (m, a) -> {
            if (!isSocket((int) a[0])) {
                return WasiErrno.NOTSOCK;
            }
            int cap = Mem.i32(m, a[4]);
            if (cap >= 4) {
                Mem.u32(m, a[3], 0); // SO_ERROR and friends: no pending error (connect completes synchronously)
                Mem.u32(m, a[4], 4);
            }
            return 0;
        });
        // (host, host_len, service, service_len, hints, ret_buf, ret_len) in the 0.2.21 builds (hints seen as 0);
        // older ones have no hints. The result is JSON [{"addr": "...", "family": 4|6}], bounded by *ret_len.
        fn(n, "net_getaddrinfo", 7, (m, a) -> getaddrinfo(m, Mem.str(m, a[0], a[1]), a[5], a[6]));
        fn(n, "net_getaddrinfo", 6, (m, a) -> getaddrinfo(m, Mem.str(m, a[0], a[1]), a[4], a[5]));
        fn(n, "net_close", 1, (m, a) -> {
            sys.close((int) a[0]);
            return 0;
        });
    }

    private boolean isSocket(int fd) {
        return sys.fstat(fd).type() == agentos.api.fs.FileType.SOCKET;
    }

    /** {@code "a.b.c.d:port"}, {@code "v6:port"} (last colon), {@code "[v6]:port"}, or a Unix socket path. */
    private static agentos.api.spi.SockAddr parseAddress(String s) {
        int colon = s.lastIndexOf(':');
        if (colon < 0 || s.startsWith("/")) {
            return agentos.api.spi.SockAddr.unix(s);
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new ErrnoException(agentos.api.Errno.EINVAL, "connect", s, "not host:port");
        }
        return agentos.api.spi.SockAddr.inet(host, port);
    }

    private static int writeAddress(Memory m, agentos.api.spi.SockAddr a, long ptr, long lenPtr) {
        String text = a.family() == Syscalls.AF_UNIX ? a.address() : a.address() + ":" + a.port();
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int cap = Mem.i32(m, lenPtr);
        int n = Math.min(cap, b.length);
        m.write((int) ptr, b, 0, n);
        Mem.u32(m, lenPtr, n);
        return 0;
    }

    private int getaddrinfo(Memory m, String host, long bufPtr, long lenPtr) {
        StringBuilder json = new StringBuilder("[");
        for (String addr : sys.getaddrinfo(host)) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"addr\":\"").append(addr).append("\",\"family\":").append(addr.indexOf(':') >= 0 ? 6 : 4).append('}');
        }
        byte[] b = json.append(']').toString().getBytes(StandardCharsets.UTF_8);
        int cap = Mem.i32(m, lenPtr);
        if (b.length > cap) {
            return WasiErrno.INVAL;
        }
        m.write((int) bufPtr, b, 0, b.length);
        Mem.u32(m, lenPtr, b.length);
        return 0;
    }
}
