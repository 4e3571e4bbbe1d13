package io.dsqlkit.jdbc.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.dsqlkit.jdbc.DsqlDataSourceBuilder;
import io.dsqlkit.jdbc.DsqlErrors;
import io.dsqlkit.jdbc.RetryListener;
import io.dsqlkit.jdbc.RetryPolicy;
import io.dsqlkit.jdbc.TransactionRetry;
import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.DsqlLocal;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Conflict goodput: committed increments per second on a few hot rows, when every increment is
 * a transaction run through a retry strategy, for three strategies:
 *
 * <ul>
 *   <li><b>dsqlkit default</b>: {@code TransactionRetry.of(RetryPolicy.defaults())}: 10 attempts, full
 *       jitter over {@code [0, min(1 s, 10 ms · 2^(n-2))]};</li>
 *   <li><b>naive immediate</b>: the same runner with zero backoff (10 attempts, no wait);</li>
 *   <li><b>AWS connector default</b>: 3 retries (4 attempts), wait {@code min(5 s, 100 ms · 2^(k-1))}
 *       plus up to 25 % of it (jitter factor 0.25), as AWS's DSQL connectors compute it.</li>
 * </ul>
 *
 * The program prints a Markdown table and asserts nothing. Settings (system properties):
 * {@code bench.threads} (8), {@code bench.hotRows} (comma list, "1,4,16"), {@code bench.jvmWarmup}
 * seconds once at start (10), {@code bench.warmup} seconds before each measured interval (2),
 * {@code bench.seconds} per cell (10), {@code bench.rounds} (2; each cell's time is split over rounds
 * and the strategy order rotates between rounds).
 */
public final class ConflictGoodputBenchmark {
    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    private static final int[] HOT_ROWS = Arrays.stream(System.getProperty("bench.hotRows", "1,4,16").split(","))
            .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 2));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    /** Once at start, discarded: JIT-compiles the front end and the client before anything is measured. */
    private static final Duration JVM_WARMUP = Duration.ofSeconds(Integer.getInteger("bench.jvmWarmup", 10));

    private ConflictGoodputBenchmark() {
    }

    /** One increment transaction, run however the strategy runs transactions. */
    interface Strategy {
        String name();

        /** Runs the increment; returns the attempts it took, or throws the failure it gave up with. */
        int increment(DataSource dataSource, long row) throws Exception;
    }

    /** dsqlkit's {@link TransactionRetry} with a given policy. */
    record RunnerStrategy(String name, RetryPolicy policy) implements Strategy {
        @Override
        public int increment(DataSource dataSource, long row) throws Exception {
            int[] attempts = {0};
            TransactionRetry retry = TransactionRetry.of(policy).withListener(new RetryListener() {
                @Override
                public void onSuccess(int n) {
                    attempts[0] = n;
                }
            });
            retry.inTransaction(dataSource, c -> update(c, row));
            return attempts[0];
        }
    }

    /** AWS's schedule: base · multiplier^(k-1), capped, plus uniform jitter of up to jitterFactor of it. */
    record AwsStyleStrategy(String name, int maxRetries, long baseDelayMs, long maxDelayMs, double multiplier,
                            double jitterFactor) implements Strategy {
        @Override
        public int increment(DataSource dataSource, long row) throws Exception {
            for (int attempt = 1; ; attempt++) {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    try {
                        update(c, row);
                        c.commit();
                        return attempt;
                    } catch (SQLException e) {
                        c.rollback();
                        if (!DsqlErrors.isConflict(e) || attempt > maxRetries) {
                            throw e;
                        }
                    } finally {
                        c.setAutoCommit(true);
                    }
                }
                double delay = Math.min(maxDelayMs, baseDelayMs * Math.pow(multiplier, attempt - 1));
                delay += delay * ThreadLocalRandom.current().nextDouble() * jitterFactor;
                TimeUnit.MICROSECONDS.sleep((long) (delay * 1000));
            }
        }
    }

    private static int update(Connection c, long row) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update counter set n = n + 1 where id = ?")) {
            update.setLong(1, row);
            return update.executeUpdate();
        }
    }

    /** Counts of one measured interval. */
    static final class Tally {
        final LongAdder committed = new LongAdder();
        final LongAdder attempts = new LongAdder();
        final LongAdder gaveUp = new LongAdder();
        final LongAdder otherErrors = new LongAdder();
        final List<long[]> latencies = new ArrayList<>();
        long nanos;
    }

    public static void main(String[] args) throws Exception {
        List<Strategy> strategies = List.of(
                new RunnerStrategy("dsqlkit default", RetryPolicy.defaults()),
                new RunnerStrategy("naive immediate", RetryPolicy.builder().initialBackoff(Duration.ZERO)
                        .maxBackoff(Duration.ZERO).build()),
                new AwsStyleStrategy("AWS connector default", 3, 100, 5_000, 2.0, 0.25));
        String secret = Long.toHexString(ThreadLocalRandom.current().nextLong());
        try (DsqlLocal local = DsqlLocal.builder().trustedKey("AKIADSQLKITBENCH0001", secret).start()) {
            DsqlCluster cluster = local.defaultCluster();
            try (HikariDataSource pool = (HikariDataSource) DsqlDataSourceBuilder.builder()
                    .endpoint(cluster.host()).port(cluster.port()).region(cluster.region().id())
                    .sslRootCertificate(local.caCertificateFile()).credentialsProvider(local.tokenCredentials())
                    .maximumPoolSize(THREADS).build()) {
                System.out.printf("Conflict goodput on DSQL Local: %d threads, %d s per cell in %d rounds, %d s warm-up;"
                        + " %d cores; %s%n%n", THREADS, MEASURE.toSeconds(), ROUNDS, WARMUP.toSeconds(),
                        Runtime.getRuntime().availableProcessors(), RetryPolicy.defaults());
                for (Strategy strategy : strategies) {
                    reset(pool, HOT_ROWS[0]);
                    run(pool, strategy, HOT_ROWS[0], JVM_WARMUP.dividedBy(strategies.size()), new Tally());
                }
                System.out.println("| hot rows | strategy | committed/s | gave up on a conflict | other errors |"
                        + " attempts per commit | p50 ms | p99 ms | counters exact |");
                System.out.println("|---|---|---|---|---|---|---|---|---|");
                for (int hotRows : HOT_ROWS) {
                    List<Tally> totals = new ArrayList<>();
                    for (int i = 0; i < strategies.size(); i++) {
                        totals.add(new Tally());
                    }
                    boolean[] exact = new boolean[strategies.size()];
                    Arrays.fill(exact, true);
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int k = 0; k < strategies.size(); k++) {
                            int index = (k + round) % strategies.size();
                            Strategy strategy = strategies.get(index);
                            reset(pool, hotRows);
                            run(pool, strategy, hotRows, WARMUP, new Tally());
                            long before = sum(pool);
                            Tally tally = totals.get(index);
                            long committedBefore = tally.committed.sum();
                            run(pool, strategy, hotRows, MEASURE.dividedBy(ROUNDS), tally);
                            long committedNow = tally.committed.sum() - committedBefore;
                            // Every committed increment is in the table, and nothing else is.
                            exact[index] &= sum(pool) - before == committedNow;
                        }
                    }
                    for (int i = 0; i < strategies.size(); i++) {
                        report(hotRows, strategies.get(i), totals.get(i), exact[i]);
                    }
                }
            }
        }
    }

    private static void reset(DataSource pool, int hotRows) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists counter (id bigint primary key, n bigint not null)");
            s.execute("delete from counter");
            s.execute("insert into counter select g, 0 from generate_series(1, " + hotRows + ") g");
        }
    }

    private static long sum(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(sum(n), 0) from counter")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void run(DataSource pool, Strategy strategy, int hotRows, Duration duration, Tally tally)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<long[]>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            workers.add(threads.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (!stop.get()) {
                    long row = 1 + ThreadLocalRandom.current().nextInt(hotRows);
                    long began = System.nanoTime();
                    try {
                        int attempts = strategy.increment(pool, row);
                        tally.committed.increment();
                        tally.attempts.add(attempts);
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = System.nanoTime() - began;
                    } catch (Exception e) {
                        if (DsqlErrors.isConflict(e)) {
                            tally.gaveUp.increment();
                        } else {
                            tally.otherErrors.increment();
                        }
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        stop.set(true);
        for (Future<long[]> worker : workers) {
            long[] latencies = worker.get();
            synchronized (tally.latencies) {
                tally.latencies.add(latencies);
            }
        }
        tally.nanos += System.nanoTime() - start;
        threads.shutdown();
    }

    private static void report(int hotRows, Strategy strategy, Tally tally, boolean exact) {
        long[] all = tally.latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        long committed = tally.committed.sum();
        double seconds = tally.nanos / 1e9;
        // Requests that gave up (conflict after the last attempt) plus any other error.
        long failed = tally.gaveUp.sum() + tally.otherErrors.sum();
        System.out.printf("| %d | %s | %.0f | %d (%.2f %%) | %d | %.2f | %.1f | %.1f | %s |%n", hotRows, strategy.name(),
                committed / seconds, tally.gaveUp.sum(), 100.0 * failed / Math.max(1, committed + failed),
                tally.otherErrors.sum(),
                (double) tally.attempts.sum() / Math.max(1, committed),
                percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6, exact ? "yes" : "NO");
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
