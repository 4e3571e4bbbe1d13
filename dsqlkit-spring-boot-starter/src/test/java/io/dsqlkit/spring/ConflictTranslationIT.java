package io.dsqlkit.spring;

import io.dsqlkit.local.DsqlLocal;
import io.dsqlkit.spring.testapp.Attempts;
import io.dsqlkit.spring.testapp.CounterService;
import io.dsqlkit.spring.testapp.TestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a DSQL conflict becomes. Autocommit JDBC writes fail at the statement; transactions fail at
 * COMMIT, where Hibernate wraps the driver's 40001 in a TransactionException. Spring 7 alone turns
 * both into {@code CannotAcquireLockException} (pessimistic); the starter makes them
 * {@link DsqlConflictFailureException} (optimistic, with the OCC code).
 */
class ConflictTranslationIT {

    @Nested
    @SpringBootTest(classes = TestApplication.class)
    class TranslationOn {
        @Autowired
        DsqlLocal local;
        @Autowired
        JdbcTemplate jdbc;
        @Autowired
        CounterService counters;

        @Test
        void autocommitJdbcWriteConflictIsADsqlConflictFailureException() {
            UUID id = counters.create();
            local.defaultCluster().failNextCommits(1);

            assertThatThrownBy(() -> jdbc.update("update counters set value = 5 where id = ?", id))
                    .isInstanceOfSatisfying(DsqlConflictFailureException.class, e -> {
                        assertThat(e).isInstanceOf(ConcurrencyFailureException.class);
                        assertThat(e.getConflictCode()).isEqualTo("OC000");
                        assertThat(e.getMessage()).contains("change conflicts with another transaction (OC000)");
                    });
            assertThat(counters.value(id)).isZero();
        }

        @Test
        void jpaCommitConflictIsADsqlConflictFailureException() {
            UUID id = counters.create();
            local.defaultCluster().failNextCommits(1);

            assertThatThrownBy(() -> counters.incrementWithoutRetry(id))
                    .isInstanceOf(DsqlConflictFailureException.class)
                    .hasMessageStartingWith("JPA: ");
        }
    }

    @Nested
    @SpringBootTest(classes = TestApplication.class, properties = "dsqlkit.exception-translation.enabled=false")
    class TranslationOff {
        @Autowired
        DsqlLocal local;
        @Autowired
        CounterService counters;

        /** Spring 7 alone reads 40001 as a lock failure: a ConcurrencyFailureException, but the pessimistic kind. */
        @Test
        void withoutTheStarterAJpaCommitConflictIsAPessimisticLockFailure() {
            UUID id = counters.create();
            local.defaultCluster().failNextCommits(1);

            assertThatThrownBy(() -> counters.incrementWithoutRetry(id))
                    .isInstanceOf(CannotAcquireLockException.class)
                    .isNotInstanceOf(OptimisticLockingFailureException.class)
                    .hasRootCauseMessage("ERROR: change conflicts with another transaction (OC000)");
        }
    }

    @Nested
    @SpringBootTest(classes = TestApplication.class, properties = "dsqlkit.retry.all-transactional=true")
    class AllTransactional {
        @Autowired
        DsqlLocal local;
        @Autowired
        CounterService counters;
        @Autowired
        Attempts attempts;

        @BeforeEach
        void reset() {
            attempts.reset();
        }

        @Test
        void everyTransactionalMethodIsRetried() {
            UUID id = counters.create();
            local.defaultCluster().failNextCommits(1);

            assertThat(counters.incrementWithoutRetry(id)).isEqualTo(1);

            assertThat(attempts.count()).isEqualTo(2);
            assertThat(counters.value(id)).isEqualTo(1);
        }
    }
}
