package agentos.sidecar.internal;

import agentos.api.AgentOs;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Serves {@link AgentOs} to wire-protocol connections; mints connection and session ids. */
final class Sidecar {
    private final AgentOs agentOs;
    private final PrintStream log;
    private final String id = "sidecar-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong sessions = new AtomicLong();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();

    Sidecar(AgentOs agentOs, PrintStream log) {
        this.agentOs = agentOs;
        this.log = log;
    }

    AgentOs agentOs() {
        return agentOs;
    }

    PrintStream log() {
        return log;
    }

    String id() {
        return id;
    }

    String nextSessionId() {
        return "session-" + sessions.incrementAndGet();
    }

    Connection connect(InputStream in, OutputStream out, Connection.Options options) {
        Connection c = new Connection(this, "conn-" + connections.incrementAndGet(), in, out, options);
        open.add(c);
        return c;
    }

    void closed(Connection c) {
        open.remove(c);
    }

    int openConnections() {
        return open.size();
    }
}
