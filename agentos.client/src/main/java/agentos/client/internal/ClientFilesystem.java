package agentos.client.internal;

import agentos.api.fs.BatchResult;
import agentos.api.fs.DirEntry;
import agentos.api.fs.FileStat;
import agentos.api.fs.FileWrite;
import agentos.api.fs.Filesystem;
import agentos.api.fs.FilesystemSnapshot;
import agentos.api.fs.MountInfo;
import agentos.api.config.MountConfig;
import agentos.wire.Wire;
import agentos.wire.WireJson;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.util.List;

/** The {@code filesystem} namespace over the wire: one {@code filesystem{op, …}} request per call. */
final class ClientFilesystem implements Filesystem {
    private static final Type STRINGS = new TypeToken<List<String>>() {}.getType();
    private static final Type BATCH = new TypeToken<List<BatchResult>>() {}.getType();
    private static final Type ENTRIES = new TypeToken<List<DirEntry>>() {}.getType();
    private static final Type MOUNTS = new TypeToken<List<MountInfo>>() {}.getType();

    private final ClientVm vm;

    ClientFilesystem(ClientVm vm) {
        this.vm = vm;
    }

    private JsonObject op(String op, Object... keyValues) {
        JsonObject p = WireJson.object(keyValues);
        p.addProperty("op", op);
        return vm.call(Wire.FILESYSTEM, p);
    }

    @Override
    public byte[] readFile(String path) {
        return WireJson.field(op("read_file", "path", path), "content", byte[].class);
    }

    @Override
    public void writeFile(String path, byte[] content) {
        op("write_file", "path", path, "content", content);
    }

    @Override
    public List<BatchResult> readFiles(List<String> paths) {
        return WireJson.field(op("read_files", "paths", paths), "results", BATCH);
    }

    @Override
    public List<BatchResult> writeFiles(List<FileWrite> files) {
        return WireJson.field(op("write_files", "files", files), "results", BATCH);
    }

    @Override
    public void chmod(String path, int mode) {
        op("chmod", "path", path, "mode", mode);
    }

    @Override
    public FileStat stat(String path) {
        return WireJson.field(op("stat", "path", path), "stat", FileStat.class);
    }

    @Override
    public FileStat lstat(String path) {
        return WireJson.field(op("lstat", "path", path), "stat", FileStat.class);
    }

    @Override
    public void mkdir(String path, boolean recursive) {
        op("mkdir", "path", path, "recursive", recursive);
    }

    @Override
    public List<String> readdir(String path) {
        return WireJson.field(op("readdir", "path", path), "names", STRINGS);
    }

    @Override
    public List<DirEntry> readdirEntries(String path) {
        return WireJson.field(op("readdir_entries", "path", path), "entries", ENTRIES);
    }

    @Override
    public List<String> readdirRecursive(String path) {
        return WireJson.field(op("readdir_recursive", "path", path), "paths", STRINGS);
    }

    @Override
    public boolean exists(String path) {
        return WireJson.bool(op("exists", "path", path), "exists");
    }

    @Override
    public void move(String from, String to) {
        op("move", "from", from, "to", to);
    }

    @Override
    public void remove(String path, boolean recursive) {
        op("remove", "path", path, "recursive", recursive);
    }

    @Override
    public FilesystemSnapshot export(long maxBytes) {
        return WireJson.field(op("export", "max_bytes", maxBytes), "snapshot", FilesystemSnapshot.class);
    }

    @Override
    public void mount(MountConfig mount) {
        op("mount", "mount", mount);
    }

    @Override
    public void unmount(String path) {
        op("unmount", "path", path);
    }

    @Override
    public List<MountInfo> listMounts() {
        return WireJson.field(op("list_mounts"), "mounts", MOUNTS);
    }
}
