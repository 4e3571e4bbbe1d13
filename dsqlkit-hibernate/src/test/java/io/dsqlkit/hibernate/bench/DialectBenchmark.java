package io.dsqlkit.hibernate.bench;

import io.dsqlkit.hibernate.AuroraDsqlDialect;
import io.dsqlkit.hibernate.AuroraDsqlSettings;
import io.dsqlkit.hibernate.Hibernates;
import io.dsqlkit.hibernate.model.Model;
import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.DsqlLocal;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Measures what the dialect's DSQL-specific work costs on DSQL Local, as a program (no timed
 * assertions anywhere): session factory bootstrap with auto-detection vs a named dialect, schema
 * creation of the broad test model with and without waiting for async jobs, and truncation of
 * 4,001 rows in batches of different sizes. Prints a Markdown report (docs/benchmarks.md).
 *
 * <pre>
 * mvn -q -pl dsqlkit-hibernate test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.dsqlkit.hibernate.bench.DialectBenchmark
 * </pre>
 */
public final class DialectBenchmark {
    private static final int RUNS = 5;

    private DialectBenchmark() {
    }

    public static void main(String[] args) {
        try (DsqlLocal dsql = DsqlLocal.builder().start()) {
            // Warm up the JVM and Hibernate once; not reported.
            createSchema(dsql, true);

            List<String> rows = new ArrayList<>();
            rows.add(row("bootstrap, dialect auto-detected (no schema action)", bootstrap(dsql, false)));
            rows.add(row("bootstrap, dialect named (no schema action)", bootstrap(dsql, true)));
            rows.add(row("create broad model, wait_for_jobs=true (3 indexes, 5 FK validations waited for)", create(dsql, true)));
            rows.add(row("create broad model, wait_for_jobs=false", create(dsql, false)));
            for (int batch : new int[] {500, 1_000, 3_000}) {
                rows.add(row("truncateMappedObjects, 4 001 self-referencing rows, batch " + batch, truncate(dsql, batch)));
            }
            System.out.println("| operation | median ms | min ms | max ms |");
            System.out.println("|---|---|---|---|");
            rows.forEach(System.out::println);
        }
    }

    private static long[] bootstrap(DsqlLocal dsql, boolean named) {
        long[] millis = new long[RUNS];
        try (DsqlCluster cluster = dsql.newCluster()) {
            for (int i = 0; i < RUNS; i++) {
                Map<String, Object> settings = Hibernates.connection(cluster);
                if (named) {
                    settings.put(AvailableSettings.DIALECT, AuroraDsqlDialect.class.getName());
                }
                long start = System.nanoTime();
                try (SessionFactoryImplementor factory = Hibernates.build(settings, Model.ENTITIES)) {
                    millis[i] = (System.nanoTime() - start) / 1_000_000;
                }
            }
        }
        return millis;
    }

    private static long[] create(DsqlLocal dsql, boolean waitForJobs) {
        long[] millis = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            millis[i] = createSchema(dsql, waitForJobs);
        }
        return millis;
    }

    private static long createSchema(DsqlLocal dsql, boolean waitForJobs) {
        try (DsqlCluster cluster = dsql.newCluster()) {
            Map<String, Object> settings = Hibernates.connection(cluster);
            settings.put(AuroraDsqlSettings.WAIT_FOR_JOBS, waitForJobs);
            settings.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "create");
            settings.put(AvailableSettings.HBM2DDL_HALT_ON_ERROR, "true");
            long start = System.nanoTime();
            try (SessionFactoryImplementor factory = Hibernates.build(settings, Model.ENTITIES)) {
                return (System.nanoTime() - start) / 1_000_000;
            }
        }
    }

    private static long[] truncate(DsqlLocal dsql, int batch) {
        long[] millis = new long[RUNS];
        try (DsqlCluster cluster = dsql.newCluster()) {
            Map<String, Object> settings = Hibernates.connection(cluster);
            settings.put(AuroraDsqlSettings.TRUNCATE_BATCH_ROWS, batch);
            settings.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "create");
            try (SessionFactoryImplementor factory = Hibernates.build(settings, Model.ENTITIES)) {
                for (int i = 0; i < RUNS; i++) {
                    factory.inTransaction(session -> session.createNativeMutationQuery(
                            "insert into Category (name) values ('root')").executeUpdate());
                    for (int chunk = 0; chunk < 4; chunk++) {
                        factory.inTransaction(session -> session.createNativeMutationQuery(
                                "insert into Category (name, parent_id) select 'c' || g, (select min(id) from Category)"
                                        + " from generate_series(1, 1000) g").executeUpdate());
                    }
                    long start = System.nanoTime();
                    factory.getSchemaManager().truncateMappedObjects();
                    millis[i] = (System.nanoTime() - start) / 1_000_000;
                }
            }
        }
        return millis;
    }

    private static String row(String operation, long[] millis) {
        List<Long> sorted = new ArrayList<>();
        for (long m : millis) {
            sorted.add(m);
        }
        Collections.sort(sorted);
        return "| " + operation + " | " + sorted.get(sorted.size() / 2) + " | " + sorted.get(0) + " | "
                + sorted.get(sorted.size() - 1) + " |";
    }
}
