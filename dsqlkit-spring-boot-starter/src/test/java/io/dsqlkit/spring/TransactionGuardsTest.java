package io.dsqlkit.spring;

import io.dsqlkit.spring.autoconfigure.DsqlTransactionGuardAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Transactions DSQL cannot run fail the startup, naming the method and DSQL's limitation. */
class TransactionGuardsTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DsqlTransactionGuardAutoConfiguration.class));

    @Test
    void serializableIsolationFailsTheStartupNamingTheMethod() {
        runner.withBean(SerializableService.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("@Transactional on " + SerializableService.class.getName() + ".transfer(long)")
                    .hasMessageContaining("asks for isolation SERIALIZABLE")
                    .hasMessageContaining("Aurora DSQL runs every transaction at REPEATABLE READ")
                    .hasMessageContaining("Isolation.REPEATABLE_READ");
        });
    }

    @Test
    void readCommittedOnTheClassFailsTheStartup() {
        runner.withBean(ReadCommittedService.class).run(context -> assertThat(context.getStartupFailure())
                .rootCause().hasMessageContaining("asks for isolation READ_COMMITTED"));
    }

    @Test
    void nestedPropagationFailsTheStartupNamingSavepoints() {
        runner.withBean(NestedService.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining(NestedService.class.getName() + ".audit()")
                    .hasMessageContaining("asks for propagation NESTED")
                    .hasMessageContaining("Aurora DSQL has no savepoints")
                    .hasMessageContaining("Propagation.REQUIRES_NEW");
        });
    }

    @Test
    void repeatableReadAndDefaultsStart() {
        runner.withBean(AcceptedService.class).run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(AcceptedService.class));
    }

    @Test
    void transactionTemplateBeanWithAnotherIsolationFailsTheStartup() {
        runner.withUserConfiguration(SerializableTemplate.class).run(context -> assertThat(context.getStartupFailure())
                .rootCause().hasMessageContaining("TransactionTemplate bean 'serializableTemplate'")
                .hasMessageContaining("asks for isolation SERIALIZABLE"));
    }

    @Test
    void guardsCanBeSwitchedOff() {
        runner.withPropertyValues("dsqlkit.guards.enabled=false").withBean(SerializableService.class)
                .withBean(NestedService.class)
                .run(context -> assertThat(context).hasNotFailed());
    }

    static class SerializableService {
        @Transactional(isolation = Isolation.SERIALIZABLE)
        public void transfer(long amount) {
        }
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    static class ReadCommittedService {
        public void list() {
        }
    }

    static class NestedService {
        @Transactional(propagation = Propagation.NESTED)
        public void audit() {
        }
    }

    @Transactional
    static class AcceptedService {
        @Transactional(isolation = Isolation.REPEATABLE_READ, propagation = Propagation.REQUIRES_NEW)
        public void separate() {
        }

        public void joined() {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SerializableTemplate {
        @Bean
        TransactionTemplate serializableTemplate() {
            TransactionTemplate template = new TransactionTemplate(new NoOpTransactionManager());
            template.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
            return template;
        }
    }

    /** Only to construct a TransactionTemplate; it never begins a transaction in these tests. */
    static final class NoOpTransactionManager extends AbstractPlatformTransactionManager
            implements PlatformTransactionManager {
        private static final long serialVersionUID = 1L;

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
