package agentos.api.fs;

/** One directory entry as returned by {@link Filesystem#readdirEntries}. */
public record DirEntry(String name, FileType type) {
    public boolean isDirectory() {
        return type == FileType.DIRECTORY;
    }

    public boolean isSymbolicLink() {
        return type == FileType.SYMLINK;
    }
}
