package io.dsqlkit.jdbc;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs whole transactions again when DSQL's optimistic concurrency control rejects them.
 *
 * <p>DSQL detects conflicts at COMMIT and fails the later transaction with {@code 40001}
 * (DSQL-FACTS §6); the only correct response is to run the whole transaction again, reading fresh
 * data. Retrying a single statement inside a transaction cannot help (the transaction is doomed),
 * so this runner only retries units whose transaction boundaries it owns:
 * {@link #inTransaction} starts and ends the transaction itself and refuses a connection that is
 * already inside one; {@link #call} is for callers that own the boundaries (e.g. an aspect around
 * the outermost {@code @Transactional} method), and when nested inside another {@code call} on the
 * same thread it runs once and lets the outer one retry.
 *
 * <pre>{@code
 * TransactionRetry retry = TransactionRetry.of(RetryPolicy.defaults());
 * long balance = retry.inTransaction(dataSource, c -> { ... return newBalance; });
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class TransactionRetry {
    private static final RetryListener NO_LISTENER = new RetryListener() {
    };
    /** Set while a {@link #call} attempt runs on this thread: a nested call must not retry inside it. */
    private static final ThreadLocal<Boolean> CALL_RUNNING = new ThreadLocal<>();

    private final RetryPolicy policy;
    private final RetryListener listener;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;

    private TransactionRetry(RetryPolicy policy, RetryListener listener, LongSupplier nanoClock, Sleeper sleeper) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    public static TransactionRetry of(RetryPolicy policy) {
        return new TransactionRetry(policy, NO_LISTENER, System::nanoTime, TransactionRetry::sleep);
    }

    /** Test seam: a clock and a sleeper that need not take real time. */
    static TransactionRetry of(RetryPolicy policy, LongSupplier nanoClock, Sleeper sleeper) {
        return new TransactionRetry(policy, NO_LISTENER, nanoClock, sleeper);
    }

    /** A runner with the same policy that reports its attempts to {@code listener}. */
    public TransactionRetry withListener(RetryListener listener) {
        return new TransactionRetry(policy, listener, nanoClock, sleeper);
    }

    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Takes a connection from {@code dataSource}, turns autocommit off, runs {@code work}, commits,
     * and returns what {@code work} returned. On a retryable failure (in {@code work} or at COMMIT)
     * it rolls back, closes the connection, waits per the policy and starts over with a new
     * connection; other failures are rolled back and thrown unchanged. The connection's autocommit
     * setting is restored before it is closed.
     *
     * @throws IllegalStateException if the connection handed out is already inside a transaction
     *         (e.g. a framework-bound connection): retrying there would replay only part of a
     *         transaction this runner does not own
     */
    public <T> T inTransaction(DataSource dataSource, SqlWork<T> work) throws SQLException {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(work, "work");
        try {
            return retrying(() -> runOnce(dataSource, work));
        } catch (SQLException | RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            // runOnce throws only SQLException or unchecked exceptions.
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code attempt} and, on a retryable failure, waits and runs it again, as a whole. The
     * caller owns the transaction boundaries: {@code attempt} must begin and end its transaction.
     * The last failure is thrown unchanged. Nested inside another {@code call} on the same thread
     * it runs {@code attempt} exactly once (the outer call owns the retry).
     */
    public <T> T call(Callable<T> attempt) throws Exception {
        Objects.requireNonNull(attempt, "attempt");
        if (Boolean.TRUE.equals(CALL_RUNNING.get())) {
            return attempt.call();
        }
        CALL_RUNNING.set(Boolean.TRUE);
        try {
            return retrying(attempt);
        } finally {
            CALL_RUNNING.remove();
        }
    }

    private <T> T retrying(Callable<T> attempt) throws Exception {
        long start = nanoClock.getAsLong();
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                T result = attempt.call();
                listener.onSuccess(attempts);
                return result;
            } catch (Exception failure) {
                if (!policy.isRetryable(failure) || attempts >= policy.maxAttempts()) {
                    listener.onGiveUp(attempts, failure);
                    throw failure;
                }
                Duration backoff = policy.backoffBefore(attempts + 1, ThreadLocalRandom.current());
                long elapsedAtNextStart = nanoClock.getAsLong() - start + backoff.toNanos();
                if (elapsedAtNextStart > policy.maxElapsed().toNanos()) {
                    listener.onGiveUp(attempts, failure);
                    throw failure;
                }
                listener.onRetry(attempts, failure, backoff);
                try {
                    sleeper.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    failure.addSuppressed(interrupted);
                    listener.onGiveUp(attempts, failure);
                    throw failure;
                }
            }
        }
    }

    private static <T> T runOnce(DataSource dataSource, SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            requireNoOpenTransaction(connection, autoCommit);
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error failure) {
                rollbackAfter(connection, failure);
                throw failure;
            } finally {
                if (autoCommit) {
                    restoreAutoCommit(connection);
                }
            }
        }
    }

    /**
     * A connection with autocommit off may come fresh from a pool configured that way, or be bound to
     * someone else's open transaction; the server's transaction state tells them apart.
     */
    private static void requireNoOpenTransaction(Connection connection, boolean autoCommit) throws SQLException {
        if (autoCommit) {
            return;
        }
        if (connection.isWrapperFor(BaseConnection.class)) {
            TransactionState state = connection.unwrap(BaseConnection.class).getTransactionState();
            if (state == TransactionState.IDLE) {
                return;
            }
            throw new IllegalStateException("TransactionRetry.inTransaction was handed a connection that is already inside a"
                    + " transaction (state " + state + "); it retries only transactions it starts. Give it a DataSource"
                    + " that hands out connections outside any transaction, or retry the enclosing transaction instead");
        }
        throw new IllegalStateException("TransactionRetry.inTransaction was handed a connection with autocommit off whose"
                + " transaction state it cannot read (not a pgjdbc connection); it retries only transactions it starts."
                + " Give it a DataSource whose connections have autocommit on");
    }

    private static void rollbackAfter(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            if (!connection.isClosed()) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // A broken connection is closed next; a pool resets autocommit itself.
        }
    }

    private static void sleep(Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }
    }

    /** A unit of work on a connection inside a transaction the runner owns. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** How the runner waits between attempts (a seam for tests). */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }
}
