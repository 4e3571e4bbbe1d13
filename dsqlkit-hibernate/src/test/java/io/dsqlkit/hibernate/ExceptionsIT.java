package io.dsqlkit.hibernate;

import io.dsqlkit.hibernate.model.Customer;
import io.dsqlkit.jdbc.DsqlErrors;
import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.junit.DsqlLocalTest;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DSQL's SQLSTATEs as the documented Hibernate exceptions, with DSQL's messages and constraint names. */
@DsqlLocalTest
class ExceptionsIT {
    static SessionFactoryImplementor factory;

    @BeforeAll
    static void createSchema(DsqlCluster cluster) {
        factory = Hibernates.createModel(Hibernates.connection(cluster));
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void uniqueViolationNamesTheConstraint(DsqlCluster cluster) {
        String constraint = Sql.scalar(cluster, "select conname from pg_constraint where contype = 'u'"
                + " and conrelid = 'customer'::regclass");
        Customer first = new Customer();
        first.name = "twin";
        factory.inTransaction(session -> session.persist(first));
        Customer second = new Customer();
        second.name = "twin";
        assertThatThrownBy(() -> factory.inTransaction(session -> session.persist(second)))
                .isInstanceOf(ConstraintViolationException.class)
                .satisfies(e -> {
                    ConstraintViolationException violation = (ConstraintViolationException) e;
                    assertThat(violation.getSQLState()).isEqualTo("23505");
                    assertThat(violation.getConstraintName()).isEqualTo(constraint);
                    assertThat(violation.getKind()).isEqualTo(ConstraintViolationException.ConstraintKind.UNIQUE);
                });
    }

    @Test
    void foreignKeyViolationNamesTheConstraint(DsqlCluster cluster) {
        String constraint = Sql.scalar(cluster, "select conname from pg_constraint where contype = 'f'"
                + " and conrelid = 'purchase_order'::regclass");
        assertThatThrownBy(() -> factory.inTransaction(session -> session.createNativeMutationQuery(
                "insert into purchase_order (customer_id, total) values (gen_random_uuid(), 1)").executeUpdate()))
                .isInstanceOf(ConstraintViolationException.class)
                .satisfies(e -> assertThat(((ConstraintViolationException) e).getConstraintName()).isEqualTo(constraint));
    }

    @Test
    void checkViolationNamesTheConstraint() {
        assertThatThrownBy(() -> factory.inTransaction(session -> session.createNativeMutationQuery(
                "insert into purchase_order (total) values (-1)").executeUpdate()))
                .isInstanceOf(ConstraintViolationException.class)
                .satisfies(e -> assertThat(((ConstraintViolationException) e).getConstraintName())
                        .isEqualTo("purchase_order_total_positive"));
    }

    @Test
    void theRowLimitIsALimitExceptionWithDsqlsMessage() {
        assertThatThrownBy(() -> factory.inTransaction(session -> session.createNativeMutationQuery(
                "insert into Category (name) select 'x' || g from generate_series(1, 3001) g").executeUpdate()))
                .isInstanceOf(DsqlLimitExceededException.class)
                .hasMessageContaining("transaction row limit exceeded");
    }

    @Test
    void aRefusedStatementKeepsDsqlsMessage() {
        assertThatThrownBy(() -> factory.inTransaction(session -> session.createNativeMutationQuery(
                "truncate table Category").executeUpdate()))
                .isInstanceOf(DsqlUnsupportedFeatureException.class)
                .hasMessageContaining("unsupported statement: Truncate")
                .satisfies(e -> assertThat(DsqlErrors.isRefusal(e)).isTrue());
    }

    @Test
    void aForcedConflictFailsTheCommitWithOc000InTheCauseChain(DsqlCluster cluster) {
        Customer customer = new Customer();
        customer.name = "retry-me";
        cluster.failNextCommits(1);
        Session session = factory.openSession();
        Transaction tx = session.beginTransaction();
        session.persist(customer);
        assertThatThrownBy(tx::commit)
                .satisfies(e -> {
                    assertThat(DsqlErrors.isConflict(e)).isTrue();
                    assertThat(DsqlErrors.conflictCode(e)).contains(DsqlErrors.DATA_CONFLICT);
                });
        session.close();
        // The retry of the whole transaction succeeds.
        Customer again = new Customer();
        again.name = "retry-me";
        factory.inTransaction(s -> s.persist(again));
        assertThat(again.id).isNotNull();
    }

    @Test
    void aStatementLevelConflictIsADsqlConflictException(DsqlCluster cluster) {
        Session session = factory.openSession();
        Transaction tx = session.beginTransaction();
        session.createSelectionQuery("select count(c) from Customer c", Long.class).getSingleResult();
        Sql.execute(cluster, "create table exceptions_schema_bump (id bigint primary key)");
        // Hibernate's sessions are JPA entity managers: the conflict reaches the caller as JPA's
        // OptimisticLockException, caused by the dialect's DsqlConflictException.
        assertThatThrownBy(() -> session.createSelectionQuery("from Customer", Customer.class).getResultList())
                .isInstanceOf(jakarta.persistence.OptimisticLockException.class)
                .hasCauseInstanceOf(DsqlConflictException.class)
                .satisfies(e -> {
                    assertThat(((DsqlConflictException) e.getCause()).conflictCode()).isEqualTo("OC001");
                    assertThat(e.getMessage()).contains("schema has been updated by another transaction");
                });
        tx.rollback();
        session.close();
    }
}
