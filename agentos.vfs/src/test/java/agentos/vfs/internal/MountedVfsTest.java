package agentos.vfs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.LimitWarning;
import agentos.api.config.RootFilesystemConfig;
import agentos.api.config.UserConfig;
import agentos.api.config.VmLimits;
import agentos.api.fs.DirEntry;
import agentos.api.fs.FileType;
import agentos.api.fs.FilesystemSnapshot;
import agentos.api.fs.MountInfo;
import agentos.api.spi.Caller;
import agentos.api.spi.MountRequest;
import agentos.api.spi.Syscalls;
import agentos.api.spi.VfsFile;
import agentos.api.spi.VfsSpec;
import agentos.api.spi.VirtualFilesystem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class MountedVfsTest {
    static final Caller GUEST = new Caller(7, 1000, 1000);
    static final Caller OTHER = new Caller(8, 1001, 1001);
    static final Caller ROOT = new Caller(9, 0, 0);

    @TempDir
    Path tmp;

    private final List<LimitWarning> warnings = new ArrayList<>();
    private final VfsFactory factory = new VfsFactory();

    private VirtualFilesystem vfs(RootFilesystemConfig root, VmLimits.Resources limits) {
        return factory.create(new VfsSpec("vm-t", root, UserConfig.DEFAULT, limits, Set.of(BaseLayer.INSTRUCTIONS),
                System::currentTimeMillis, warnings::add));
    }

    private VirtualFilesystem vfs() {
        return vfs(RootFilesystemConfig.DEFAULT, VmLimits.Resources.DEFAULT);
    }

    static void assertErrno(Errno expected, Executable call) {
        ErrnoException e = assertThrows(ErrnoException.class, call);
        assertEquals(expected, e.errno(), e.getMessage());
    }

    static void write(VirtualFilesystem v, Caller c, String path, String content) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        try (VfsFile f = v.open(c, path, Syscalls.O_WRONLY | Syscalls.O_CREAT | Syscalls.O_TRUNC, 0644)) {
            f.write(0, b, 0, b.length);
        }
    }

    static String read(VirtualFilesystem v, Caller c, String path) {
        try (VfsFile f = v.open(c, path, Syscalls.O_RDONLY, 0)) {
            byte[] buf = new byte[(int) Math.max(f.size(), 64)];
            int n = f.read(0, buf, 0, buf.length);
            return n < 0 ? "" : new String(buf, 0, n, StandardCharsets.UTF_8);
        }
    }

    @Test
    void baseLayerLooksLikeASmallAlpineUserland() {
        VirtualFilesystem v = vfs();
        for (String d : List.of("/bin", "/etc", "/home/agentos", "/tmp", "/usr/bin", "/var/tmp", "/workspace", "/opt/agentos/bin")) {
            assertTrue(v.stat(GUEST, d).isDirectory(), d);
        }
        assertTrue(read(v, GUEST, "/etc/os-release").contains("ID=alpine"));
        assertTrue(read(v, GUEST, "/etc/passwd").contains("agentos:x:1000:1000:agentos:/home/agentos:/bin/sh"));
        assertTrue(read(v, GUEST, "/etc/group").contains("agentos:x:1000:"));
        assertEquals("agent-os\n", read(v, GUEST, "/etc/hostname"));
        assertEquals(1000, v.stat(GUEST, "/workspace").uid());
        assertEquals(01777, v.stat(GUEST, "/tmp").mode());
        assertTrue(v.stat(GUEST, "/usr/bin/env").isFile());
    }

    @Test
    void baseLayerCanBeDisabled() {
        VirtualFilesystem v = vfs(new RootFilesystemConfig(RootFilesystemConfig.RootMode.EPHEMERAL, true, List.of()),
                VmLimits.Resources.DEFAULT);
        assertEquals(List.of("dev"), v.readdir(Caller.HOST, "/").stream().map(DirEntry::name).toList());
    }

    @Test
    void devicesBehave() {
        VirtualFilesystem v = vfs();
        write(v, GUEST, "/dev/null", "discarded");
        assertEquals("", read(v, GUEST, "/dev/null"));
        try (VfsFile z = v.open(GUEST, "/dev/zero", Syscalls.O_RDONLY, 0)) {
            byte[] b = {1, 1, 1};
            assertEquals(3, z.read(0, b, 0, 3));
            assertEquals(0, b[0] + b[1] + b[2]);
        }
        assertErrno(Errno.ENOSPC, () -> write(v, GUEST, "/dev/full", "x"));
        assertEquals(FileType.CHARACTER_DEVICE, v.stat(GUEST, "/dev/urandom").type());
        assertEquals("/proc/self/fd/1", v.readlink(GUEST, "/dev/stdout"));
        assertErrno(Errno.EPERM, () -> v.unlink(ROOT, "/dev/null"));
    }

    @Test
    void symlinksResolveInsideTheVmAndLoopsStopAtForty() {
        VirtualFilesystem v = vfs();
        v.symlink(GUEST, "/etc", "/workspace/etc-link");
        v.symlink(GUEST, "../etc/hostname", "/workspace/rel");
        assertEquals("agent-os\n", read(v, GUEST, "/workspace/etc-link/hostname"));
        assertEquals("agent-os\n", read(v, GUEST, "/workspace/rel"));
        assertEquals("/etc/hostname", v.realpath(GUEST, "/workspace/rel"));
        assertEquals(FileType.SYMLINK, v.lstat(GUEST, "/workspace/rel").type());
        v.symlink(GUEST, "/workspace/b", "/workspace/a");
        v.symlink(GUEST, "/workspace/a", "/workspace/b");
        assertErrno(Errno.ELOOP, () -> v.stat(GUEST, "/workspace/a"));
        // A chain of exactly 40 links resolves; 41 does not.
        write(v, GUEST, "/workspace/target", "end");
        String prev = "/workspace/target";
        for (int i = 0; i < 41; i++) {
            v.symlink(GUEST, prev, "/workspace/l" + i);
            prev = "/workspace/l" + i;
        }
        assertEquals("end", read(v, GUEST, "/workspace/l39"));
        assertErrno(Errno.ELOOP, () -> read(v, GUEST, "/workspace/l40"));
    }

    @Test
    void pathsMustBeCanonical() {
        VirtualFilesystem v = vfs();
        assertErrno(Errno.EINVAL, () -> v.stat(GUEST, "/etc/../etc"));
        assertErrno(Errno.EINVAL, () -> v.stat(GUEST, "etc"));
    }

    @Test
    void modeBitsApplyToGuestsButNotToTheHost() {
        VirtualFilesystem v = vfs();
        assertErrno(Errno.EACCES, () -> write(v, GUEST, "/etc/new", "x"));
        assertErrno(Errno.EACCES, () -> v.readdir(GUEST, "/root"));
        write(v, ROOT, "/etc/new", "root may");
        write(v, Caller.HOST, "/workspace/host.txt", "from host");
        assertEquals(1000, v.stat(GUEST, "/workspace/host.txt").uid(), "host-created files belong to the VM user");
        write(v, GUEST, "/workspace/mine", "x");
        v.chmod(GUEST, "/workspace/mine", 0600);
        assertErrno(Errno.EACCES, () -> read(v, OTHER, "/workspace/mine"));
        assertErrno(Errno.EPERM, () -> v.chmod(OTHER, "/workspace/mine", 0777));
        assertErrno(Errno.EPERM, () -> v.chown(GUEST, "/workspace/mine", 0, 0));
        write(v, OTHER, "/tmp/theirs", "x");
        assertErrno(Errno.EPERM, () -> v.unlink(GUEST, "/tmp/theirs"));
    }

    @Test
    void instructionsAreReadOnlyToGuests() {
        VirtualFilesystem v = vfs();
        String path = BaseLayer.INSTRUCTIONS;
        assertTrue(read(v, GUEST, path).contains("Agent OS"));
        assertErrno(Errno.EROFS, () -> write(v, ROOT, path, "hijack"));
        assertErrno(Errno.EROFS, () -> v.unlink(ROOT, path));
        assertErrno(Errno.EROFS, () -> v.rename(ROOT, "/etc/agentos", "/tmp/x"));
        assertErrno(Errno.EROFS, () -> v.rename(ROOT, "/etc", "/etc2"));
        assertErrno(Errno.EROFS, () -> v.link(ROOT, path, "/tmp/hardlink"));
        assertErrno(Errno.EROFS, () -> v.chmod(ROOT, path, 0666));
        write(v, Caller.HOST, path, "new instructions");
        assertEquals("new instructions", read(v, GUEST, path));
    }

    @Test
    void mountsReplaceSubtreesWithLongestPrefixAndCrossingIsExdev() {
        VirtualFilesystem v = vfs();
        MemoryMountPlugin memory = new MemoryMountPlugin();
        v.mount("/data", "memory", memory.create(new MountRequest("vm-t", "/data", "{}", false, 1000, 1000)), false);
        v.mount("/data/inner", "memory", memory.create(new MountRequest("vm-t", "/data/inner", "{}", false, 1000, 1000)), true);
        write(v, GUEST, "/data/a", "on data");
        assertEquals("on data", read(v, GUEST, "/data/a"));
        assertErrno(Errno.EROFS, () -> write(v, GUEST, "/data/inner/x", "ro"));
        assertErrno(Errno.EXDEV, () -> v.rename(GUEST, "/data/a", "/workspace/a"));
        assertErrno(Errno.EXDEV, () -> v.link(GUEST, "/data/a", "/workspace/a"));
        assertEquals(List.of(new MountInfo("/data", "memory", false), new MountInfo("/data/inner", "memory", true)), v.mounts());
        assertErrno(Errno.EBUSY, () -> v.unmount("/data"));
        assertErrno(Errno.EBUSY, () -> v.mount("/data", "memory", memory.create(new MountRequest("vm-t", "/data", "{}", false, 0, 0)), false));
        assertErrno(Errno.EINVAL, () -> v.unmount("/workspace"));
        assertErrno(Errno.EBUSY, () -> v.unmount("/dev"));
        v.unmount("/data/inner");
        v.unmount("/data");
        assertErrno(Errno.ENOENT, () -> v.stat(GUEST, "/data/a"));
        assertTrue(v.stat(GUEST, "/data").isDirectory(), "the mount point stays");
    }

    @Test
    void hostDirSymlinksCannotLeaveTheMount() throws Exception {
        Path host = Files.createDirectories(tmp.resolve("share"));
        Path secretDir = Files.createDirectories(tmp.resolve("host-only"));
        Files.writeString(secretDir.resolve("hostname"), "HOST SECRET");
        Files.createSymbolicLink(host.resolve("abs"), secretDir);
        Files.createSymbolicLink(host.resolve("root"), Path.of("/"));
        Files.createSymbolicLink(host.resolve("up"), Path.of("../../../../../.."));
        VirtualFilesystem v = vfs();
        v.mount("/mnt/share", "host_dir", new HostDirMountPlugin().create(new MountRequest("vm-t", "/mnt/share",
                "{\"hostPath\":" + agentos.api.config.Json.quote(host.toString()) + ",\"readOnly\":false}", false, 1000, 1000)), false);
        // Absolute host links resolve inside the VM's namespace, never on the host.
        assertErrno(Errno.ENOENT, () -> read(v, GUEST, "/mnt/share/abs/hostname"));
        assertEquals("agent-os\n", read(v, GUEST, "/mnt/share/root/etc/hostname"));
        assertTrue(read(v, GUEST, "/mnt/share/root/etc/passwd").contains("agentos:x:1000"));
        assertEquals("agent-os\n", read(v, GUEST, "/mnt/share/up/etc/hostname"));
        // A guest-made link in the host directory is just as harmless.
        v.symlink(GUEST, "/tmp", "/mnt/share/to-tmp");
        write(v, GUEST, "/mnt/share/to-tmp/written", "lands in the VM's /tmp");
        assertEquals("lands in the VM's /tmp", read(v, GUEST, "/tmp/written"));
        assertFalse(Files.exists(Path.of("/tmp/written")));
        write(v, GUEST, "/mnt/share/real.txt", "on the host");
        assertEquals("on the host", Files.readString(host.resolve("real.txt")));
    }

    @Test
    void snapshotsRoundTripAsALowerAndAreBounded() {
        VirtualFilesystem v = vfs();
        v.mkdir(GUEST, "/workspace/proj", 0755);
        write(v, GUEST, "/workspace/proj/main.txt", "content");
        v.symlink(GUEST, "main.txt", "/workspace/proj/link");
        v.unlink(Caller.HOST, "/etc/hostname");
        FilesystemSnapshot snap = v.export(10 << 20);
        assertEquals(FilesystemSnapshot.FORMAT, snap.format());
        assertTrue(snap.entries().stream().anyMatch(e -> e.path().equals("/workspace/proj/main.txt")));
        assertFalse(snap.entries().stream().anyMatch(e -> e.path().equals("/etc/hostname")));
        assertErrno(Errno.EFBIG, () -> v.export(1000));

        VirtualFilesystem copy = vfs(new RootFilesystemConfig(RootFilesystemConfig.RootMode.EPHEMERAL, true,
                List.of(new RootFilesystemConfig.SnapshotLower(snap))), VmLimits.Resources.DEFAULT);
        assertEquals("content", read(copy, GUEST, "/workspace/proj/link"));
        assertErrno(Errno.ENOENT, () -> copy.stat(GUEST, "/etc/hostname"));
        write(copy, GUEST, "/workspace/proj/main.txt", "changed in copy");
        assertEquals("content", read(v, GUEST, "/workspace/proj/main.txt"), "VMs share nothing");
    }

    @Test
    void readOnlyRootRefusesWrites() {
        VirtualFilesystem v = vfs(new RootFilesystemConfig(RootFilesystemConfig.RootMode.READ_ONLY, false, List.of()),
                VmLimits.Resources.DEFAULT);
        assertErrno(Errno.EROFS, () -> write(v, GUEST, "/workspace/x", "x"));
        assertEquals("agent-os\n", read(v, GUEST, "/etc/hostname"));
    }

    @Test
    void filesystemLimitsFireWithEnospcAndAWarning() {
        VmLimits.Resources r = VmLimits.Resources.DEFAULT;
        VmLimits.Resources small = new VmLimits.Resources(r.cpuCount(), r.maxProcesses(), r.maxOpenFds(), r.maxPipes(),
                r.maxPtys(), r.maxSockets(), r.maxConnections(), r.maxSocketBufferedBytes(), r.maxSocketDatagramQueueLen(),
                1000, 20, r.maxBlockingReadMs(), r.maxPreadBytes(), r.maxFdWriteBytes(), r.maxProcessArgvBytes(),
                r.maxProcessEnvBytes(), 5, r.maxRecursiveFsDepth(), r.maxRecursiveFsEntries());
        VirtualFilesystem v = vfs(RootFilesystemConfig.DEFAULT, small);
        write(v, GUEST, "/workspace/big", "x".repeat(900));
        assertEquals(900, v.usedBytes());
        assertEquals(1, warnings.size());
        assertErrno(Errno.ENOSPC, () -> write(v, GUEST, "/workspace/more", "x".repeat(200)));
        assertErrno(Errno.ENOMEM, () -> v.readdir(GUEST, "/etc"));
    }

    @Test
    void deferredUnlinkThroughTheVfs() {
        VirtualFilesystem v = vfs();
        write(v, GUEST, "/workspace/f", "kept");
        try (VfsFile f = v.open(GUEST, "/workspace/f", Syscalls.O_RDONLY, 0)) {
            v.unlink(GUEST, "/workspace/f");
            byte[] b = new byte[4];
            assertEquals(4, f.read(0, b, 0, 4));
            assertEquals(0, f.stat().nlink());
        }
    }

    @Test
    void openFlagsFollowPosix() {
        VirtualFilesystem v = vfs();
        write(v, GUEST, "/workspace/f", "x");
        assertErrno(Errno.EEXIST, () -> v.open(GUEST, "/workspace/f", Syscalls.O_WRONLY | Syscalls.O_CREAT | Syscalls.O_EXCL, 0644));
        assertErrno(Errno.ENOTDIR, () -> v.open(GUEST, "/workspace/f", Syscalls.O_RDONLY | Syscalls.O_DIRECTORY, 0));
        assertErrno(Errno.EISDIR, () -> v.open(GUEST, "/workspace", Syscalls.O_WRONLY, 0));
        v.symlink(GUEST, "f", "/workspace/l");
        assertErrno(Errno.ELOOP, () -> v.open(GUEST, "/workspace/l", Syscalls.O_RDONLY | Syscalls.O_NOFOLLOW, 0));
        try (VfsFile d = v.open(GUEST, "/workspace", Syscalls.O_RDONLY | Syscalls.O_DIRECTORY, 0)) {
            assertTrue(d.stat().isDirectory());
        }
        assertErrno(Errno.ENOENT, () -> v.open(GUEST, "/workspace/none", Syscalls.O_RDONLY, 0));
    }
}
