package io.dsqlkit.spring.internal.retry;

import io.dsqlkit.jdbc.RetryListener;
import io.dsqlkit.jdbc.RetryPolicy;
import io.dsqlkit.jdbc.TransactionRetry;
import io.dsqlkit.spring.RetryOnConflict;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a method again, as a whole, when it fails with a DSQL conflict: DSQL reports conflicts at
 * COMMIT (DSQL-FACTS §6), so this interceptor sits outside the transaction interceptor and only acts
 * for the outermost transactional call on the thread. A call made while a transaction is already
 * active (it joins that transaction) or while an outer retry is running proceeds once: retrying it
 * alone would repeat half a transaction that is already doomed.
 */
public final class ConflictRetryInterceptor implements MethodInterceptor {
    private static final ThreadLocal<Boolean> RETRY_RUNNING = new ThreadLocal<>();

    private final Supplier<RetryPolicy> defaultPolicy;
    private final Function<String, List<RetryListener>> listeners;
    private final Map<Method, RetryPolicy> policies = new ConcurrentHashMap<>();

    /**
     * @param defaultPolicy the policy from {@code dsqlkit.retry.*}, resolved on first use
     * @param listeners     the listeners for one call of the named method ({@code Type.method}), called after
     *                      the logging listener: metrics, the persistence-context reset, application listeners
     */
    public ConflictRetryInterceptor(Supplier<RetryPolicy> defaultPolicy,
                                    Function<String, List<RetryListener>> listeners) {
        this.defaultPolicy = defaultPolicy;
        this.listeners = listeners;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        if (RETRY_RUNNING.get() != null || TransactionSynchronizationManager.isActualTransactionActive()
                || !(invocation instanceof ProxyMethodInvocation proxyInvocation)) {
            return invocation.proceed();
        }
        Class<?> targetClass = invocation.getThis() != null ? AopUtils.getTargetClass(invocation.getThis()) : null;
        Method method = invocation.getMethod();
        String name = (targetClass != null ? targetClass.getSimpleName() : method.getDeclaringClass().getSimpleName())
                + "." + method.getName();
        RetryPolicy policy = policies.computeIfAbsent(method, m -> policyFor(m, targetClass));
        TransactionRetry retry = TransactionRetry.of(policy)
                .withListener(new MethodRetryListener(name, policy.maxAttempts(), listeners.apply(name)));
        RETRY_RUNNING.set(Boolean.TRUE);
        try {
            // Each attempt needs its own copy of the invocation: a proceeded one resumes after the
            // interceptors it already passed, which would skip the transaction interceptor.
            return retry.call(() -> proceedOnce(proxyInvocation.invocableClone()));
        } finally {
            RETRY_RUNNING.remove();
        }
    }

    private RetryPolicy policyFor(Method method, Class<?> targetClass) {
        RetryPolicy base = defaultPolicy.get();
        RetryOnConflict annotation = RetryableMethodPointcut.findAnnotation(method, targetClass);
        if (annotation == null || annotation.maxAttempts() == 0) {
            return base;
        }
        if (annotation.maxAttempts() < 0) {
            throw new IllegalStateException("@RetryOnConflict(maxAttempts = " + annotation.maxAttempts() + ") on "
                    + method + ": maxAttempts must be at least 1 (or 0 for dsqlkit.retry.max-attempts)");
        }
        return base.toBuilder().maxAttempts(annotation.maxAttempts()).build();
    }

    private static Object proceedOnce(MethodInvocation attempt) throws Exception {
        try {
            return attempt.proceed();
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new UndeclaredThrowableException(t);
        }
    }

    /** True while a retried method runs on this thread (exposed for tests and diagnostics). */
    public static boolean isRetryRunning() {
        return RETRY_RUNNING.get() != null;
    }
}
