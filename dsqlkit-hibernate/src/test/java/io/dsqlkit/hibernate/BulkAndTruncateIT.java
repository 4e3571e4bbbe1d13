package io.dsqlkit.hibernate;

import io.dsqlkit.hibernate.model.Category;
import io.dsqlkit.hibernate.model.Truck;
import io.dsqlkit.hibernate.model.Vehicle;
import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.junit.DsqlLocalTest;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Multi-table HQL mutations without temporary tables (DSQL refuses them, DSQL-FACTS §9) and
 * truncation without TRUNCATE under the 3,000-row transaction limit (§4, §13).
 */
@DsqlLocalTest
class BulkAndTruncateIT {
    static final Hibernates.SqlLog SQL = new Hibernates.SqlLog();
    static SessionFactoryImplementor factory;

    @BeforeAll
    static void createSchema(DsqlCluster cluster) {
        factory = Hibernates.createModel(SQL.install(Hibernates.connection(cluster)));
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void bulkUpdateAndDeleteOfAJoinedHierarchyUseCtes() {
        factory.inTransaction(session -> {
            for (int i = 0; i < 5; i++) {
                Truck truck = new Truck();
                truck.plate = "T" + i;
                truck.wheels = 6 + i;
                truck.payloadKg = 1000;
                session.persist(truck);
                Vehicle car = new Vehicle();
                car.plate = "C" + i;
                car.wheels = 4;
                session.persist(car);
            }
        });
        SQL.clear();
        int updated = factory.fromTransaction(session -> session
                .createMutationQuery("update Truck t set t.payloadKg = 2000, t.plate = 'BIG' where t.wheels > 7")
                .executeUpdate());
        assertThat(updated).isEqualTo(3);
        int deleted = factory.fromTransaction(session -> session
                .createMutationQuery("delete from Vehicle v where v.wheels > 8").executeUpdate());
        assertThat(deleted).isEqualTo(2);
        assertThat(SQL.statements()).anySatisfy(sql -> assertThat(sql).startsWith("with "))
                .noneSatisfy(sql -> assertThat(sql).containsIgnoringCase("temporary"));
        long bigTrucks = factory.fromTransaction(session -> session
                .createSelectionQuery("select count(t) from Truck t where t.payloadKg = 2000 and t.plate = 'BIG'", Long.class)
                .getSingleResult());
        assertThat(bigTrucks).isEqualTo(1);
    }

    @Test
    void truncateMappedObjectsEmptiesMoreRowsThanOneTransactionMayChange(DsqlCluster cluster) {
        factory.inTransaction(session -> session.createNativeMutationQuery(
                "insert into Category (name) values ('root')").executeUpdate());
        for (int batch = 0; batch < 4; batch++) {
            factory.inTransaction(session -> session.createNativeMutationQuery(
                    "insert into Category (name, parent_id) select 'c' || g, (select min(id) from Category)"
                            + " from generate_series(1, 1000) g").executeUpdate());
        }
        assertThat(Sql.scalar(cluster, "select count(*) from Category")).isEqualTo("4001");

        SQL.clear();
        factory.getSchemaManager().truncateMappedObjects();

        assertThat(Sql.scalar(cluster, "select count(*) from Category")).isEqualTo("0");
        assertThat(Sql.scalar(cluster, "select count(*) from Vehicle")).isEqualTo("0");
        long left = factory.fromTransaction(session -> session
                .createSelectionQuery("select count(c) from Category c", Long.class).getSingleResult());
        assertThat(left).isZero();
        Category again = new Category();
        again.name = "after";
        factory.inTransaction(session -> session.persist(again));
        assertThat(again.id).isPositive();
    }
}
