package io.dsqlkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.dsqlkit.jdbc.testing.LocalDsql;
import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.DsqlLocal;
import io.dsqlkit.local.junit.DsqlLocalTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import static io.dsqlkit.jdbc.testing.LocalDsql.exec;
import static io.dsqlkit.jdbc.testing.LocalDsql.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link TransactionRetry} against DSQL Local's optimistic concurrency control. */
@DsqlLocalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionRetryIT {
    private static final int THREADS = 8;
    private static final int INCREMENTS_PER_THREAD = 250;
    private static final int HOT_ROWS = 4;

    private final DsqlLocal local;
    private final DsqlCluster cluster;
    private HikariDataSource pool;

    TransactionRetryIT(DsqlLocal local, DsqlCluster cluster) {
        this.local = local;
        this.cluster = cluster;
    }

    @BeforeAll
    void start() {
        pool = (HikariDataSource) LocalDsql.signedBuilder(local, cluster).maximumPoolSize(THREADS).build();
    }

    @AfterAll
    void stop() {
        pool.close();
    }

    @BeforeEach
    void schema() throws SQLException {
        try (Connection c = pool.getConnection()) {
            exec(c, "create table if not exists counter (id bigint primary key, n bigint not null)");
            exec(c, "delete from counter");
            exec(c, "insert into counter select g, 0 from generate_series(1, " + HOT_ROWS + ") g");
        }
    }

    private static int increment(Connection c, long id) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update counter set n = n + 1 where id = ?")) {
            update.setLong(1, id);
            return update.executeUpdate();
        }
    }

    private Map<Long, Long> counters() throws SQLException {
        Map<Long, Long> values = new TreeMap<>();
        try (Connection c = pool.getConnection();
             ResultSet rs = c.createStatement().executeQuery("select id, n from counter order by id")) {
            while (rs.next()) {
                values.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return values;
    }

    @Test
    void concurrentIncrementsOnHotRowsEndWithExactTotals() throws Exception {
        AtomicInteger retries = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> gaveUp = new ConcurrentLinkedQueue<>();
        TransactionRetry retry = TransactionRetry.of(RetryPolicy.defaults()).withListener(new RetryListener() {
            @Override
            public void onRetry(int failedAttempt, Throwable cause, Duration backoff) {
                retries.incrementAndGet();
            }

            @Override
            public void onGiveUp(int attempts, Throwable cause) {
                gaveUp.add(cause);
            }
        });
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                        // Over all threads every row gets exactly THREADS * INCREMENTS_PER_THREAD / HOT_ROWS increments.
                        long row = 1 + ((thread * INCREMENTS_PER_THREAD + i) % HOT_ROWS);
                        int updated = retry.inTransaction(pool, c -> increment(c, row));
                        assertThat(updated).isEqualTo(1);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(gaveUp).isEmpty();
        long perRow = (long) THREADS * INCREMENTS_PER_THREAD / HOT_ROWS;
        assertThat(counters()).isEqualTo(Map.of(1L, perRow, 2L, perRow, 3L, perRow, 4L, perRow));
    }

    @Test
    void aConflictAtCommitRunsTheWholeTransactionAgain() throws SQLException {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        TransactionRetry retry = TransactionRetry.of(RetryPolicy.builder().initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(5)).build()).withListener(new RetryListener() {
            @Override
            public void onRetry(int failedAttempt, Throwable cause, Duration backoff) {
                events.add("retry " + failedAttempt + " " + DsqlErrors.sqlState(cause).orElse("?") + " "
                        + DsqlErrors.conflictCode(cause).orElse("?"));
            }

            @Override
            public void onSuccess(int attempts) {
                events.add("success " + attempts);
            }
        });
        AtomicInteger runs = new AtomicInteger();
        cluster.failNextCommits(3);
        long value = retry.inTransaction(pool, c -> {
            runs.incrementAndGet();
            increment(c, 1);
            return Long.parseLong(scalar(c, "select n from counter where id = 1"));
        });
        // Each failed attempt rolled back: only the fourth increment is left.
        assertThat(value).isEqualTo(1);
        assertThat(runs).hasValue(4);
        assertThat(events).containsExactly("retry 1 40001 OC000", "retry 2 40001 OC000", "retry 3 40001 OC000", "success 4");
        assertThat(counters().get(1L)).isEqualTo(1);
    }

    @Test
    void otherFailuresAreRolledBackAndThrownUnchanged() throws SQLException {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> TransactionRetry.of(RetryPolicy.defaults()).inTransaction(pool, c -> {
            runs.incrementAndGet();
            increment(c, 2);
            exec(c, "insert into counter values (1, 0)");
            return null;
        })).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
        assertThat(runs).hasValue(1);
        assertThat(counters().get(2L)).isZero();
    }

    @Test
    void givesUpWithTheConflictAfterMaxAttempts() throws SQLException {
        cluster.failNextCommits(2);
        try {
            assertThatThrownBy(() -> TransactionRetry.of(RetryPolicy.builder().maxAttempts(2)
                    .initialBackoff(Duration.ZERO).maxBackoff(Duration.ZERO).build())
                    .inTransaction(pool, c -> increment(c, 3)))
                    .hasMessageContaining("(OC000)");
        } finally {
            cluster.failNextCommits(0);
        }
        assertThat(counters().get(3L)).isZero();
    }

    @Test
    void autocommitIsRestoredOnThePooledConnection() throws SQLException {
        TransactionRetry.of(RetryPolicy.defaults()).inTransaction(pool, c -> increment(c, 4));
        for (int i = 0; i < THREADS; i++) {
            try (Connection c = pool.getConnection()) {
                assertThat(c.getAutoCommit()).isTrue();
            }
        }
        assertThat(counters().get(4L)).isEqualTo(1);
    }

    @Test
    void refusesAConnectionAlreadyInsideSomeoneElsesTransaction() throws SQLException {
        try (Connection outer = pool.getConnection()) {
            outer.setAutoCommit(false);
            increment(outer, 1);
            DataSource bound = new BoundConnectionDataSource(outer);
            assertThatThrownBy(() -> TransactionRetry.of(RetryPolicy.defaults()).inTransaction(bound, c -> increment(c, 2)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("TransactionRetry.inTransaction was handed a connection that is already inside a"
                            + " transaction (state OPEN)");
            // The outer transaction is untouched and still commits.
            outer.commit();
            outer.setAutoCommit(true);
        }
        assertThat(counters()).containsEntry(1L, 1L).containsEntry(2L, 0L);
    }

    @Test
    void acceptsAFreshConnectionWithAutocommitOff() throws SQLException {
        com.zaxxer.hikari.HikariConfig config = LocalDsql.signedBuilder(local, cluster).maximumPoolSize(1).hikariConfig();
        config.setAutoCommit(false);
        try (HikariDataSource manual = new HikariDataSource(config)) {
            int updated = TransactionRetry.of(RetryPolicy.defaults()).inTransaction(manual, c -> increment(c, 2));
            assertThat(updated).isEqualTo(1);
        }
        assertThat(counters().get(2L)).isEqualTo(1);
    }

    /** Hands out one connection that is bound to a caller's transaction, as a framework would; close is a no-op. */
    private static final class BoundConnectionDataSource implements DataSource {
        private final Connection connection;

        BoundConnectionDataSource(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Connection getConnection() {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
