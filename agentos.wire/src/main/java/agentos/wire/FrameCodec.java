package agentos.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Reads and writes length-prefixed JSON frames. Not thread-safe: one reader thread and one writer thread. */
public final class FrameCodec {
    /** Default cap on one frame's payload: a 16 MiB file read travels base64-encoded with room to spare. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 32 * 1024 * 1024;

    private final InputStream in;
    private final OutputStream out;
    private final int maxFrameBytes;
    private final byte[] header = new byte[4];

    public FrameCodec(InputStream in, OutputStream out, int maxFrameBytes) {
        this.in = in;
        this.out = out;
        this.maxFrameBytes = maxFrameBytes;
    }

    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /**
     * The next frame, or null at a clean end of stream (between frames). Throws {@link WireException} for an
     * oversize, truncated or malformed frame.
     */
    public @Nullable Frame read() throws IOException {
        int n = in.readNBytes(header, 0, 4);
        if (n == 0) {
            return null;
        }
        if (n < 4) {
            throw new WireException(WireException.Kind.TRUNCATED, 0, "stream ended inside a frame's length prefix");
        }
        long length = ((header[0] & 0xffL) << 24) | ((header[1] & 0xff) << 16) | ((header[2] & 0xff) << 8) | (header[3] & 0xff);
        if (length > maxFrameBytes) {
            throw new WireException(WireException.Kind.TOO_LARGE, 0,
                    "frame of " + length + " bytes exceeds the limit of " + maxFrameBytes + " bytes");
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new WireException(WireException.Kind.TRUNCATED, 0,
                    "stream ended inside a frame (" + body.length + " of " + length + " bytes)");
        }
        JsonElement json;
        try {
            json = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new WireException(WireException.Kind.INVALID, 0, "frame is not valid JSON: " + rootMessage(e));
        }
        return Frame.fromJson(json);
    }

    /** Encodes a frame; throws {@link WireException} (TOO_LARGE) instead of sending more than the peer accepts. */
    public byte[] encode(Frame frame) throws WireException {
        byte[] body = WireJson.GSON.toJson(frame.toJson()).getBytes(StandardCharsets.UTF_8);
        if (body.length > maxFrameBytes) {
            throw new WireException(WireException.Kind.TOO_LARGE, frame.id(), "a " + frame.type() + " frame of "
                    + body.length + " bytes exceeds the limit of " + maxFrameBytes + " bytes");
        }
        byte[] framed = new byte[4 + body.length];
        framed[0] = (byte) (body.length >>> 24);
        framed[1] = (byte) (body.length >>> 16);
        framed[2] = (byte) (body.length >>> 8);
        framed[3] = (byte) body.length;
        System.arraycopy(body, 0, framed, 4, body.length);
        return framed;
    }

    /** Writes an encoded frame and flushes. */
    public void write(byte[] encoded) throws IOException {
        out.write(encoded);
        out.flush();
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
