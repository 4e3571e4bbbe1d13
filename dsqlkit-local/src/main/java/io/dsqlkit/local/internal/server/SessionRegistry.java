package io.dsqlkit.local.internal.server;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The front end's own BackendKeyData: each session gets a process id and secret of its own, so a
 * CancelRequest can be matched to the session (and forwarded with the backend's real key) without
 * ever exposing the backing server's keys.
 */
final class SessionRegistry {
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, ClientSession> sessions = new ConcurrentHashMap<>();

    record Key(int processId, int secretKey) {
    }

    Key register(ClientSession session) {
        while (true) {
            int pid = 1 + random.nextInt(Integer.MAX_VALUE - 1);
            Key key = new Key(pid, random.nextInt());
            if (sessions.putIfAbsent(pack(key), session) == null) {
                return key;
            }
        }
    }

    void unregister(Key key) {
        if (key != null) {
            sessions.remove(pack(key));
        }
    }

    ClientSession find(int processId, int secretKey) {
        return sessions.get(pack(new Key(processId, secretKey)));
    }

    int size() {
        return sessions.size();
    }

    private static long pack(Key key) {
        return ((long) key.processId() << 32) | (key.secretKey() & 0xffffffffL);
    }
}
