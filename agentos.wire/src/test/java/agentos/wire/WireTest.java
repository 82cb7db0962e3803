package agentos.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.NotAvailableException;
import agentos.api.VmNotFoundException;
import agentos.api.config.MountConfig;
import agentos.api.config.RootFilesystemConfig;
import agentos.api.config.VmConfig;
import agentos.api.fs.FilesystemSnapshot;
import agentos.api.process.ExecResult;
import agentos.api.process.Outcome;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireTest {
    private static FrameCodec reading(byte[] bytes, int max) {
        return new FrameCodec(new ByteArrayInputStream(bytes), new ByteArrayOutputStream(), max);
    }

    @Test
    void framesRoundTripAndEndCleanlyBetweenFrames() throws Exception {
        FrameCodec codec = new FrameCodec(null, null, 1 << 20);
        Ownership scope = Ownership.connection("conn-1").withSession("session-1").withVm("vm-2");
        Frame sent = Frame.request(7, scope, Wire.FILESYSTEM, WireJson.object("op", "exists", "path", "/a"));
        byte[] one = codec.encode(sent);
        assertEquals(one.length - 4, ((one[0] & 0xff) << 24) | ((one[1] & 0xff) << 16) | ((one[2] & 0xff) << 8) | (one[3] & 0xff));
        byte[] two = codec.encode(sent.reject(RejectCode.NOT_FOUND, "gone"));
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(one);
        both.writeBytes(two);
        FrameCodec in = reading(both.toByteArray(), 1 << 20);
        assertEquals(sent, in.read());
        Frame reply = in.read();
        assertEquals(FrameKind.RESPONSE, reply.kind());
        assertEquals(7, reply.id());
        assertEquals(scope, reply.ownership());
        assertTrue(reply.rejected());
        assertNull(in.read());
    }

    @Test
    void oversizeTruncatedAndMalformedFramesAreTypedErrors() throws Exception {
        WireException big = assertThrows(WireException.class, () -> reading(new byte[] {0, 1, 0, 0}, 1024).read());
        assertEquals(WireException.Kind.TOO_LARGE, big.kind());
        WireException cut = assertThrows(WireException.class, () -> reading(new byte[] {0, 0, 0, 9, '{'}, 1024).read());
        assertEquals(WireException.Kind.TRUNCATED, cut.kind());
        WireException header = assertThrows(WireException.class, () -> reading(new byte[] {0, 0}, 1024).read());
        assertEquals(WireException.Kind.TRUNCATED, header.kind());
        byte[] json = "[1]".getBytes(StandardCharsets.UTF_8);
        WireException notObject = assertThrows(WireException.class, () -> reading(concat(new byte[] {0, 0, 0, 3}, json), 1024).read());
        assertEquals(WireException.Kind.INVALID, notObject.kind());
        byte[] noType = "{\"frame\":\"request\",\"id\":4}".getBytes(StandardCharsets.UTF_8);
        WireException missing = assertThrows(WireException.class,
                () -> reading(concat(new byte[] {0, 0, 0, (byte) noType.length}, noType), 1024).read());
        assertEquals(4, missing.frameId(), "the id is kept so the rejection can answer the request");
        assertTrue(missing.getMessage().contains("'type'"));
        assertThrows(WireException.class, () -> new FrameCodec(null, null, 16).encode(Frame.event(Ownership.NONE, "x", WireJson.object("a", "bbbbbbbbbbbbbbbb"))));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void configsAndResultsSurviveJsonIncludingBytesAndSealedLowers() {
        FilesystemSnapshot snapshot = FilesystemSnapshot.of(List.of());
        VmConfig config = VmConfig.builder().env("A", "1").cwd("/work").mount(MountConfig.of("/m", "memory", "{}"))
                .rootFilesystem(new RootFilesystemConfig(RootFilesystemConfig.RootMode.READ_ONLY, true,
                        List.of(new RootFilesystemConfig.SnapshotLower(snapshot), new RootFilesystemConfig.BundledBaseLower())))
                .build();
        String json = WireJson.GSON.toJson(config);
        assertTrue(json.contains("\"root_filesystem\""), json);
        assertEquals(config, WireJson.GSON.fromJson(json, VmConfig.class));
        ExecResult r = new ExecResult(Outcome.SUCCEEDED, 0, new byte[] {(byte) 0xc3, 0x28, 0}, null, false, false, null);
        ExecResult back = WireJson.GSON.fromJson(WireJson.GSON.toJson(r), ExecResult.class);
        assertArrayEquals(r.stdout(), back.stdout(), "bytes that are not valid UTF-8 cross unchanged");
        assertNull(back.stderr());
    }

    @Test
    void rejectionsBecomeTheSameExceptionTypes() {
        ErrnoException errno = new ErrnoException(Errno.ENOENT, "open", "/x", "detail");
        JsonObject p = Rejection.of(errno);
        ErrnoException back = assertInstanceOf(ErrnoException.class, Rejection.toException("filesystem", p));
        assertEquals(Errno.ENOENT, back.errno());
        assertEquals("open", back.syscall());
        assertEquals("/x", back.path());
        assertEquals(errno.getMessage(), back.getMessage());
        assertEquals("vm-9", assertInstanceOf(VmNotFoundException.class,
                Rejection.toException("vm_info", Rejection.of(new VmNotFoundException("vm-9")))).vmId());
        NotAvailableException na = assertInstanceOf(NotAvailableException.class,
                Rejection.toException("x", Rejection.of(new NotAvailableException("vm.sessions()", "later"))));
        assertEquals("vm.sessions()", na.capability());
        assertEquals("vm.sessions() is not available: later", na.getMessage());
        assertInstanceOf(IllegalArgumentException.class, Rejection.toException("x", Rejection.of(new IllegalArgumentException("bad"))));
        assertEquals("internal_error", Rejection.of(new RuntimeException("boom")).get("code").getAsString());
    }
}
