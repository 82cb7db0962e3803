package agentos.api.spi;

/**
 * What the kernel knows of a program before choosing an executor: its guest path and its first bytes (up to
 * {@link #MAX_HEAD} of them), like Linux binfmt: {@code \0asm} is WebAssembly, {@code #!} names an interpreter.
 */
public record ProgramHeader(String path, byte[] head) {
    public static final int MAX_HEAD = 256;

    /** Whether the program starts with {@code prefix}. */
    public boolean startsWith(byte[] prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
