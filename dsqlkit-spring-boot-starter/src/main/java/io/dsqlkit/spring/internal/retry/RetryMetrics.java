package io.dsqlkit.spring.internal.retry;

import io.dsqlkit.jdbc.DsqlErrors;
import io.dsqlkit.jdbc.RetryListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;

/**
 * Micrometer counters for retried methods (only loaded when Micrometer is on the classpath):
 * {@value #RETRIES} counts attempts that failed and were run again, {@value #EXHAUSTED} methods
 * that still failed with a retryable error after the last attempt. Tags: {@code method}
 * ({@code Type.method}) and {@code code} ({@code OC000}, {@code OC001}, or the SQLSTATE).
 */
public final class RetryMetrics {
    public static final String RETRIES = "dsqlkit.transaction.retries";
    public static final String EXHAUSTED = "dsqlkit.transaction.retries.exhausted";

    private final MeterRegistry registry;

    public RetryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public RetryListener listenerFor(String method) {
        return new RetryListener() {
            @Override
            public void onRetry(int failedAttempt, Throwable cause, Duration backoff) {
                counter(RETRIES, "Attempts that failed with a DSQL conflict and were run again", method, cause)
                        .increment();
            }

            @Override
            public void onGiveUp(int attempts, Throwable cause) {
                if (DsqlErrors.isConflict(cause) || DsqlErrors.isServerUnavailable(cause)) {
                    counter(EXHAUSTED, "Methods that still failed with a retryable error after the last attempt",
                            method, cause).increment();
                }
            }
        };
    }

    private Counter counter(String name, String description, String method, Throwable cause) {
        String code = DsqlErrors.conflictCode(cause).or(() -> DsqlErrors.sqlState(cause)).orElse("unknown");
        return Counter.builder(name).description(description).tag("method", method).tag("code", code)
                .register(registry);
    }
}
