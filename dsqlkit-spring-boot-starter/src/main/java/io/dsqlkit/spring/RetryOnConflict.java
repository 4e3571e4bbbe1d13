package io.dsqlkit.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated method (or every public method of the annotated class) again when its
 * transaction fails with a DSQL conflict ({@code 40001}, {@code OC000}/{@code OC001}), with the
 * connector's full-jitter backoff.
 *
 * <p>DSQL detects conflicts at {@code COMMIT} (DSQL-FACTS §6), so only the whole transaction can be
 * retried: the retry wraps the <em>outermost</em> transaction. A call that joins a transaction
 * already running on the thread is not retried on its own; the method that started the transaction
 * is (if it is annotated), otherwise the conflict propagates. Between attempts the thread's
 * persistence contexts are cleared, so the next attempt reads fresh state.
 *
 * <p>The method must be safe to run more than once: side effects outside the database (e-mail,
 * messages) belong after the commit.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface RetryOnConflict {
    /** Attempts in total, the first included; {@code 0} takes {@code dsqlkit.retry.max-attempts} (or the connector's default). */
    int maxAttempts() default 0;
}
