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
    /** Sessions by the process id of their backing PostgreSQL backend, to act on lock waits. */
    private final Map<Integer, ClientSession> byBackendProcess = new ConcurrentHashMap<>();

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

    void registerBackend(int backendProcessId, ClientSession session) {
        byBackendProcess.put(backendProcessId, session);
    }

    void unregisterBackend(int backendProcessId, ClientSession session) {
        byBackendProcess.remove(backendProcessId, session);
    }

    /** The session whose backing backend has this process id, or {@code null} (not a client's). */
    ClientSession byBackendProcess(int backendProcessId) {
        return byBackendProcess.get(backendProcessId);
    }

    /** Whether some other session of the cluster has a transaction open between two of its cycles. */
    boolean anyIdleInTransaction(ClientSession except) {
        for (ClientSession session : byBackendProcess.values()) {
            if (session != except && session.route().clusterId().equals(except.route().clusterId())
                    && session.idleInTransaction()) {
                return true;
            }
        }
        return false;
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
