package io.dsqlkit.spring.internal.guard;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Fails application startup on a {@code @Transactional} method or a {@code TransactionTemplate} bean
 * DSQL cannot run (isolation other than DEFAULT/REPEATABLE_READ, or NESTED), naming it, instead of
 * failing on its first call.
 */
public final class TransactionalMethodValidator implements BeanPostProcessor {
    private final AnnotationTransactionAttributeSource attributes = new AnnotationTransactionAttributeSource(false);

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof TransactionTemplate template) {
            TransactionDefinitionGuard.check(template, "TransactionTemplate bean '" + beanName + "'");
            return bean;
        }
        Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
        if (!attributes.isCandidateClass(type)) {
            return bean;
        }
        for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type, ReflectionUtils.USER_DECLARED_METHODS)) {
            TransactionAttribute attribute = attributes.getTransactionAttribute(method, type);
            if (attribute != null) {
                TransactionDefinitionGuard.check(attribute, "@Transactional on " + describe(type, method)
                        + " (bean '" + beanName + "')");
            }
        }
        return bean;
    }

    static String describe(Class<?> type, Method method) {
        return type.getName() + "." + method.getName() + Arrays.stream(method.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }
}
