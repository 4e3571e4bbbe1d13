package io.dsqlkit.spring.internal.retry;

import io.dsqlkit.jdbc.DsqlErrors;
import io.dsqlkit.jdbc.RetryListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/** Logs the attempts of one retried method and forwards each event to the other listeners. */
final class MethodRetryListener implements RetryListener {
    private static final Logger log = LoggerFactory.getLogger(ConflictRetryInterceptor.class);

    private final String method;
    private final int maxAttempts;
    private final List<RetryListener> delegates;

    MethodRetryListener(String method, int maxAttempts, List<RetryListener> delegates) {
        this.method = method;
        this.maxAttempts = maxAttempts;
        this.delegates = delegates;
    }

    @Override
    public void onRetry(int failedAttempt, Throwable cause, Duration backoff) {
        log.info("{}: attempt {} of {} failed with {}; retrying in {} ms", method, failedAttempt, maxAttempts,
                describe(cause), backoff.toMillis());
        for (RetryListener delegate : delegates) {
            delegate.onRetry(failedAttempt, cause, backoff);
        }
    }

    @Override
    public void onSuccess(int attempts) {
        if (attempts > 1) {
            log.info("{}: succeeded on attempt {}", method, attempts);
        }
        for (RetryListener delegate : delegates) {
            delegate.onSuccess(attempts);
        }
    }

    @Override
    public void onGiveUp(int attempts, Throwable cause) {
        if (DsqlErrors.isConflict(cause) || DsqlErrors.isServerUnavailable(cause)) {
            log.warn("{}: giving up after {} attempts; last failure {}", method, attempts, describe(cause));
        }
        for (RetryListener delegate : delegates) {
            delegate.onGiveUp(attempts, cause);
        }
    }

    static String describe(Throwable cause) {
        String state = DsqlErrors.sqlState(cause).orElse("no SQLSTATE");
        return DsqlErrors.conflictCode(cause).map(code -> state + " " + code).orElse(state);
    }

    String method() {
        return method;
    }
}
