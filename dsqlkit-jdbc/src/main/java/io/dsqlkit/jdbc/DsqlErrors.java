package io.dsqlkit.jdbc;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * DSQL's error codes in one place, and predicates that find them however deeply a framework has
 * wrapped the driver's {@link SQLException}.
 *
 * <p>Every predicate walks the whole chain: {@link Throwable#getCause()} and
 * {@link SQLException#getNextException()} (pgjdbc reports batch failures there), visiting each
 * throwable once, so a cyclic chain terminates. The nearest {@code SQLException} is visited first.
 */
public final class DsqlErrors {
    /** OCC conflict; DSQL names the kind in the message, {@link #DATA_CONFLICT} or {@link #SCHEMA_CONFLICT} (DSQL-FACTS §6). */
    public static final String SERIALIZATION_FAILURE = "40001";
    /** A write conflicted with another transaction's: {@code change conflicts with another transaction (OC000)}. */
    public static final String DATA_CONFLICT = "OC000";
    /** The catalog changed under the transaction: {@code schema has been updated by another transaction (OC001)}. */
    public static final String SCHEMA_CONFLICT = "OC001";
    /** DSQL refuses the statement (DSQL-FACTS §3–§14); the connection stays healthy. */
    public static final String FEATURE_NOT_SUPPORTED = "0A000";
    /** program_limit_exceeded: 3 000 rows, 10 MiB or 5 minutes per transaction, key and row sizes (DSQL-FACTS §4, §7). */
    public static final String LIMIT_EXCEEDED = "54000";
    /** {@code server unavailable} arrives as {@code XX000}: retry the whole transaction, no reconnect (DSQL-FACTS §4). */
    public static final String INTERNAL_ERROR = "XX000";
    /** {@code Unable to accept connection, too many open connections.} (DSQL-FACTS §2). */
    public static final String TOO_MANY_CONNECTIONS = "53300";
    /** {@code Unable to accept connection, rate exceeded.} (DSQL-FACTS §2). */
    public static final String CONNECTION_RATE_EXCEEDED = "53400";
    /** Statements after an error in an explicit transaction (DSQL-FACTS §4). */
    public static final String IN_FAILED_TRANSACTION = "25P02";

    /** The SQLSTATE class of program limits ({@code 54000}, {@code 54011}, ...). */
    private static final String LIMIT_CLASS = "54";
    /** DSQL's wording for {@link #INTERNAL_ERROR} when the failure is transient (DSQL-FACTS §4, 2026-09-08). */
    private static final String SERVER_UNAVAILABLE_TEXT = "server unavailable";

    private DsqlErrors() {
    }

    /** True when an OCC conflict ({@code 40001}, OC000 or OC001) is anywhere in the chain: retry the whole transaction. */
    public static boolean isConflict(Throwable t) {
        return hasState(t, SERIALIZATION_FAILURE);
    }

    /**
     * True for {@code XX000 server unavailable}. Retrying is right for the transaction but a failed
     * COMMIT may have committed: only retry work that is idempotent (DSQL-FACTS §4).
     */
    public static boolean isServerUnavailable(Throwable t) {
        return findSqlException(t, e -> INTERNAL_ERROR.equals(e.getSQLState())
                && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains(SERVER_UNAVAILABLE_TEXT)).isPresent();
    }

    /**
     * True for a program limit (SQLSTATE class {@code 54}: the transaction row, size and age limits
     * are {@code 54000}, column and key-count limits {@code 54011}). Retrying the same work fails
     * again; split it (see {@link RowLimitedWrites}).
     */
    public static boolean isLimitExceeded(Throwable t) {
        return findSqlException(t, e -> e.getSQLState() != null && e.getSQLState().startsWith(LIMIT_CLASS)).isPresent();
    }

    /** True when DSQL refused the statement as unsupported ({@code 0A000}). */
    public static boolean isRefusal(Throwable t) {
        return hasState(t, FEATURE_NOT_SUPPORTED);
    }

    /** The first {@link SQLException} in the chain that matches {@code predicate}. */
    public static Optional<SQLException> findSqlException(Throwable t, Predicate<SQLException> predicate) {
        if (t == null) {
            return Optional.empty();
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(t);
        while (!pending.isEmpty()) {
            Throwable current = pending.poll();
            if (!seen.add(current)) {
                continue;
            }
            if (current instanceof SQLException sql) {
                if (predicate.test(sql)) {
                    return Optional.of(sql);
                }
                if (sql.getNextException() != null) {
                    pending.add(sql.getNextException());
                }
            }
            if (current.getCause() != null) {
                pending.add(current.getCause());
            }
        }
        return Optional.empty();
    }

    /** The SQLSTATE of the first {@link SQLException} in the chain that has one. */
    public static Optional<String> sqlState(Throwable t) {
        return findSqlException(t, e -> e.getSQLState() != null).map(SQLException::getSQLState);
    }

    /** {@code "OC000"} or {@code "OC001"} when a conflict in the chain names its kind. */
    public static Optional<String> conflictCode(Throwable t) {
        return findSqlException(t, e -> conflictCodeIn(e.getMessage()) != null)
                .map(e -> conflictCodeIn(e.getMessage()));
    }

    private static boolean hasState(Throwable t, String state) {
        return findSqlException(t, e -> state.equals(e.getSQLState())).isPresent();
    }

    private static String conflictCodeIn(String message) {
        if (message == null) {
            return null;
        }
        if (message.contains(DATA_CONFLICT)) {
            return DATA_CONFLICT;
        }
        if (message.contains(SCHEMA_CONFLICT)) {
            return SCHEMA_CONFLICT;
        }
        return null;
    }
}
