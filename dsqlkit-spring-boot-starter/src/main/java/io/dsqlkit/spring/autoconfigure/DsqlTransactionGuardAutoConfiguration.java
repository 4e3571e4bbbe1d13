package io.dsqlkit.spring.autoconfigure;

import io.dsqlkit.spring.internal.guard.TransactionalMethodValidator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Guards against transaction definitions DSQL cannot run: {@code @Transactional} methods and
 * {@code TransactionTemplate} beans asking for an isolation other than DEFAULT/REPEATABLE_READ or for
 * NESTED propagation fail the startup with a message naming the method and DSQL's limitation.
 * (Transactions defined at run time are refused by the dsqlkit-jdbc connection instead, which
 * rejects other isolation levels and savepoints.)
 */
@AutoConfiguration
@ConditionalOnClass(PlatformTransactionManager.class)
@ConditionalOnProperty(prefix = "dsqlkit.guards", name = "enabled", matchIfMissing = true)
public class DsqlTransactionGuardAutoConfiguration {

    @Bean
    static TransactionalMethodValidator dsqlTransactionalMethodValidator() {
        return new TransactionalMethodValidator();
    }
}
