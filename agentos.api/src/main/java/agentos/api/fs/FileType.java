package agentos.api.fs;

/** The kind of a filesystem node. */
public enum FileType {
    FILE,
    DIRECTORY,
    SYMLINK,
    CHARACTER_DEVICE,
    FIFO,
    SOCKET
}
