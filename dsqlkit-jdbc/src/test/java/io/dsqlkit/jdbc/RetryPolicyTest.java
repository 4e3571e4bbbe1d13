package io.dsqlkit.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {
    private static final SQLException CONFLICT = new SQLException("change conflicts with another transaction (OC000)", "40001");
    private static final SQLException UNAVAILABLE = new SQLException("ERROR: server unavailable", "XX000");

    @Test
    void defaultsAreTheDocumentedConstants() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(p.maxAttempts()).isEqualTo(RetryPolicy.DEFAULT_MAX_ATTEMPTS);
        assertThat(p.initialBackoff()).isEqualTo(RetryPolicy.DEFAULT_INITIAL_BACKOFF);
        assertThat(p.maxBackoff()).isEqualTo(RetryPolicy.DEFAULT_MAX_BACKOFF);
        assertThat(p.maxElapsed()).isEqualTo(RetryPolicy.DEFAULT_MAX_ELAPSED);
        assertThat(p.retryServerUnavailable()).isFalse();
        assertThat(p.toBuilder().build()).isEqualTo(p);
    }

    @Test
    void boundDoublesFromTheInitialBackoffUpToTheCap() {
        RetryPolicy p = RetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(75)).build();
        assertThat(p.backoffBound(2)).isEqualTo(Duration.ofMillis(10));
        assertThat(p.backoffBound(3)).isEqualTo(Duration.ofMillis(20));
        assertThat(p.backoffBound(4)).isEqualTo(Duration.ofMillis(40));
        assertThat(p.backoffBound(5)).isEqualTo(Duration.ofMillis(75));
        assertThat(p.backoffBound(1_000)).isEqualTo(Duration.ofMillis(75));
        assertThat(p.backoffBound(Integer.MAX_VALUE)).isEqualTo(Duration.ofMillis(75));
    }

    @Test
    void fullJitterStaysWithinZeroAndTheBound() {
        RetryPolicy p = RetryPolicy.builder().initialBackoff(Duration.ofMillis(8)).maxBackoff(Duration.ofMillis(100)).build();
        RandomGenerator random = new SplittableRandom(42);
        Duration smallest = Duration.ofDays(1);
        Duration largest = Duration.ZERO;
        for (int i = 0; i < 10_000; i++) {
            Duration d = p.backoffBefore(3, random);
            assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(16));
            smallest = d.compareTo(smallest) < 0 ? d : smallest;
            largest = d.compareTo(largest) > 0 ? d : largest;
        }
        // Full jitter spreads over the whole range, not just near the bound.
        assertThat(smallest).isLessThan(Duration.ofMillis(1));
        assertThat(largest).isGreaterThan(Duration.ofMillis(15));
    }

    @Test
    void zeroBackoffNeverWaits() {
        RetryPolicy p = RetryPolicy.builder().initialBackoff(Duration.ZERO).maxBackoff(Duration.ZERO).build();
        assertThat(p.backoffBefore(7, new SplittableRandom(1))).isEqualTo(Duration.ZERO);
    }

    @Test
    void conflictsAreRetryableAndServerUnavailableOnlyWhenAskedFor() {
        assertThat(RetryPolicy.defaults().isRetryable(new RuntimeException(CONFLICT))).isTrue();
        assertThat(RetryPolicy.defaults().isRetryable(UNAVAILABLE)).isFalse();
        assertThat(RetryPolicy.builder().retryServerUnavailable(true).build().isRetryable(UNAVAILABLE)).isTrue();
        assertThat(RetryPolicy.defaults().isRetryable(new SQLException("transaction row limit exceeded", "54000"))).isFalse();
        assertThat(RetryPolicy.defaults().isRetryable(new SQLException("duplicate key", "23505"))).isFalse();
    }

    @Test
    void impossibleValuesAreRejectedAtOnce() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAttempts must be at least 1 (1 = no retry), was 0");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("initialBackoff must not be negative, was PT-0.001S");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBackoff (PT1S) must not be shorter than initialBackoff (PT2S)");
        assertThatThrownBy(() -> RetryPolicy.defaults().backoffBefore(1, new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    }
}
