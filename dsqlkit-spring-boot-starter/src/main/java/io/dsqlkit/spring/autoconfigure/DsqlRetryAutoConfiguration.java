package io.dsqlkit.spring.autoconfigure;

import io.dsqlkit.jdbc.RetryListener;
import io.dsqlkit.jdbc.RetryPolicy;
import io.dsqlkit.spring.RetryOnConflict;
import io.dsqlkit.spring.internal.retry.ConflictRetryInterceptor;
import io.dsqlkit.spring.internal.retry.PersistenceContextReset;
import io.dsqlkit.spring.internal.retry.RetryMetrics;
import io.dsqlkit.spring.internal.retry.RetryableMethodPointcut;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * OCC retry for {@link RetryOnConflict} methods (and every {@code @Transactional} method with
 * {@code dsqlkit.retry.all-transactional=true}). The advisor is ordered just outside the transaction
 * advisor (which Boot registers at {@link Ordered#LOWEST_PRECEDENCE}), so each attempt is a whole
 * transaction, begun and committed inside it.
 */
@AutoConfiguration
@ConditionalOnClass(PlatformTransactionManager.class)
@ConditionalOnProperty(prefix = "dsqlkit.retry", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(DsqlkitProperties.class)
public class DsqlRetryAutoConfiguration {
    /** Outside the transaction advisor, which Boot leaves at LOWEST_PRECEDENCE. */
    public static final int RETRY_ADVISOR_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static DefaultPointcutAdvisor dsqlConflictRetryAdvisor(Environment environment,
                                                           ObjectProvider<DsqlkitProperties> properties,
                                                           ObjectProvider<RetryListenerContributor> contributors,
                                                           ObjectProvider<RetryListener> applicationListeners) {
        // Advisors are made while post-processors are still being registered, before properties
        // beans can be bound, so the pointcut's switch is read straight from the environment.
        boolean allTransactional = Binder.get(environment)
                .bind("dsqlkit.retry.all-transactional", Boolean.class).orElse(false);
        Function<String, List<RetryListener>> listeners = method -> {
            List<RetryListener> result = new ArrayList<>();
            contributors.orderedStream().forEach(contributor -> result.add(contributor.listenerFor(method)));
            applicationListeners.orderedStream().forEach(result::add);
            return result;
        };
        ConflictRetryInterceptor interceptor = new ConflictRetryInterceptor(
                () -> policy(properties.getObject().getRetry()), listeners);
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new RetryableMethodPointcut(allTransactional),
                interceptor);
        advisor.setOrder(RETRY_ADVISOR_ORDER);
        return advisor;
    }

    static RetryPolicy policy(DsqlkitProperties.Retry retry) {
        RetryPolicy.Builder builder = RetryPolicy.defaults().toBuilder();
        if (retry.getMaxAttempts() != null) {
            builder.maxAttempts(retry.getMaxAttempts());
        }
        if (retry.getInitialBackoff() != null) {
            builder.initialBackoff(retry.getInitialBackoff());
        }
        if (retry.getMaxBackoff() != null) {
            builder.maxBackoff(retry.getMaxBackoff());
        }
        if (retry.getMaxElapsed() != null) {
            builder.maxElapsed(retry.getMaxElapsed());
        }
        if (retry.getRetryServerUnavailable() != null) {
            builder.retryServerUnavailable(retry.getRetryServerUnavailable());
        }
        return builder.build();
    }

    /** Makes the starter's own per-method listeners (metrics, persistence-context reset). */
    @FunctionalInterface
    public interface RetryListenerContributor {
        RetryListener listenerFor(String method);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({EntityManagerFactory.class, EntityManagerHolder.class})
    static class PersistenceContextResetConfiguration {
        @Bean
        RetryListenerContributor dsqlPersistenceContextReset(ObjectProvider<EntityManagerFactory> factories) {
            PersistenceContextReset reset = new PersistenceContextReset(() -> factories.orderedStream().toList());
            return method -> reset;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class RetryMetricsConfiguration {
        private static final RetryListener NO_METRICS = new RetryListener() {
        };

        /** Looked up per call: the registry may be defined after this configuration, or not at all. */
        @Bean
        RetryListenerContributor dsqlRetryMetrics(ObjectProvider<MeterRegistry> registry) {
            return method -> {
                MeterRegistry meters = registry.getIfUnique();
                return meters == null ? NO_METRICS : new RetryMetrics(meters).listenerFor(method);
            };
        }
    }
}
