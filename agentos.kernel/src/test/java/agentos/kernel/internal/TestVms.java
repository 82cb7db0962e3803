package agentos.kernel.internal;

import agentos.api.Vm;
import agentos.api.config.VmConfig;
import agentos.api.spi.Executor;
import agentos.api.spi.MountPlugin;
import agentos.api.spi.Syscalls;
import agentos.vfs.internal.HostDirMountPlugin;
import agentos.vfs.internal.MemoryMountPlugin;
import agentos.vfs.internal.VfsFactory;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.log.Logger;

/** A registry wired like the runtime (real VFS, memory and host_dir plugins) plus the Java test executor. */
final class TestVms implements AutoCloseable {
    final JavaTestExecutor executor = new JavaTestExecutor();
    final List<Executor> executors = new CopyOnWriteArrayList<>(List.of(executor));
    final List<MountPlugin> plugins = new CopyOnWriteArrayList<>(List.of(new MemoryMountPlugin(), new HostDirMountPlugin()));
    final List<agentos.api.spi.SoftwarePackage> packages = new CopyOnWriteArrayList<>();
    final List<String> logged = new ArrayList<>();
    final VmRegistry registry;

    TestVms() {
        this(1024);
    }

    TestVms(int maxVms) {
        Logger log = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (args != null && args.length > 0 && args[0] instanceof String s) {
                        synchronized (logged) {
                            logged.add(method.getName() + ":" + s);
                        }
                    }
                    return method.getReturnType() == boolean.class ? Boolean.FALSE : null;
                });
        registry = new VmRegistry(maxVms, log, System::currentTimeMillis, new VfsFactory(), () -> executors, () -> plugins,
                () -> packages);
    }

    /** A VM whose /usr/local/bin holds every registered test program. */
    Vm vm(VmConfig config) {
        Vm vm = registry.create(config);
        for (String name : executor.programs.keySet()) {
            install(vm, name);
        }
        return vm;
    }

    Vm vm() {
        return vm(VmConfig.defaults());
    }

    void program(String name, JavaTestExecutor.Program p) {
        executor.programs.put(name, p);
    }

    static void install(Vm vm, String name) {
        vm.filesystem().writeFile("/usr/local/bin/" + name, JavaTestExecutor.file(name));
        vm.filesystem().chmod("/usr/local/bin/" + name, 0755);
    }

    static void print(Syscalls sys, int fd, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int off = 0;
        while (off < b.length) {
            off += sys.write(fd, b, off, b.length - off);
        }
    }

    static String readAll(Syscalls sys, int fd) {
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[8192];
        int n;
        while ((n = sys.read(fd, buf, 0, buf.length)) > 0) {
            sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    @Override
    public void close() {
        registry.deactivate();
    }
}
