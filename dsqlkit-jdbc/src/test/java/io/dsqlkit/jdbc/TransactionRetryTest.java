package io.dsqlkit.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retry loop of {@link TransactionRetry#call} with a simulated clock (no real waiting). */
class TransactionRetryTest {
    private static final RetryPolicy POLICY = RetryPolicy.builder()
            .maxAttempts(5).initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(1))
            .maxElapsed(Duration.ofSeconds(10)).build();

    private final long[] now = {0};
    private final List<Duration> slept = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    private TransactionRetry retry(RetryPolicy policy) {
        return TransactionRetry.of(policy, () -> now[0], d -> {
            slept.add(d);
            now[0] += d.toNanos();
        }).withListener(new RetryListener() {
            @Override
            public void onRetry(int failedAttempt, Throwable cause, Duration backoff) {
                events.add("retry " + failedAttempt + " " + DsqlErrors.conflictCode(cause).orElse("-"));
            }

            @Override
            public void onSuccess(int attempts) {
                events.add("success " + attempts);
            }

            @Override
            public void onGiveUp(int attempts, Throwable cause) {
                events.add("give up " + attempts + " " + DsqlErrors.sqlState(cause).orElse("-"));
            }
        });
    }

    private static SQLException conflict() {
        return new SQLException("ERROR: change conflicts with another transaction (OC000)", "40001");
    }

    @Test
    void retriesConflictsUntilTheWorkSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String result = retry(POLICY).call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("wrapped", conflict());
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(3);
        assertThat(events).containsExactly("retry 1 OC000", "retry 2 OC000", "success 3");
        assertThat(slept).hasSize(2);
        assertThat(slept.get(0)).isLessThanOrEqualTo(Duration.ofMillis(100));
        assertThat(slept.get(1)).isLessThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastFailureUnchanged() {
        AtomicInteger calls = new AtomicInteger();
        List<SQLException> thrown = new ArrayList<>();
        Throwable caught = org.assertj.core.api.Assertions.catchThrowable(() -> retry(POLICY).call(() -> {
            calls.incrementAndGet();
            thrown.add(conflict());
            throw thrown.get(thrown.size() - 1);
        }));
        assertThat(caught).isSameAs(thrown.get(4));
        assertThat(calls).hasValue(5);
        assertThat(events).endsWith("give up 5 40001");
    }

    @Test
    void nonRetryableFailuresAreThrownAtOnce() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        assertThatThrownBy(() -> retry(POLICY).call(() -> {
            throw duplicate;
        })).isSameAs(duplicate);
        assertThat(events).containsExactly("give up 1 23505");
        assertThat(slept).isEmpty();
    }

    @Test
    void noAttemptStartsAfterMaxElapsed() {
        RetryPolicy policy = POLICY.toBuilder().maxAttempts(100).maxElapsed(Duration.ofSeconds(2)).build();
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry(policy).call(() -> {
            calls.incrementAndGet();
            now[0] += Duration.ofMillis(900).toNanos(); // each attempt takes 0.9 s of simulated time
            throw conflict();
        })).hasMessageContaining("OC000");
        long totalNanos = now[0];
        assertThat(Duration.ofNanos(totalNanos)).isLessThanOrEqualTo(Duration.ofSeconds(2).plusMillis(900));
        assertThat(calls.get()).isBetween(2, 3);
        assertThat(events.get(events.size() - 1)).startsWith("give up " + calls.get());
    }

    @Test
    void nestedCallRunsOnceAndLeavesTheRetryToTheOuterCall() throws Exception {
        TransactionRetry retry = retry(POLICY);
        AtomicInteger inner = new AtomicInteger();
        AtomicInteger outer = new AtomicInteger();
        int result = retry.call(() -> {
            outer.incrementAndGet();
            return retry.call(() -> {
                if (inner.incrementAndGet() < 2) {
                    throw conflict();
                }
                return 7;
            });
        });
        assertThat(result).isEqualTo(7);
        assertThat(inner).hasValue(2);
        assertThat(outer).hasValue(2);
    }

    @Test
    void serverUnavailableIsRetriedOnlyWhenThePolicySaysSo() throws Exception {
        SQLException unavailable = new SQLException("ERROR: server unavailable", "XX000");
        assertThatThrownBy(() -> retry(POLICY).call(() -> {
            throw unavailable;
        })).isSameAs(unavailable);

        AtomicInteger calls = new AtomicInteger();
        int result = retry(POLICY.toBuilder().retryServerUnavailable(true).build()).call(() -> {
            if (calls.incrementAndGet() == 1) {
                throw unavailable;
            }
            return 1;
        });
        assertThat(result).isEqualTo(1);
        assertThat(calls).hasValue(2);
    }
}
