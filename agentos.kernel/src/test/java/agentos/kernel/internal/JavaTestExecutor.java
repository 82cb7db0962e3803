package agentos.kernel.internal;

import agentos.api.process.Signal;
import agentos.api.spi.Executor;
import agentos.api.spi.ExecutorProcess;
import agentos.api.spi.GuestExit;
import agentos.api.spi.LaunchContext;
import agentos.api.spi.ProgramHeader;
import agentos.api.spi.Syscalls;
import agentos.api.ErrnoException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A test executor: program files start with {@code \0tst} followed by a program name, and the programs are Java
 * lambdas over {@link Syscalls}. Lets kernel tests run real processes without a WebAssembly or JS runtime.
 */
final class JavaTestExecutor implements Executor {
    static final byte[] MAGIC = {0, 't', 's', 't'};

    interface Program {
        int run(Syscalls sys, List<String> argv, Proc self) throws Exception;
    }

    /** What a running test program can see of itself (signals handed to it). */
    static final class Proc {
        final ConcurrentLinkedQueue<Signal> signals = new ConcurrentLinkedQueue<>();
        volatile boolean terminated;
    }

    final Map<String, Program> programs = new ConcurrentHashMap<>();

    static byte[] file(String program) {
        byte[] name = program.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[MAGIC.length + name.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        System.arraycopy(name, 0, out, MAGIC.length, name.length);
        return out;
    }

    @Override
    public String id() {
        return "javatest";
    }

    @Override
    public boolean canExecute(ProgramHeader header) {
        return header.startsWith(MAGIC);
    }

    @Override
    public ExecutorProcess start(LaunchContext ctx) {
        byte[] bytes = ctx.program();
        String name = new String(bytes, MAGIC.length, bytes.length - MAGIC.length, StandardCharsets.UTF_8);
        Program program = programs.get(name);
        if (program == null) {
            throw new IllegalStateException("no test program '" + name + "'");
        }
        Proc self = new Proc();
        int[] status = {0};
        Thread t = new Thread(() -> {
            try {
                status[0] = program.run(ctx.syscalls(), ctx.argv(), self);
            } catch (GuestExit e) {
                status[0] = e.status();
            } catch (ErrnoException e) {
                status[0] = self.terminated ? 137 : 1;
            } catch (Exception e) {
                status[0] = 1;
            }
        }, "test-guest-" + ctx.pid());
        t.setDaemon(true);
        t.start();
        return new ExecutorProcess() {
            @Override
            public int awaitExit() throws InterruptedException {
                t.join();
                return status[0];
            }

            @Override
            public void signal(Signal signal) {
                self.signals.add(signal);
            }

            @Override
            public void terminate(String reason) {
                self.terminated = true;
            }
        };
    }
}
