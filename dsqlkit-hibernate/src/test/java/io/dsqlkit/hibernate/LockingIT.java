package io.dsqlkit.hibernate;

import io.dsqlkit.hibernate.model.Customer;
import io.dsqlkit.hibernate.model.PurchaseOrder;
import io.dsqlkit.jdbc.DsqlErrors;
import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.junit.DsqlLocalTest;
import org.hibernate.LockMode;
import org.hibernate.Locking;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.IllegalQueryOperationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pessimistic locking on DSQL Local: {@code for update} only on one table with key equality
 * (DSQL-FACTS §13), follow-on locking for joins, read locks as {@code for update}, no NOWAIT /
 * SKIP LOCKED / timeouts, and a lock that meets a concurrent write failing one side at COMMIT.
 */
@DsqlLocalTest
class LockingIT {
    static final Hibernates.SqlLog SQL = new Hibernates.SqlLog();
    static SessionFactoryImplementor factory;
    static UUID customerId;
    static Long orderId;

    @BeforeAll
    static void createSchema(DsqlCluster cluster) {
        factory = Hibernates.createModel(SQL.install(Hibernates.connection(cluster)));
        Customer customer = new Customer();
        customer.name = "Locky";
        PurchaseOrder order = new PurchaseOrder();
        order.total = BigDecimal.TEN;
        factory.inTransaction(session -> {
            session.persist(customer);
            order.customer = customer;
            session.persist(order);
        });
        customerId = customer.id;
        orderId = order.id;
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @BeforeEach
    void clearLog() {
        SQL.clear();
    }

    @Test
    void pessimisticWriteByKeyIsASingleTableForUpdate() {
        Customer locked = factory.fromTransaction(session -> session.find(Customer.class, customerId, LockMode.PESSIMISTIC_WRITE));
        assertThat(locked.name).isEqualTo("Locky");
        assertThat(SQL.statements()).anySatisfy(sql -> assertThat(sql).startsWith("select").endsWith(" for update")
                .doesNotContain(" join ", " of ", "no key", "nowait", "skip locked"));
    }

    @Test
    void pessimisticReadIsAlsoForUpdateBecauseDsqlRefusesForShare() {
        factory.inTransaction(session -> session.find(Customer.class, customerId, LockMode.PESSIMISTIC_READ));
        assertThat(SQL.statements()).anySatisfy(sql -> assertThat(sql).endsWith(" for update"))
                .noneSatisfy(sql -> assertThat(sql).contains("for share"));
    }

    @Test
    void nowaitSkipLockedAndTimeoutsAreNotRendered() {
        factory.inTransaction(session -> {
            session.find(Customer.class, customerId, LockMode.UPGRADE_NOWAIT);
            session.clear();
            session.find(Customer.class, customerId, LockMode.UPGRADE_SKIPLOCKED);
            session.clear();
            session.createSelectionQuery("from Customer c where c.id = :id", Customer.class)
                    .setParameter("id", customerId)
                    .setHibernateLockMode(LockMode.PESSIMISTIC_WRITE).setTimeout(3).getSingleResult();
        });
        assertThat(SQL.statements()).filteredOn(sql -> sql.contains("for update")).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(sql -> assertThat(sql).endsWith(" for update"));
    }

    @Test
    void aLockingJoinUsesFollowOnLockingOneTableAtATime() {
        PurchaseOrder order = factory.fromTransaction(session -> session
                .createSelectionQuery("select o from PurchaseOrder o join fetch o.customer where o.id = :id", PurchaseOrder.class)
                .setParameter("id", orderId)
                .setHibernateLockMode(LockMode.PESSIMISTIC_WRITE)
                .getSingleResult());
        assertThat(order.customer.name).isEqualTo("Locky");
        List<String> statements = SQL.statements();
        assertThat(statements).anySatisfy(sql -> assertThat(sql).contains(" join ").doesNotContain("for update"));
        assertThat(statements).filteredOn(sql -> sql.endsWith(" for update"))
                .isNotEmpty()
                .allSatisfy(sql -> assertThat(sql).doesNotContain(" join ").doesNotContain(" in ("));
    }

    @Test
    void lockingAJoinedSubclassLocksEachOfItsTablesByKey() {
        io.dsqlkit.hibernate.model.Truck truck = new io.dsqlkit.hibernate.model.Truck();
        truck.plate = "LOCK-1";
        truck.wheels = 6;
        truck.payloadKg = 900;
        factory.inTransaction(session -> session.persist(truck));
        SQL.clear();
        io.dsqlkit.hibernate.model.Truck locked = factory.fromTransaction(session ->
                session.find(io.dsqlkit.hibernate.model.Truck.class, truck.id, LockMode.PESSIMISTIC_WRITE));
        assertThat(locked.payloadKg).isEqualTo(900);
        List<String> locks = SQL.statements().stream().filter(sql -> sql.endsWith(" for update")).toList();
        assertThat(locks).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(sql -> assertThat(sql).doesNotContain(" join ").contains(" where "));
        assertThat(locks).anySatisfy(sql -> assertThat(sql).contains(" from Vehicle "));
        assertThat(locks).anySatisfy(sql -> assertThat(sql).contains(" from Truck "));
    }

    @Test
    void aLockingJoinThatForbidsFollowOnLockingFailsClearly() {
        assertThatThrownBy(() -> factory.inTransaction(session -> session
                .createSelectionQuery("select o from PurchaseOrder o join fetch o.customer where o.id = :id", PurchaseOrder.class)
                .setParameter("id", orderId)
                .setHibernateLockMode(LockMode.PESSIMISTIC_WRITE)
                .setFollowOnStrategy(Locking.FollowOn.DISALLOW)
                .getResultList()))
                .isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(IllegalQueryOperationException.class)
                .hasMessageContaining("DSQL applies FOR UPDATE to a single table only");
    }

    @Test
    void aLockOnANonKeyPredicateSurfacesDsqlsRefusal() {
        assertThatThrownBy(() -> factory.inTransaction(session -> session
                .createSelectionQuery("from Customer c where c.name = :name", Customer.class)
                .setParameter("name", "Locky")
                .setHibernateLockMode(LockMode.PESSIMISTIC_WRITE)
                .getResultList()))
                .isInstanceOf(DsqlUnsupportedFeatureException.class)
                .hasMessageContaining("locking clause such as FOR UPDATE can be applied only on tables with equality predicates on the key");
    }

    @Test
    void aLockedRowChangedByAnotherTransactionFailsOneSideAtCommit() {
        Session locker = factory.openSession();
        Session writer = factory.openSession();
        Transaction lockTx = locker.beginTransaction();
        Transaction writeTx = writer.beginTransaction();
        locker.find(Customer.class, customerId, LockMode.PESSIMISTIC_WRITE);
        writer.createMutationQuery("update Customer c set c.balance = 5 where c.id = :id")
                .setParameter("id", customerId).executeUpdate();
        int failures = 0;
        for (Transaction tx : new Transaction[] {writeTx, lockTx}) {
            try {
                tx.commit();
            } catch (RuntimeException e) {
                assertThat(DsqlErrors.isConflict(e)).as("conflict: %s", e).isTrue();
                failures++;
            }
        }
        locker.close();
        writer.close();
        assertThat(failures).isEqualTo(1);
    }
}
