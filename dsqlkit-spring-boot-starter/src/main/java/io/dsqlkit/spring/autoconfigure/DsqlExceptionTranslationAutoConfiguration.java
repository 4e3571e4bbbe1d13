package io.dsqlkit.spring.autoconfigure;

import io.dsqlkit.spring.internal.translate.DsqlPersistenceExceptionTranslator;
import io.dsqlkit.spring.internal.translate.ExceptionTranslationPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * DSQL conflicts become {@link io.dsqlkit.spring.DsqlConflictFailureException} (an
 * {@code OptimisticLockingFailureException}, so a {@code ConcurrencyFailureException}) wherever Spring
 * translates: JDBC templates, JDBC and JPA transaction managers at commit, and repositories.
 * Without it Spring 7 reports a conflict as a {@code CannotAcquireLockException}: a concurrency
 * failure too, but the pessimistic kind, and without the OCC code.
 */
@AutoConfiguration
@ConditionalOnClass(SQLExceptionTranslator.class)
@ConditionalOnProperty(prefix = "dsqlkit.exception-translation", name = "enabled", matchIfMissing = true)
public class DsqlExceptionTranslationAutoConfiguration {

    @Bean
    static ExceptionTranslationPostProcessor dsqlExceptionTranslationPostProcessor() {
        return new ExceptionTranslationPostProcessor();
    }

    @Bean
    static DsqlPersistenceExceptionTranslator dsqlPersistenceExceptionTranslator() {
        return new DsqlPersistenceExceptionTranslator();
    }
}
