package io.dsqlkit.spring;

import io.dsqlkit.local.DsqlLocal;
import io.dsqlkit.spring.internal.retry.RetryMetrics;
import io.dsqlkit.spring.testapp.AnnotatedClassService;
import io.dsqlkit.spring.testapp.Attempts;
import io.dsqlkit.spring.testapp.CounterService;
import io.dsqlkit.spring.testapp.OuterService;
import io.dsqlkit.spring.testapp.TestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * OCC retry on DSQL Local dev services: DSQL Local fails the next commits with
 * {@code 40001 ... (OC000)} exactly as a real conflict does.
 */
@SpringBootTest(classes = TestApplication.class)
class RetryIT {
    @Autowired
    DsqlLocal local;
    @Autowired
    CounterService counters;
    @Autowired
    OuterService outer;
    @Autowired
    AnnotatedClassService annotatedClass;
    @Autowired
    Attempts attempts;
    @Autowired
    MeterRegistry meters;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    UUID id;

    @BeforeEach
    void freshCounter() {
        local.defaultCluster().failNextCommits(0);
        id = counters.create();
        attempts.reset();
        counters.loaded().clear();
    }

    @Test
    void forcedConflictIsRetriedAndTheSecondAttemptCommits() {
        double retriesBefore = retries("CounterService.increment");
        local.defaultCluster().failNextCommits(1);

        assertThat(counters.increment(id)).isEqualTo(1);

        assertThat(attempts.count()).isEqualTo(2);
        assertThat(counters.value(id)).isEqualTo(1);
        assertThat(retries("CounterService.increment") - retriesBefore).isEqualTo(1.0);
    }

    @Test
    void sessionLevelForcedConflictIsRetried() {
        assertThat(counters.incrementFailingTheFirstCommitOfThisSession(id)).isEqualTo(1);

        assertThat(attempts.count()).isEqualTo(2);
        assertThat(counters.value(id)).isEqualTo(1);
    }

    @Test
    void eachAttemptGetsAFreshPersistenceContext() {
        local.defaultCluster().failNextCommits(2);

        assertThat(counters.increment(id)).isEqualTo(1);

        assertThat(counters.loaded()).hasSize(3);
        assertThat(counters.loaded().get(0)).isNotSameAs(counters.loaded().get(1));
        assertThat(counters.loaded().get(1)).isNotSameAs(counters.loaded().get(2));
        assertThat(counters.loaded().get(2).getValue()).isEqualTo(1);
    }

    /**
     * Open-in-view: one EntityManager bound to the thread for the whole request, which each
     * attempt's transaction joins. The attempts must still not share entities.
     */
    @Test
    void attemptsInsideAnOpenInViewPersistenceContextSeeFreshEntities() {
        EntityManager requestScoped = entityManagerFactory.createEntityManager();
        TransactionSynchronizationManager.bindResource(entityManagerFactory, new EntityManagerHolder(requestScoped));
        try {
            local.defaultCluster().failNextCommits(1);

            assertThat(counters.increment(id)).isEqualTo(1);

            assertThat(counters.loaded()).hasSize(2);
            assertThat(counters.loaded().get(0)).isNotSameAs(counters.loaded().get(1));
            assertThat(requestScoped.contains(counters.loaded().get(1))).as("attempts used the bound context").isTrue();
            assertThat(requestScoped.contains(counters.loaded().get(0))).isFalse();
            assertThat(counters.value(id)).isEqualTo(1);
        } finally {
            TransactionSynchronizationManager.unbindResource(entityManagerFactory);
            requestScoped.close();
        }
    }

    @Test
    void jdbcWorkInsideTheTransactionIsRetriedToo() {
        local.defaultCluster().failNextCommits(1);

        counters.incrementWithJdbc(id);

        assertThat(attempts.count()).isEqualTo(2);
        assertThat(counters.value(id)).isEqualTo(1);
    }

    @Test
    void annotationOnTheClassCoversItsMethods() {
        local.defaultCluster().failNextCommits(1);

        assertThat(annotatedClass.increment(id)).isEqualTo(1);

        assertThat(attempts.count()).isEqualTo(2);
    }

    @Test
    void joinedTransactionIsNotRetriedAndTheConflictSurfacesAtTheOuterCommit() {
        local.defaultCluster().failNextCommits(1);

        assertThatThrownBy(() -> outer.incrementInsideOuterTransaction(id))
                .isInstanceOf(DsqlConflictFailureException.class)
                .isInstanceOf(ConcurrencyFailureException.class)
                .hasMessageContaining("OC000");

        assertThat(attempts.count()).isEqualTo(1);
        assertThat(counters.value(id)).isZero();
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheConflict() {
        double exhaustedBefore = exhausted("CounterService.incrementWithTwoAttempts");
        local.defaultCluster().failNextCommits(5);

        assertThatThrownBy(() -> counters.incrementWithTwoAttempts(id))
                .isInstanceOfSatisfying(DsqlConflictFailureException.class,
                        e -> assertThat(e.getConflictCode()).isEqualTo("OC000"));

        assertThat(attempts.count()).isEqualTo(2);
        assertThat(counters.value(id)).isZero();
        assertThat(exhausted("CounterService.incrementWithTwoAttempts") - exhaustedBefore).isEqualTo(1.0);
    }

    @Test
    void methodWithoutTheAnnotationIsNotRetriedButItsConflictIsTranslated() {
        local.defaultCluster().failNextCommits(1);

        assertThatThrownBy(() -> counters.incrementWithoutRetry(id))
                .isInstanceOfSatisfying(DsqlConflictFailureException.class, e -> {
                    assertThat(e.getConflictCode()).isEqualTo("OC000");
                    assertThat(e.getSqlState()).isEqualTo("40001");
                });

        assertThat(attempts.count()).isEqualTo(1);
    }

    private double retries(String method) {
        var counter = meters.find(RetryMetrics.RETRIES).tag("method", method).tag("code", "OC000").counter();
        return counter == null ? 0 : counter.count();
    }

    private double exhausted(String method) {
        var counter = meters.find(RetryMetrics.EXHAUSTED).tag("method", method).counter();
        return counter == null ? 0 : counter.count();
    }
}
