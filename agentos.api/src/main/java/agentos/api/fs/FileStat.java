package agentos.api.fs;

/**
 * POSIX metadata of one node. Times are milliseconds since the epoch; {@code mode} holds the permission and
 * special bits ({@code 07777}), the type is in {@code type}.
 */
public record FileStat(
        FileType type,
        int mode,
        long size,
        int uid,
        int gid,
        long ino,
        int nlink,
        long atimeMs,
        long mtimeMs,
        long ctimeMs,
        long birthtimeMs) {
    public boolean isDirectory() {
        return type == FileType.DIRECTORY;
    }

    public boolean isFile() {
        return type == FileType.FILE;
    }

    public boolean isSymbolicLink() {
        return type == FileType.SYMLINK;
    }
}
