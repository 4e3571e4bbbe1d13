package io.dsqlkit.jdbc;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When and how long to wait before running a failed transaction again: at most
 * {@link #maxAttempts()} attempts, none started after {@link #maxElapsed()}, and before attempt
 * {@code n} a wait drawn uniformly from {@code [0, min(maxBackoff, initialBackoff · 2^(n-2))]}
 * ("full jitter"), so writers that collided on a hot row spread out instead of colliding again.
 *
 * <p>Retryable are OCC conflicts ({@code 40001}, DSQL-FACTS §6) and, when
 * {@link #retryServerUnavailable()} is on, {@code XX000 server unavailable} — off by default because
 * a COMMIT that failed that way may have committed, so only idempotent work may be retried then
 * (DSQL-FACTS §4).
 *
 * <p>Immutable; the defaults were chosen with the conflict-goodput benchmark (docs/benchmarks.md).
 */
public final class RetryPolicy {
    /** Attempts including the first; a transaction that loses ten times in a row is told so. */
    public static final int DEFAULT_MAX_ATTEMPTS = 10;
    /** Upper bound of the first wait; about one DSQL commit round trip. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(10);
    /** Largest wait bound. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(1);
    /** No attempt starts later than this after the first one began. */
    public static final Duration DEFAULT_MAX_ELAPSED = Duration.ofSeconds(30);
    /** {@code XX000 server unavailable} is not retried unless asked: a failed COMMIT may have committed. */
    public static final boolean DEFAULT_RETRY_SERVER_UNAVAILABLE = false;

    private static final RetryPolicy DEFAULTS = new Builder().build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxElapsed;
    private final boolean retryServerUnavailable;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.maxElapsed = builder.maxElapsed;
        this.retryServerUnavailable = builder.retryServerUnavailable;
    }

    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A policy that runs the work once and never retries. */
    public static RetryPolicy noRetry() {
        return builder().maxAttempts(1).build();
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public Duration maxElapsed() {
        return maxElapsed;
    }

    public boolean retryServerUnavailable() {
        return retryServerUnavailable;
    }

    /** Whether a failure is worth another attempt of the whole transaction. */
    public boolean isRetryable(Throwable t) {
        return DsqlErrors.isConflict(t) || (retryServerUnavailable && DsqlErrors.isServerUnavailable(t));
    }

    /**
     * The wait before attempt {@code nextAttempt} (2 for the first retry): uniform in
     * {@code [0, min(maxBackoff, initialBackoff · 2^(nextAttempt-2))]}.
     *
     * @throws IllegalArgumentException if {@code nextAttempt < 2}
     */
    public Duration backoffBefore(int nextAttempt, RandomGenerator random) {
        if (nextAttempt < 2) {
            throw new IllegalArgumentException("nextAttempt must be at least 2 (the first retry), was " + nextAttempt);
        }
        Objects.requireNonNull(random, "random");
        long bound = backoffBoundNanos(nextAttempt);
        return bound == 0 ? Duration.ZERO : Duration.ofNanos(random.nextLong(bound + 1));
    }

    /** The upper bound of {@link #backoffBefore}: {@code min(maxBackoff, initialBackoff · 2^(nextAttempt-2))}. */
    public Duration backoffBound(int nextAttempt) {
        if (nextAttempt < 2) {
            throw new IllegalArgumentException("nextAttempt must be at least 2 (the first retry), was " + nextAttempt);
        }
        return Duration.ofNanos(backoffBoundNanos(nextAttempt));
    }

    private long backoffBoundNanos(int nextAttempt) {
        long initial = initialBackoff.toNanos();
        long max = maxBackoff.toNanos();
        int doublings = nextAttempt - 2;
        // Doubling past 62 bits overflows; by then the cap has long been reached.
        if (initial == 0 || doublings >= Long.numberOfLeadingZeros(initial) - 1) {
            return initial == 0 ? 0 : max;
        }
        return Math.min(max, initial << doublings);
    }

    public Builder toBuilder() {
        return new Builder()
                .maxAttempts(maxAttempts)
                .initialBackoff(initialBackoff)
                .maxBackoff(maxBackoff)
                .maxElapsed(maxElapsed)
                .retryServerUnavailable(retryServerUnavailable);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy p && p.maxAttempts == maxAttempts && p.initialBackoff.equals(initialBackoff)
                && p.maxBackoff.equals(maxBackoff) && p.maxElapsed.equals(maxElapsed)
                && p.retryServerUnavailable == retryServerUnavailable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialBackoff, maxBackoff, maxElapsed, retryServerUnavailable);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", maxElapsed=" + maxElapsed + ", retryServerUnavailable=" + retryServerUnavailable + "]";
    }

    /** Setters reject impossible values at once; {@link #build()} reconciles the rest. */
    public static final class Builder {
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private Duration maxElapsed = DEFAULT_MAX_ELAPSED;
        private boolean retryServerUnavailable = DEFAULT_RETRY_SERVER_UNAVAILABLE;

        private Builder() {
        }

        /** Attempts including the first; 1 means no retry. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1 (1 = no retry), was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = nonNegative("initialBackoff", initialBackoff);
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = nonNegative("maxBackoff", maxBackoff);
            return this;
        }

        public Builder maxElapsed(Duration maxElapsed) {
            this.maxElapsed = nonNegative("maxElapsed", maxElapsed);
            return this;
        }

        /** Also retry {@code XX000 server unavailable}; only for idempotent work (a failed COMMIT may have committed). */
        public Builder retryServerUnavailable(boolean retryServerUnavailable) {
            this.retryServerUnavailable = retryServerUnavailable;
            return this;
        }

        /** @throws IllegalArgumentException if {@code maxBackoff < initialBackoff} */
        public RetryPolicy build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must not be shorter than initialBackoff ("
                        + initialBackoff + ")");
            }
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + value);
            }
            return value;
        }
    }
}
