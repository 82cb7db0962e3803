package agentos.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Names of the protocol's requests, events and sidecar requests (snake_case on the wire). Every request except
 * {@link #AUTHENTICATE} needs an authenticated connection; {@link #OPEN_SESSION} and {@link #CREATE_VM} act
 * in connection and session scope, everything about a VM in VM scope. A response has the request's type, or
 * {@link #REJECTED}.
 */
public final class Wire {
    private Wire() {}

    public static final String REJECTED = "rejected";

    // Handshake and connection (connection scope unless noted).
    public static final String AUTHENTICATE = "authenticate";
    public static final String OPEN_SESSION = "open_session";
    /** Session scope. */
    public static final String CREATE_VM = "create_vm";
    public static final String LIST_VMS = "list_vms";
    public static final String PING = "ping";
    /** Agent-layer requests and events: {@code {namespace, payload}}. */
    public static final String EXT = "ext";

    // VM scope.
    public static final String DISPOSE_VM = "dispose_vm";
    public static final String VM_INFO = "vm_info";
    public static final String VM_CONFIG = "vm_config";
    public static final String FILESYSTEM = "filesystem";
    public static final String EXEC = "exec";
    public static final String EXEC_FILE = "exec_file";
    public static final String SPAWN = "spawn";
    public static final String GET_PROCESS = "get_process";
    public static final String LIST_PROCESSES = "list_processes";
    public static final String PROCESS_TREE = "process_tree";
    public static final String WAIT_PROCESS = "wait_process";
    public static final String SIGNAL = "signal";
    public static final String WRITE_STDIN = "write_stdin";
    public static final String CLOSE_STDIN = "close_stdin";
    public static final String RESIZE_PTY = "resize_pty";
    public static final String READ_OUTPUT = "read_output";
    public static final String SUBSCRIBE_OUTPUT = "subscribe_output";
    public static final String SUBSCRIBE_EXIT = "subscribe_exit";
    public static final String UNSUBSCRIBE = "unsubscribe";
    public static final String TERMINAL = "terminal";
    public static final String SOFTWARE = "software";
    /** {@code {op: fetch | stream_start | stream_read | stream_cancel, port, request | stream_id, max_bytes}}. */
    public static final String NETWORK = "network";
    /** {@code {op: create | get | list | reset | delete, context_id, language}}. */
    public static final String CONTEXTS = "contexts";
    /** {@code {op: execute | evaluate | execute_file | spawn | spawn_file, source | path, options: CodeOptions}}. */
    public static final String JAVASCRIPT = "javascript";

    // Events.
    public static final String VM_LIFECYCLE = "vm_lifecycle";
    public static final String LIMIT_WARNING = "limit_warning";
    public static final String PROCESS_OUTPUT = "process_output";
    public static final String PROCESS_EXITED = "process_exited";
    public static final String TERMINAL_DATA = "terminal_data";
    public static final String TERMINAL_EXITED = "terminal_exited";
    public static final String HEARTBEAT = "heartbeat";
    /** Sent once before a side closes the connection: {@code {code, message}}. */
    public static final String CLOSING = "closing";

    // Sidecar requests (negative ids), answered by the client.
    /** The sidecar checks that the client still answers. */
    public static final String CLIENT_PING = "client_ping";

    private static final Properties BUILD = load();

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Wire.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /**
     * Identifies the build of the protocol code; {@code authenticate} fails unless both sides report the same
     * value (they are always built together; there is no version negotiation).
     */
    public static String buildId() {
        return BUILD.getProperty("version", "unknown") + "+" + BUILD.getProperty("build", "unknown");
    }
}
