package agentos.exec.wasm.internal;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed modules by content hash, so a program used again (every `ls` in a shell loop) is parsed once per
 * runtime. Least recently used entries go first beyond {@code maxEntries}.
 */
final class ModuleCache {
    private final int maxEntries;
    private final Map<String, Parsed> modules;

    /** A parsed module and the SHA-256 of its bytes. */
    record Parsed(String hash, WasmModule module) {}

    ModuleCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.modules = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
                return size() > ModuleCache.this.maxEntries;
            }
        };
    }

    /** Package files arrive as the same array every spawn (the kernel shares them): found without hashing. */
    private final Map<byte[], Parsed> byIdentity = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    Parsed get(byte[] program) {
        Parsed known = byIdentity.get(program); // arrays hash and compare by identity
        if (known != null) {
            return known;
        }
        Parsed parsed = parse(program);
        byIdentity.put(program, parsed);
        return parsed;
    }

    private Parsed parse(byte[] program) {
        String key = sha256(program);
        synchronized (modules) {
            Parsed m = modules.get(key);
            if (m != null) {
                return m;
            }
        }
        Parsed parsed = new Parsed(key, Parser.parse(program));
        synchronized (modules) {
            modules.putIfAbsent(key, parsed);
            return modules.get(key);
        }
    }

    synchronized int size() {
        synchronized (modules) {
            return modules.size();
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
