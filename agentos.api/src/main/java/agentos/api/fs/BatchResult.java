package agentos.api.fs;

import agentos.api.Errno;
import org.jspecify.annotations.Nullable;

/**
 * Per-entry result of a batch call: either {@code content} (reads; {@code null} for writes) or an error with its
 * errno and message. A batch never fails as a whole because one entry did.
 */
public record BatchResult(String path, boolean ok, byte @Nullable [] content, @Nullable Errno errno, @Nullable String error) {
    public static BatchResult success(String path, byte @Nullable [] content) {
        return new BatchResult(path, true, content, null, null);
    }

    public static BatchResult failure(String path, Errno errno, String error) {
        return new BatchResult(path, false, null, errno, error);
    }
}
