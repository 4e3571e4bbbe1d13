package io.dsqlkit.local.bench;

import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.DsqlLocal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What an async index costs a client of DSQL Local: the time until {@code CREATE INDEX ASYNC}
 * answers (the submitting commit waits until the build has recorded the index), the time until
 * {@code CALL sys.wait_for_job} says it is built, and a {@code DROP INDEX} right after submission.
 * pgjdbc over the plain-text front end, one table of {@code bench.rows} rows, {@code bench.runs}
 * indexes built one after another ({@code -Dbench.drop=false} leaves out the DROP INDEX step).
 * Prints a Markdown table and asserts nothing.
 *
 * <pre>
 * mvn -q -pl dsqlkit-local -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.dsqlkit.local.bench.AsyncIndexBenchmark [-Dbench.runs=40 -Dbench.rows=1000]
 * </pre>
 */
public final class AsyncIndexBenchmark {

    private AsyncIndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 40);
        int rows = Integer.getInteger("bench.rows", 1000);
        // Off to compare with a release that answered before the build recorded the index, where a
        // DROP INDEX right after submission could find nothing to drop.
        boolean drop = Boolean.parseBoolean(System.getProperty("bench.drop", "true"));
        try (DsqlLocal dsql = DsqlLocal.builder().tls(false).start()) {
            DsqlCluster cluster = dsql.defaultCluster();
            try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_idx (id bigint PRIMARY KEY, v int, w text)");
                for (int from = 1; from <= rows; from += 3000) {
                    s.execute("INSERT INTO bench_idx SELECT g, g % 97, 'w' || g FROM generate_series("
                            + from + ", " + Math.min(rows, from + 2999) + ") g");
                }
                List<Double> submit = new ArrayList<>();
                List<Double> built = new ArrayList<>();
                List<Double> dropAfterSubmit = new ArrayList<>();
                for (int i = 0; i < runs + 3; i++) {
                    long t0 = System.nanoTime();
                    String job = scalar(s, "CREATE INDEX ASYNC bench_idx_v ON bench_idx (v)");
                    long t1 = System.nanoTime();
                    scalar(s, "CALL sys.wait_for_job('" + job + "')");
                    long t2 = System.nanoTime();
                    s.execute("DROP INDEX bench_idx_v");
                    long t3 = 0;
                    long t4 = 0;
                    if (drop) {
                        scalar(s, "CREATE INDEX ASYNC bench_idx_w ON bench_idx (w)");
                        t3 = System.nanoTime();
                        s.execute("DROP INDEX bench_idx_w");
                        t4 = System.nanoTime();
                    }
                    if (i >= 3) { // the first runs warm the JIT and the job worker
                        submit.add((t1 - t0) / 1e6);
                        built.add((t2 - t0) / 1e6);
                        if (drop) {
                            dropAfterSubmit.add((t4 - t3) / 1e6);
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "| Step (%d rows, %d runs) | median ms | p90 ms | max ms |%n", rows, runs);
                System.out.println("|---|---:|---:|---:|");
                row("`CREATE INDEX ASYNC` answered", submit);
                row("answered + `CALL sys.wait_for_job` true", built);
                if (drop) {
                    row("`DROP INDEX` right after submission", dropAfterSubmit);
                }
            }
        }
    }

    private static String scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void row(String name, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", name, sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1), sorted.get(sorted.size() - 1));
    }
}
