package agentos.wire;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The five frame kinds. Client request ids are positive, sidecar request ids negative; events carry id 0. */
public enum FrameKind {
    REQUEST,
    RESPONSE,
    EVENT,
    SIDECAR_REQUEST,
    SIDECAR_RESPONSE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static @Nullable FrameKind fromWire(String name) {
        for (FrameKind k : values()) {
            if (k.wireName().equals(name)) {
                return k;
            }
        }
        return null;
    }
}
