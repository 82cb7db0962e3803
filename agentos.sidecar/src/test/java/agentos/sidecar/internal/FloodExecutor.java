package agentos.sidecar.internal;

import agentos.api.process.Signal;
import agentos.api.spi.Executor;
import agentos.api.spi.ExecutorProcess;
import agentos.api.spi.LaunchContext;
import agentos.api.spi.ProgramHeader;
import java.util.Arrays;

/** Programs starting with {@code \0fld} write 32 KiB chunks to stdout until they are killed. */
final class FloodExecutor implements Executor {
    static final byte[] PROGRAM = {0, 'f', 'l', 'd'};

    @Override
    public String id() {
        return "flood";
    }

    @Override
    public boolean canExecute(ProgramHeader header) {
        return header.startsWith(PROGRAM);
    }

    @Override
    public ExecutorProcess start(LaunchContext ctx) {
        byte[] chunk = new byte[32 * 1024];
        Arrays.fill(chunk, (byte) 'y');
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    ctx.syscalls().write(1, chunk, 0, chunk.length);
                }
            } catch (RuntimeException killed) {
                // EPIPE / process killed
            }
        }, "flood-" + ctx.pid());
        t.setDaemon(true);
        t.start();
        return new ExecutorProcess() {
            @Override
            public int awaitExit() throws InterruptedException {
                t.join();
                return 0;
            }

            @Override
            public void signal(Signal signal) {
                t.interrupt();
            }

            @Override
            public void terminate(String reason) {
                t.interrupt();
            }
        };
    }
}
