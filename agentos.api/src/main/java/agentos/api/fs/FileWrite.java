package agentos.api.fs;

/** One file of a batch write: absolute guest path and full content. */
public record FileWrite(String path, byte[] content) {
    public static FileWrite of(String path, String content) {
        return new FileWrite(path, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
