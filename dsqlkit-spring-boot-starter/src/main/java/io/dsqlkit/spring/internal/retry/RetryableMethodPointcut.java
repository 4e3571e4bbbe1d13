package io.dsqlkit.spring.internal.retry;

import io.dsqlkit.spring.RetryOnConflict;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttributeSource;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Matches methods annotated with {@link RetryOnConflict}, public methods of classes annotated with
 * it, and (when {@code dsqlkit.retry.all-transactional=true}) every method with a
 * {@code @Transactional} attribute.
 */
public final class RetryableMethodPointcut extends StaticMethodMatcherPointcut {
    private final boolean allTransactional;
    private final TransactionAttributeSource transactionAttributes = new AnnotationTransactionAttributeSource(false);

    public RetryableMethodPointcut(boolean allTransactional) {
        this.allTransactional = allTransactional;
    }

    @Override
    public boolean matches(Method method, Class<?> targetClass) {
        if (findAnnotation(method, targetClass) != null) {
            return true;
        }
        return allTransactional && transactionAttributes.getTransactionAttribute(method, targetClass) != null;
    }

    /** The annotation on the method, else on its class (public methods only), else {@code null}. */
    static RetryOnConflict findAnnotation(Method method, Class<?> targetClass) {
        Method specific = targetClass != null ? AopUtils.getMostSpecificMethod(method, targetClass) : method;
        RetryOnConflict onMethod = AnnotatedElementUtils.findMergedAnnotation(specific, RetryOnConflict.class);
        if (onMethod != null) {
            return onMethod;
        }
        if (!Modifier.isPublic(specific.getModifiers()) || specific.getDeclaringClass() == Object.class) {
            return null;
        }
        Class<?> type = targetClass != null ? targetClass : specific.getDeclaringClass();
        return AnnotatedElementUtils.findMergedAnnotation(type, RetryOnConflict.class);
    }
}
