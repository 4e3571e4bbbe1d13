package io.dsqlkit.jdbc;

import java.time.Duration;

/**
 * Observes the attempts of a {@link TransactionRetry} (for logs and metrics). Called on the
 * thread running the work; every method defaults to doing nothing.
 */
public interface RetryListener {
    /** Attempt {@code failedAttempt} failed retryably; the next one starts after {@code backoff}. */
    default void onRetry(int failedAttempt, Throwable cause, Duration backoff) {
    }

    /** The work committed on attempt number {@code attempts}. */
    default void onSuccess(int attempts) {
    }

    /**
     * The runner stops with {@code cause} after {@code attempts} attempts: the failure was not
     * retryable, or attempts or elapsed time ran out.
     */
    default void onGiveUp(int attempts, Throwable cause) {
    }
}
