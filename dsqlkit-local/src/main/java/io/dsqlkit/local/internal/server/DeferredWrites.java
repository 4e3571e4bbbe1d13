package io.dsqlkit.local.internal.server;

import io.dsqlkit.local.internal.wire.BackendMessages;
import io.dsqlkit.local.internal.wire.Frame;
import io.dsqlkit.local.internal.wire.MessageTypes;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The statements of one transaction that met another transaction's uncommitted change and were
 * answered from their snapshot instead of running. On DSQL nothing is decided before COMMIT and the
 * first committer wins (DSQL-FACTS §6): if this transaction commits while the ones it met are still
 * open, its writes must take effect and theirs must lose. So at that COMMIT the writes run again,
 * for real, in their original order and with their original parameters.
 */
final class DeferredWrites {
    /** One statement with the Bind parameters it ran with (formats, count, values), as sent. */
    private record Write(String sql, byte[] parameterTypes, byte[] bindParameters) {
    }

    /** A simple-protocol statement: no parameter types; no formats, no parameters. */
    private static final byte[] NO_PARAMETER_TYPES = {0, 0};
    private static final byte[] NO_BIND_PARAMETERS = {0, 0, 0, 0};
    private static final String STATEMENT = "dsql_local_deferred";

    private final List<Write> writes = new ArrayList<>();
    /**
     * Transaction ids of the cluster's other transactions open when a write met a conflict: the one
     * it met is among them. If one of them has committed by this COMMIT, the write may have lost to it (a
     * FOR UPDATE reader leaves nothing PostgreSQL would call a serialization failure), so the COMMIT
     * loses; a transaction that merely ran at the same time and committed makes it lose too.
     */
    private final Set<String> metTransactions = new LinkedHashSet<>();

    void add(String sql) {
        add(sql, NO_PARAMETER_TYPES, NO_BIND_PARAMETERS);
    }

    void add(String sql, byte[] parameterTypes, byte[] bindParameters) {
        writes.add(new Write(sql, parameterTypes, bindParameters));
    }

    boolean isEmpty() {
        return writes.isEmpty();
    }

    void clear() {
        writes.clear();
        metTransactions.clear();
    }

    /**
     * Notes the other transactions of this cluster (its database) open now, right after a write met
     * a conflict. The activity view is read afresh: PostgreSQL otherwise keeps the first one a
     * transaction read.
     */
    void noteOpenTransactions(BackendConnection backend) throws IOException {
        List<String> values = pipeline(backend, List.of(
                own("SELECT pg_catalog.pg_stat_clear_snapshot()"),
                own("SELECT pg_catalog.string_agg(backend_xid::text, ',') FROM pg_catalog.pg_stat_activity"
                        + " WHERE backend_xid IS NOT NULL AND pid <> pg_catalog.pg_backend_pid()"
                        + " AND datname = pg_catalog.current_database()")));
        String xids = values == null || values.size() < 2 ? null : values.get(1);
        if (xids != null) {
            for (String xid : xids.split(",")) {
                if (!xid.isEmpty()) {
                    metTransactions.add(xid);
                }
            }
        }
    }

    /**
     * Whether a transaction open at a conflict has committed since. Asked before the writes run
     * again, so that a COMMIT that loses anyway makes no other transaction lose.
     */
    boolean metTransactionCommitted(BackendConnection backend) throws IOException {
        if (metTransactions.isEmpty()) {
            return false;
        }
        // Transaction ids as the activity view printed them: digits only, joined by commas.
        List<String> values = pipeline(backend, List.of(own(
                "SELECT count(*) FROM pg_catalog.unnest(pg_catalog.string_to_array('" + String.join(",", metTransactions)
                        + "', ',')) AS x WHERE pg_catalog.pg_xact_status(x::xid8) = 'committed'")));
        return values == null || values.isEmpty() || !"0".equals(values.get(0));
    }

    /**
     * Runs the writes again on {@code backend}, inside its open transaction, with nothing else of the
     * client's pending there, and forgets them. Returns whether they all went through; when one
     * fails (the transaction it met committed first, or is busy and the wait ran out) the backend's
     * transaction is aborted, at ReadyForQuery.
     *
     * @param lockWaitBound how long one write may wait for a lock meanwhile, as a PostgreSQL interval
     *                      text; it ends with the transaction
     */
    boolean runAgain(BackendConnection backend, String lockWaitBound) throws IOException {
        List<Write> statements = new ArrayList<>();
        statements.add(own("SELECT pg_catalog.set_config('lock_timeout', '" + lockWaitBound + "', true)"));
        statements.addAll(writes);
        writes.clear();
        return pipeline(backend, statements) != null;
    }

    private static Write own(String sql) {
        return new Write(sql, NO_PARAMETER_TYPES, NO_BIND_PARAMETERS);
    }

    /**
     * Runs statements in the extended protocol under a statement and portal name of the front end's
     * own, so the client's unnamed statement and portals are untouched (a simple Query would drop the
     * unnamed statement a client may be about to bind), ending with Flush rather than Sync so that it
     * also fits in the middle of a client's pipeline. Returns the first column of every row, in
     * order, or {@code null} if a statement failed: the backend is then brought to ReadyForQuery,
     * its transaction aborted.
     */
    private static List<String> pipeline(BackendConnection backend, List<Write> statements) throws IOException {
        OutputStream out = backend.out;
        for (Write statement : statements) {
            writeMessage(out, 'P', new BackendMessages.Builder().cString(STATEMENT).cString(statement.sql())
                    .bytes(statement.parameterTypes()));
            writeMessage(out, 'B', new BackendMessages.Builder().cString(STATEMENT).cString(STATEMENT)
                    .bytes(statement.bindParameters()).int16(0));
            writeMessage(out, 'E', new BackendMessages.Builder().cString(STATEMENT).int32(0));
            writeMessage(out, 'C', new BackendMessages.Builder().byte1('P').cString(STATEMENT));
            writeMessage(out, 'C', new BackendMessages.Builder().byte1('S').cString(STATEMENT));
        }
        out.write(BackendConnection.FLUSH);
        out.flush();
        List<String> values = new ArrayList<>();
        // Each statement ends with the CloseComplete of its portal and of its statement.
        int closesOwed = 2 * statements.size();
        while (closesOwed > 0) {
            Frame frame = backend.reader.readFrame(MessageTypes.BACKEND);
            if (frame == null) {
                throw new EOFException("backing PostgreSQL closed the session");
            }
            switch (frame.typeChar()) {
                case '3' -> closesOwed--;
                case 'D' -> values.add(frame.firstColumnText());
                case 'E' -> {
                    // The backend now skips to Sync: end the pipeline there.
                    out.write(BackendConnection.SYNC);
                    out.flush();
                    backend.skipUntilReady();
                    return null;
                }
                default -> {
                    // ParseComplete, BindComplete, CommandComplete, notices
                }
            }
        }
        return values;
    }

    private static void writeMessage(OutputStream out, char type, BackendMessages.Builder payload) throws IOException {
        out.write(BackendMessages.message(type, payload));
    }
}
