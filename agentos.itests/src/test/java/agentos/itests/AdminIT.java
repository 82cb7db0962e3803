package agentos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import agentos.api.AgentOs;
import agentos.api.VmInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The agentos: administration commands through Gogo's CommandProcessor, on the real runtime. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AdminIT {

    @Inject
    private AgentOs agentOs;

    @Inject
    private CommandProcessor commands;

    @Configuration
    public Option[] config() {
        return ItestSupport.agentOsRuntime();
    }

    private static String text(CommandSession session, String cmd) throws Exception {
        Object r = session.execute(cmd);
        return r == null ? "" : session.format(r, Converter.INSPECT).toString();
    }

    private static void fails(CommandSession session, String cmd, String expected) {
        try {
            session.execute(cmd);
            fail(cmd + " must fail");
        } catch (Exception e) {
            assertTrue(cmd + ": " + e.getMessage(), e.getMessage() != null && e.getMessage().contains(expected));
        }
    }

    @Test
    public void filesProcessesMountsAndLimits() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CommandSession session = commands.createSession(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true), new PrintStream(out, true))) {
            String id = ((VmInfo) session.execute("agentos:create --software tools")).vmId();
            try {
                assertEquals("wrote 16 bytes to /workspace/a.txt in " + id,
                        session.execute("agentos:write " + id + " /workspace/a.txt hello from gogo"));
                assertEquals("hello from gogo", session.execute("agentos:cat " + id + " /workspace/a.txt"));
                String ls = text(session, "agentos:ls " + id + " /workspace");
                assertTrue(ls, ls.startsWith("MODE") && ls.contains("-rw-r--r--  16    a.txt"));

                assertEquals("mounted memory at /data in " + id, session.execute("agentos:mount " + id + " /data memory"));
                assertTrue(text(session, "agentos:mounts " + id).contains("/data  memory  rw"));
                assertEquals("unmounted /data in " + id, session.execute("agentos:unmount " + id + " /data"));
                assertFalse(text(session, "agentos:mounts " + id).contains("/data"));

                agentOs.require(id).process().spawn("sleep", java.util.List.of("1000"), agentos.api.process.SpawnOptions.DEFAULT);
                String ps = text(session, "agentos:ps " + id);
                String line = ps.lines().filter(l -> l.contains("sleep 1000")).findFirst().orElseThrow(() -> new AssertionError(ps));
                String pid = line.trim().split("\\s+")[1];
                assertEquals("sent SIGKILL to " + pid + " in " + id, session.execute("agentos:kill " + id + " " + pid + " KILL"));
                long deadline = System.currentTimeMillis() + 10_000;
                while (text(session, "agentos:ps " + id).contains("running  sleep 1000") && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                assertFalse(text(session, "agentos:ps " + id).contains("running  sleep 1000"));

                String limits = text(session, "agentos:limits " + id);
                assertTrue(limits, limits.lines().anyMatch(l -> l.matches("resources\\.maxProcesses\\s+256")));
                assertTrue(limits, limits.lines().anyMatch(l -> l.matches("wasm\\.maxMemoryBytes\\s+268435456")));

                fails(session, "agentos:kill " + id + " abc", "PID must be a number, got 'abc'");
                fails(session, "agentos:kill " + id + " 2 NOPE", "unknown signal 'NOPE'");
                fails(session, "agentos:cat vm-999999 /x", "no VM with id 'vm-999999'");
                fails(session, "agentos:ls " + id + " /nope", "/nope");
                fails(session, "agentos:mount " + id + " /m nope", "no mount plugin 'nope'");
            } finally {
                agentOs.dispose(id);
            }
        }
    }
}
