package agentos.api.fs;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import java.util.ArrayList;
import java.util.List;

/**
 * Guest path rules. Host-facing calls take only absolute, normalised paths ({@link #requireCanonical}); guest
 * calls may pass anything, which {@link #resolve} turns into a canonical path lexically (symlinks are the
 * filesystem's business, not this class's).
 */
public final class GuestPaths {
    /** Linux's PATH_MAX: longer paths are ENAMETOOLONG. */
    public static final int PATH_MAX = 4096;
    /** Linux's NAME_MAX for one segment. */
    public static final int NAME_MAX = 255;

    private GuestPaths() {}

    /**
     * Checks that {@code path} is absolute and normalised: starts with '/', no empty, "." or ".." segments, no
     * trailing '/', no NUL. Throws EINVAL naming the path and the rule it broke.
     */
    public static String requireCanonical(String op, String path) {
        String problem = canonicalProblem(path);
        if (problem != null) {
            throw new ErrnoException(Errno.EINVAL, op, path, problem);
        }
        checkLengths(op, path);
        return path;
    }

    private static String canonicalProblem(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            return "path must be absolute";
        }
        if (path.indexOf('\0') >= 0) {
            return "path contains a NUL byte";
        }
        if (path.length() == 1) {
            return null;
        }
        if (path.endsWith("/")) {
            return "path must not end with '/'";
        }
        for (String seg : path.substring(1).split("/", -1)) {
            if (seg.isEmpty()) {
                return "path must not contain '//'";
            }
            if (seg.equals(".") || seg.equals("..")) {
                return "path must be normalised (no '.' or '..' segments)";
            }
        }
        return null;
    }

    /** Resolves {@code path} against {@code cwd} (absolute, canonical) and normalises it; ".." stops at the root. */
    public static String resolve(String cwd, String path) {
        if (path.indexOf('\0') >= 0) {
            throw new ErrnoException(Errno.EINVAL, "resolve", path, "path contains a NUL byte");
        }
        if (path.isEmpty()) {
            throw new ErrnoException(Errno.ENOENT, "resolve", path);
        }
        List<String> out = new ArrayList<>();
        if (path.charAt(0) != '/') {
            out.addAll(segments(cwd));
        }
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
            } else {
                out.add(seg);
            }
        }
        String result = join(out);
        checkLengths("resolve", result);
        return result;
    }

    /** The segments of a canonical path; empty for the root. */
    public static List<String> segments(String canonical) {
        if (canonical.equals("/")) {
            return List.of();
        }
        return List.of(canonical.substring(1).split("/"));
    }

    public static String join(List<String> segments) {
        return segments.isEmpty() ? "/" : "/" + String.join("/", segments);
    }

    /** The parent of a canonical path; the root is its own parent. */
    public static String parent(String canonical) {
        int i = canonical.lastIndexOf('/');
        return i <= 0 ? "/" : canonical.substring(0, i);
    }

    /** The last segment; empty for the root. */
    public static String name(String canonical) {
        return canonical.substring(canonical.lastIndexOf('/') + 1);
    }

    /** Whether {@code path} is {@code ancestor} or lies below it (both canonical). */
    public static boolean isWithin(String path, String ancestor) {
        if (ancestor.equals("/")) {
            return true;
        }
        return path.equals(ancestor) || path.startsWith(ancestor + "/");
    }

    private static void checkLengths(String op, String path) {
        if (path.length() >= PATH_MAX) {
            throw new ErrnoException(Errno.ENAMETOOLONG, op, path.substring(0, 64) + "…");
        }
        for (String seg : segments(path)) {
            if (seg.length() > NAME_MAX) {
                throw new ErrnoException(Errno.ENAMETOOLONG, op, path);
            }
        }
    }
}
