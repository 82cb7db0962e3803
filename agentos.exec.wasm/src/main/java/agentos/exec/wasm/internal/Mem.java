package agentos.exec.wasm.internal;

import com.dylibso.chicory.runtime.Memory;
import java.nio.charset.StandardCharsets;

/** Little-endian guest memory access with WASI's string and pointer conventions. */
final class Mem {
    private Mem() {}

    static String str(Memory m, long ptr, long len) {
        return new String(m.readBytes((int) ptr, (int) len), StandardCharsets.UTF_8);
    }

    static void u32(Memory m, long ptr, long value) {
        m.writeI32((int) ptr, (int) value);
    }

    static void u64(Memory m, long ptr, long value) {
        m.writeLong((int) ptr, value);
    }

    static void u8(Memory m, long ptr, int value) {
        m.writeByte((int) ptr, (byte) value);
    }

    static void u16(Memory m, long ptr, int value) {
        m.writeShort((int) ptr, (short) value);
    }

    static int i32(Memory m, long ptr) {
        return m.readInt((int) ptr);
    }

    static long i64(Memory m, long ptr) {
        return m.readLong((int) ptr);
    }
}
