package agentos.wire;

import java.io.IOException;

/** A frame that could not be read. {@link Kind#INVALID} leaves the stream usable; the others do not. */
public final class WireException extends IOException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** Length prefix larger than the agreed maximum; the stream cannot be resynchronised. */
        TOO_LARGE,
        /** The stream ended inside a frame. */
        TRUNCATED,
        /** A complete frame whose JSON or envelope is wrong; the next frame can still be read. */
        INVALID
    }

    private final Kind kind;
    private final long frameId;

    public WireException(Kind kind, long frameId, String message) {
        super(message);
        this.kind = kind;
        this.frameId = frameId;
    }

    public Kind kind() {
        return kind;
    }

    /** The id of the offending frame when it could be read, else 0. */
    public long frameId() {
        return frameId;
    }
}
