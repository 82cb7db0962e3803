package agentos.sidecar.internal;

import agentos.api.AgentOs;
import agentos.api.spi.LauncherMode;
import agentos.wire.FrameCodec;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code agentos sidecar [--heartbeat-ms N] [--max-frame-bytes N]}: serves the wire protocol on stdin/stdout
 * until the client closes stdin (or goes silent), then disposes the client's VMs and exits.
 */
@Component(service = LauncherMode.class, property = LauncherMode.NAME + "=sidecar")
public final class SidecarMode implements LauncherMode {
    private final AgentOs agentOs;

    @Activate
    public SidecarMode(@Reference AgentOs agentOs) {
        this.agentOs = agentOs;
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        Connection.Options defaults = Connection.Options.DEFAULT;
        long heartbeatMs = defaults.heartbeatMs();
        int maxFrame = FrameCodec.DEFAULT_MAX_FRAME_BYTES;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.equals("--heartbeat-ms") && !a.equals("--max-frame-bytes")) {
                err.println("agentos sidecar: unknown option '" + a + "'; options: --heartbeat-ms N, --max-frame-bytes N");
                return 2;
            }
            if (i + 1 >= args.size()) {
                err.println("agentos sidecar: " + a + " needs a number");
                return 2;
            }
            long v;
            try {
                v = Long.parseLong(args.get(++i));
            } catch (NumberFormatException e) {
                err.println("agentos sidecar: " + a + " needs a number, got '" + args.get(i) + "'");
                return 2;
            }
            if (v < 1 || (a.equals("--max-frame-bytes") && (v < 4096 || v > Integer.MAX_VALUE - 8))) {
                err.println("agentos sidecar: " + a + " out of range: " + v);
                return 2;
            }
            if (a.equals("--heartbeat-ms")) {
                heartbeatMs = v;
            } else {
                maxFrame = (int) v;
            }
        }
        // stdout carries frames only: anything else that prints to System.out lands on stderr instead.
        OutputStream frames = out == System.out ? new FileOutputStream(FileDescriptor.out) : out;
        InputStream input = in == System.in ? new FileInputStream(FileDescriptor.in) : in;
        PrintStream previous = System.out;
        System.setOut(err);
        try {
            Sidecar sidecar = new Sidecar(agentOs, err);
            Connection c = sidecar.connect(input, frames, new Connection.Options(maxFrame, heartbeatMs, defaults.maxBulkBytes()));
            c.serve();
            return 0;
        } finally {
            System.setOut(previous);
        }
    }
}
