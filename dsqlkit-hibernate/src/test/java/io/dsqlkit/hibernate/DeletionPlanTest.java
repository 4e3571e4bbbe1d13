package io.dsqlkit.hibernate;

import io.dsqlkit.hibernate.internal.schema.DeletionPlan;
import io.dsqlkit.hibernate.model.Model;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.mapping.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The truncation plan: children before parents, self-references cut first, batches by key. */
class DeletionPlanTest {

    @Test
    void plansBatchedDeletesInForeignKeyOrder() {
        List<String> steps = new ArrayList<>();
        List<Boolean> repeats = new ArrayList<>();
        var registry = new StandardServiceRegistryBuilder().applySettings(Offline.settings()).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (Class<?> entity : Model.ENTITIES) {
                sources.addAnnotatedClass(entity);
            }
            Metadata metadata = sources.buildMetadata();
            List<Table> tables = new ArrayList<>();
            metadata.getDatabase().getNamespaces().forEach(namespace -> tables.addAll(namespace.getTables()));
            var context = SqlStringGenerationContextImpl.forTests(metadata.getDatabase().getJdbcEnvironment());
            for (DeletionPlan.Step step : DeletionPlan.batched(tables, metadata.getDatabase().getDialect(), context, 500)) {
                steps.add(step.sql());
                repeats.add(step.repeatWhileFull());
            }
            assertThat(DeletionPlan.unbatched(tables, metadata.getDatabase().getDialect(), context))
                    .contains("update Category set parent_id = null where parent_id is not null", "delete from Customer");
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
        assertThat(steps.get(0)).isEqualTo("update Category set parent_id = null where id in"
                + " (select id from Category where parent_id is not null limit 500)");
        assertThat(steps).contains(
                "delete from purchase_order_product where (order_id, product_id) in (select order_id, product_id from purchase_order_product limit 500)",
                "delete from Customer where id in (select id from Customer limit 500)");
        assertThat(repeats).containsOnly(true);
        assertThat(steps.indexOf("delete from purchase_order_product where (order_id, product_id) in (select order_id, product_id from purchase_order_product limit 500)"))
                .isLessThan(indexOfDelete(steps, "purchase_order"))
                .isLessThan(indexOfDelete(steps, "Product"));
        assertThat(indexOfDelete(steps, "purchase_order")).isLessThan(indexOfDelete(steps, "Customer"));
        assertThat(indexOfDelete(steps, "Truck")).isLessThan(indexOfDelete(steps, "Vehicle"));
        assertThat(steps).noneSatisfy(sql -> assertThat(sql).containsIgnoringCase("truncate"));
    }

    private static int indexOfDelete(List<String> steps, String table) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).startsWith("delete from " + table + " ")) {
                return i;
            }
        }
        throw new AssertionError("no delete from " + table + " in " + steps);
    }
}
