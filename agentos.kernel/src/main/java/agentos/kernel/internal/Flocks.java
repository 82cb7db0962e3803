package agentos.kernel.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Advisory whole-file locks ({@code flock}), held per open file description and keyed by inode: shared locks
 * coexist, an exclusive lock excludes all others. Released by LOCK_UN or when the description closes.
 */
final class Flocks {
    private record Key(String dev, long ino) {}

    private static final class State {
        final Map<OpenFile, Boolean> holders = new IdentityHashMap<>(); // description → exclusive?
    }

    private final Map<Key, State> locks = new HashMap<>();

    /** Tries to take the lock; returns false when it would block. */
    synchronized boolean tryLock(String dev, long ino, OpenFile owner, boolean exclusive) {
        Key key = new Key(dev, ino);
        State s = locks.computeIfAbsent(key, k -> new State());
        for (Map.Entry<OpenFile, Boolean> h : s.holders.entrySet()) {
            if (h.getKey() != owner && (exclusive || h.getValue())) {
                return false;
            }
        }
        s.holders.put(owner, exclusive);
        notifyAll();
        return true;
    }

    synchronized void unlock(String dev, long ino, OpenFile owner) {
        Key key = new Key(dev, ino);
        State s = locks.get(key);
        if (s != null) {
            s.holders.remove(owner);
            if (s.holders.isEmpty()) {
                locks.remove(key);
            }
        }
        notifyAll();
    }

    /** Drops every lock a closing description holds. */
    synchronized void releaseAll(OpenFile owner) {
        locks.values().removeIf(s -> {
            s.holders.remove(owner);
            return s.holders.isEmpty();
        });
        notifyAll();
    }

    synchronized void awaitChange(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErrnoException(Errno.EINTR, "flock", null);
        }
    }

    synchronized Set<OpenFile> holdersForTest(String dev, long ino) {
        State s = locks.get(new Key(dev, ino));
        return s == null ? Set.of() : Set.copyOf(s.holders.keySet());
    }
}
