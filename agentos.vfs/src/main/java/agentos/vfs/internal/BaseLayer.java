package agentos.vfs.internal;

import agentos.api.config.UserConfig;
import agentos.api.spi.BackendFile;
import agentos.api.spi.OpenFlags;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * The bundled base layer: a small Alpine-like userland (POSIX directory set, /etc files with the guest user,
 * home and workspace). Built frozen; VMs see it as the lowest overlay layer and copy entries up on change.
 */
final class BaseLayer {
    static final String INSTRUCTIONS = "/etc/agentos/instructions.md";

    private BaseLayer() {}

    static MemoryFs build(UserConfig user, LongSupplier clock) {
        MemoryFs fs = new MemoryFs(Quota.unlimited(), clock);
        for (String d : new String[] {
            "bin", "boot", "dev", "etc", "etc/agentos", "home", "lib", "media", "mnt", "opt", "opt/agentos",
            "opt/agentos/bin", "opt/agentos/pkgs", "proc", "run", "sbin", "srv", "sys", "usr", "usr/bin",
            "usr/include", "usr/lib", "usr/libexec", "usr/local", "usr/local/bin", "usr/local/lib", "usr/local/sbin",
            "usr/sbin", "usr/share", "usr/share/man", "var", "var/cache", "var/empty", "var/lib", "var/lock",
            "var/log", "var/run", "var/spool"
        }) {
            fs.mkdir(d, 0755);
        }
        fs.mkdir("root", 0700);
        fs.mkdir("tmp", 01777);
        fs.mkdir("var/tmp", 01777);
        String home = user.homedir().substring(1);
        mkdirs(fs, home, 0755);
        fs.chmod(home, 02755);
        fs.setOwner(home, user.uid(), user.gid());
        fs.mkdir("workspace", 0755);
        fs.setOwner("workspace", user.uid(), user.gid());

        file(fs, "etc/os-release", 0644, """
                NAME="Alpine Linux"
                ID=alpine
                VERSION_ID=3.22.0
                PRETTY_NAME="Alpine Linux v3.22 (Agent OS VM)"
                HOME_URL="https://alpinelinux.org/"
                """);
        file(fs, "etc/alpine-release", 0644, "3.22.0\n");
        file(fs, "etc/hostname", 0644, "agent-os\n");
        file(fs, "etc/hosts", 0644, "127.0.0.1\tlocalhost agent-os\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        file(fs, "etc/shells", 0644, "/bin/sh\n/bin/bash\n");
        file(fs, "etc/passwd", 0644, "root:x:0:0:root:/root:/bin/sh\n"
                + user.username() + ":x:" + user.uid() + ":" + user.gid() + ":" + user.username() + ":"
                + user.homedir() + ":" + user.shell() + "\n"
                + "nobody:x:65534:65534:nobody:/:/sbin/nologin\n");
        file(fs, "etc/group", 0644, "root:x:0:root\n" + user.groupName() + ":x:" + user.gid() + ":" + user.username()
                + "\nnogroup:x:65534:\n");
        file(fs, "etc/profile", 0644, "export PATH=/usr/local/sbin:/usr/local/bin:/opt/agentos/bin:/usr/sbin:/usr/bin:/sbin:/bin\n");
        file(fs, INSTRUCTIONS.substring(1), 0644, """
                # Agent OS

                You are working inside an Agent OS VM: a small Linux-like system with its own filesystem and
                processes. Your working files live in /workspace. Commands are on PATH (including /opt/agentos/bin).
                Network access outside the VM is denied unless the VM's policy allows it.
                """);
        // The classic single-file shebang helper; the kernel resolves `#!/usr/bin/env NAME` through PATH.
        file(fs, "usr/bin/env", 0755, "#!/bin/sh\n# Agent OS: /usr/bin/env is resolved by the kernel\n");
        // Node's usual path; dangling (ENOENT) in a runtime without the JavaScript executor's node package.
        fs.symlink("/opt/agentos/bin/node", "usr/bin/node");
        // Programs hard-code /bin/sh (Node's child_process among them); it is the coreutils package's sh.
        fs.symlink("/opt/agentos/bin/sh", "bin/sh");
        return fs.freeze();
    }

    private static void mkdirs(MemoryFs fs, String path, int mode) {
        StringBuilder cur = new StringBuilder();
        for (String seg : path.split("/")) {
            if (cur.length() > 0) {
                cur.append('/');
            }
            cur.append(seg);
            try {
                fs.mkdir(cur.toString(), mode);
            } catch (agentos.api.ErrnoException e) {
                if (e.errno() != agentos.api.Errno.EEXIST) {
                    throw e;
                }
            }
        }
    }

    private static void file(MemoryFs fs, String path, int mode, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try (BackendFile f = fs.open(path, OpenFlags.WRITE_CREATE_TRUNCATE, mode)) {
            f.write(0, bytes, 0, bytes.length);
        }
    }
}
