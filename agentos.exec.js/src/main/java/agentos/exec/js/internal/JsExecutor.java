package agentos.exec.js.internal;

import agentos.api.spi.Executor;
import agentos.api.spi.ExecutorProcess;
import agentos.api.spi.LaunchContext;
import agentos.api.spi.ProgramHeader;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Engine;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Runs {@code node}: each guest process gets its own GraalJS {@code Context} on one {@link Engine} shared by the
 * whole runtime, so a second process that loads the same big source finds it already parsed.
 */
@Component(service = Executor.class)
public final class JsExecutor implements Executor {
    /** The content of {@code /opt/agentos/bin/node}. Not a {@code #!} line, so the kernel's shebang logic skips it. */
    static final byte[] MAGIC = "\0agentos-node\n".getBytes(StandardCharsets.US_ASCII);

    private volatile Engine engine;
    private final HeapGuard guard;

    public JsExecutor() {
        this(HeapGuard.forFraction(Double.parseDouble(System.getProperty("agentos.js.heapGuardFraction", "0.85"))));
    }

    JsExecutor(HeapGuard guard) {
        this.guard = guard;
    }

    @Override
    public String id() {
        return "node";
    }

    @Override
    public boolean canExecute(ProgramHeader header) {
        return header.startsWith(MAGIC);
    }

    @Override
    public ExecutorProcess start(LaunchContext context) {
        return JsProcess.start(engine(), guard, context);
    }

    /** Created on first use: building an engine costs a few hundred ms that VMs without node never pay. */
    Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    e = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
                    engine = e;
                }
            }
        }
        return e;
    }

    @Deactivate
    public void deactivate() {
        guard.close();
        Engine e = engine;
        if (e != null) {
            e.close(true);
        }
    }
}
