package io.dsqlkit.local.internal.server;

import io.dsqlkit.local.internal.wire.BackendMessages;
import io.dsqlkit.local.internal.wire.Frame;
import io.dsqlkit.local.internal.wire.MessageTypes;
import io.dsqlkit.local.internal.wire.ProtocolException;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Asks the backing PostgreSQL, from a connection of its own, which backends a waiting backend
 * waits for ({@code pg_blocking_pids}). DSQL never waits for a lock (DSQL-FACTS §6): when a statement
 * outside a transaction block waits, the transactions it waits for are the ones that would lose at
 * their COMMIT on DSQL, so the front end must know them while the wait lasts.
 */
final class LockWaitProbe implements AutoCloseable {
    /** Pause between two looks at the waiter: short against the lock-wait bound of 100 ms. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(5);

    private final BackendConnection connection;

    private LockWaitProbe(BackendConnection connection) {
        this.connection = connection;
    }

    /** Opens a probe connection as {@code user} on {@code database}. */
    static LockWaitProbe open(Path backendSocket, String user, String database) throws IOException {
        BackendConnection.StartupResult result = BackendConnection.open(backendSocket,
                Map.of("user", user, "database", database, "application_name", "dsql_local_lock_probe"));
        if (result instanceof BackendConnection.StartupResult.Refused) {
            throw new ProtocolException("the backing PostgreSQL refused the lock probe connection");
        }
        return new LockWaitProbe(((BackendConnection.StartupResult.Ready) result).connection());
    }

    /**
     * The backends {@code waiterPid} waits for, looking again every {@link #POLL_INTERVAL} until it
     * waits for some or {@code within} has passed (then the list is empty).
     */
    List<Integer> blockersOf(int waiterPid, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            List<Integer> blockers = lookOnce(waiterPid);
            if (!blockers.isEmpty() || System.nanoTime() >= deadline) {
                return blockers;
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return blockers;
            }
        }
    }

    /** The backends {@code waiterPid} waits for right now (empty when it does not wait). */
    List<Integer> lookOnce(int waiterPid) throws IOException {
        String sql = "SELECT pg_catalog.array_to_string(pg_catalog.pg_blocking_pids(" + waiterPid + "), ',')";
        byte[] query = BackendMessages.message('Q', new BackendMessages.Builder().cString(sql));
        connection.out.write(query);
        connection.out.flush();
        List<Integer> pids = new ArrayList<>();
        while (true) {
            Frame frame = connection.reader.readFrame(MessageTypes.BACKEND);
            if (frame == null) {
                throw new EOFException("backing PostgreSQL closed the lock probe connection");
            }
            switch (frame.typeChar()) {
                case 'D' -> {
                    String text = frame.firstColumnText();
                    text = text == null ? "" : text;
                    for (String pid : text.split(",")) {
                        if (!pid.isEmpty()) {
                            pids.add(Integer.parseInt(pid));
                        }
                    }
                }
                case 'Z' -> {
                    return pids;
                }
                default -> {
                    // RowDescription, CommandComplete, notices
                }
            }
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
