package agentos.api.spi;

import agentos.api.fs.DirEntry;
import agentos.api.fs.FileStat;
import agentos.api.process.Signal;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The kernel as one guest process sees it: the only way an executor reaches files, processes or anything else
 * outside the guest. Implemented by the kernel, one instance per process; calls are checked against the VM's
 * permission policy and limits. Failures are {@link agentos.api.ErrnoException}s carrying the errno the guest
 * must see. Paths are guest paths, relative ones resolved against the process's cwd. Blocking calls block the
 * calling (guest) thread and are interrupted when the process is killed.
 */
@ProviderType
public interface Syscalls {
    int O_RDONLY = 0;
    int O_WRONLY = 1;
    int O_RDWR = 2;
    int O_CREAT = 0x40;
    int O_EXCL = 0x80;
    int O_TRUNC = 0x200;
    int O_APPEND = 0x400;
    int O_NONBLOCK = 0x800;
    int O_DIRECTORY = 0x10000;
    int O_NOFOLLOW = 0x20000;
    int O_CLOEXEC = 0x80000;

    int SEEK_SET = 0;
    int SEEK_CUR = 1;
    int SEEK_END = 2;

    int WNOHANG = 1;

    int LOCK_SH = 1;
    int LOCK_EX = 2;
    int LOCK_NB = 4;
    int LOCK_UN = 8;

    short POLLIN = 0x1;
    short POLLOUT = 0x4;
    short POLLERR = 0x8;
    short POLLHUP = 0x10;
    short POLLNVAL = 0x20;

    int AF_UNIX = 1;
    int AF_INET = 2;
    int AF_INET6 = 10;
    int SOCK_STREAM = 1;
    int SOCK_DGRAM = 2;
    int SHUT_RD = 0;
    int SHUT_WR = 1;
    int SHUT_RDWR = 2;
    int MSG_PEEK = 2;
    int MSG_DONTWAIT = 0x40;

    int pid();

    int ppid();

    int uid();

    int gid();

    /** Returns the lowest free fd. */
    int open(String path, int flags, int mode);

    /** Reads up to {@code len} bytes; 0 at end of file / pipe EOF. Blocks on empty pipes unless O_NONBLOCK (EAGAIN). */
    int read(int fd, byte[] buf, int off, int len);

    /** Writes; EPIPE (and SIGPIPE) when the read end of a pipe is closed. */
    int write(int fd, byte[] buf, int off, int len);

    int pread(int fd, byte[] buf, int off, int len, long position);

    int pwrite(int fd, byte[] buf, int off, int len, long position);

    long seek(int fd, long offset, int whence);

    void close(int fd);

    FileStat fstat(int fd);

    /** The guest path an fd was opened as (files and directories); ENOTSUP for pipes, PTYs and sockets. */
    String fdPath(int fd);

    /** The entries of the directory open as {@code fd}, without "." and "..". */
    List<DirEntry> readdirFd(int fd);

    void ftruncate(int fd, long length);

    void fsync(int fd);

    /** Descriptor flags: O_APPEND, O_NONBLOCK (file status) and O_CLOEXEC. */
    int fcntlGetFlags(int fd);

    void fcntlSetFlags(int fd, int flags);

    /** Returns {read fd, write fd}. */
    int[] pipe(int flags);

    int dup(int fd);

    /** {@code fcntl(F_DUPFD / F_DUPFD_CLOEXEC)}: the lowest free fd not below {@code minFd}. */
    int dupMin(int fd, int minFd, boolean closeOnExec);

    int dup2(int fd, int newFd);

    boolean isatty(int fd);

    FileStat stat(String path);

    FileStat lstat(String path);

    List<DirEntry> readdir(String path);

    void mkdir(String path, int mode);

    void rmdir(String path);

    void unlink(String path);

    void rename(String from, String to);

    void symlink(String target, String linkPath);

    String readlink(String path);

    void link(String existing, String newPath);

    void chmod(String path, int mode);

    void chown(String path, int uid, int gid);

    void utimes(String path, long atimeMs, long mtimeMs);

    void truncate(String path, long length);

    String realpath(String path);

    String getcwd();

    void chdir(String path);

    /** The process's environment (as given at spawn; executors keep their own copy for setenv). */
    Map<String, String> environ();

    /** Starts a child process; returns its pid. */
    int spawn(SpawnRequest request);

    /** Waits for child {@code pid} (or any child for -1); ECHILD when there is none. */
    WaitStatus waitpid(int pid, int options);

    void kill(int pid, Signal signal);

    /** Sleeps, waking early (EINTR) when a signal arrives. */
    void sleep(long millis);

    /** Wall-clock time in nanoseconds, at the VM's configured resolution. */
    long clockRealtimeNanos();

    long clockMonotonicNanos();

    void randomBytes(byte[] buf);

    /** Advisory whole-file lock on the open file description ({@code LOCK_SH|LOCK_EX|LOCK_UN}, plus {@code LOCK_NB}). */
    void flock(int fd, int operation);

    /**
     * Waits until one of {@code fds} is ready for its {@code events} (POLLIN/POLLOUT) or {@code timeoutMs} passes
     * (-1: no timeout; 0: just check). Fills {@code revents} and returns how many fds are ready.
     */
    int poll(int[] fds, short[] events, short[] revents, long timeoutMs);

    /** Sets what a signal does to this process; SIGKILL and SIGSTOP cannot be changed (EINVAL). */
    void sigaction(Signal signal, SignalAction action);

    /** Opens a pseudo-terminal pair; returns {master fd, slave fd}. */
    int[] openpty(int cols, int rows);

    /** The terminal settings of the PTY behind {@code fd} (ENOTTY otherwise). */
    TermMode tcgetattr(int fd);

    void tcsetattr(int fd, TermMode mode);

    /** {cols, rows} of the PTY behind {@code fd}. */
    int[] tcgetwinsize(int fd);

    void tcsetwinsize(int fd, int cols, int rows);

    /** Makes {@code pgid} (0: the process's own pid) the foreground process group of the PTY behind {@code fd}. */
    void tcsetpgrp(int fd, int pgid);

    int getpgid(int pid);

    /** Moves process {@code pid} (0: the caller) into group {@code pgid} (0: its own pid). */
    void setpgid(int pid, int pgid);

    /** Starts a new session with the caller as leader; returns the session id. */
    int setsid();

    int getsid();

    // ---- sockets (the VM's network stack; see the kernel's README for the policy) ----

    /** A new socket ({@code AF_INET|AF_INET6|AF_UNIX}, {@code SOCK_STREAM}); {@code flags}: O_NONBLOCK, O_CLOEXEC. */
    int socket(int domain, int type, int flags);

    /** Binds to a port (0: an ephemeral one) or a path, subject to the VM's listen range and policy. */
    void bind(int fd, SockAddr address);

    void listen(int fd, int backlog);

    /** The next pending connection as a new fd (EAGAIN when non-blocking and none is pending). */
    int accept(int fd, int flags);

    /**
     * Connects: to a listener in this VM for loopback and Unix addresses (never a host socket), to a host
     * loopback port only when it is loopback-exempt, and to other addresses only where the network policy
     * allows ({@code connect} on {@code tcp://host:port}); private ranges need an explicit rule. Refusals are
     * EACCES at once, naming the rule.
     */
    void connect(int fd, SockAddr address);

    /**
     * Makes the next {@link #connect} of this (unconnected) socket a TLS client connection, the handshake done by
     * the host with the JDK's trust store plus the VM's extra CAs; {@code serverName} is for SNI and verification.
     */
    void tlsClient(int fd, String serverName, boolean verifyPeer);

    /**
     * {@link #tlsClient(int, String, boolean)} offering {@code alpnProtocols} in the handshake (empty: offer
     * {@code http/1.1}); {@link #tlsAlpnProtocol} then tells which one the server chose.
     */
    default void tlsClient(int fd, String serverName, boolean verifyPeer, java.util.List<String> alpnProtocols) {
        tlsClient(fd, serverName, verifyPeer);
    }

    /** The application protocol the TLS server chose for a connected TLS socket, or null (none, or not TLS). */
    default @org.jspecify.annotations.Nullable String tlsAlpnProtocol(int fd) {
        return null;
    }

    /**
     * The PEM CA certificates this VM's TLS clients trust besides the JDK's trust store (the VM's configured extra
     * CAs), for guests that run TLS themselves over a plain socket.
     */
    default java.util.List<String> tlsExtraCaCertificates() {
        return java.util.List.of();
    }

    void shutdown(int fd, int how);

    /** Reads from a socket; {@code flags}: {@link #MSG_PEEK} (leave the data queued), {@link #MSG_DONTWAIT}. */
    int recv(int fd, byte[] buf, int off, int len, int flags);

    SockAddr getsockname(int fd);

    SockAddr getpeername(int fd);

    /**
     * Sends one datagram on a {@code SOCK_DGRAM} socket ({@code to} null: the connected peer). Datagrams to a
     * loopback port nobody has bound in this VM are dropped, as on Linux; other destinations follow the network
     * policy ({@code connect} on {@code udp://host:port}). An unbound socket is bound to an ephemeral port first.
     */
    int sendto(int fd, byte[] buf, int off, int len, int flags, @org.jspecify.annotations.Nullable SockAddr to);

    /** Receives one datagram (truncated to {@code len}); {@code flags}: {@link #MSG_PEEK}, {@link #MSG_DONTWAIT}. */
    Received recvfrom(int fd, byte[] buf, int off, int len, int flags);

    /** What {@link #recvfrom} got: the byte count and the sender. */
    record Received(int length, SockAddr from) {}

    /** Resolves {@code host}: numeric addresses as they are, VM DNS overrides, then the host resolver (policy {@code dns://host}). */
    List<String> getaddrinfo(String host);

    /** Ends the calling process with {@code status}; does not return normally. */
    void exit(int status);
}
