package io.dsqlkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.dsqlkit.jdbc.internal.token.SdkTokenProvider;
import io.dsqlkit.jdbc.testing.LocalDsql;
import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.DsqlLocal;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.dsqlkit.jdbc.testing.LocalDsql.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DSQL closes every connection at its maximum age (60 minutes, DSQL-FACTS §2). The pool retires
 * connections before that, so requests never meet a closed connection. Here DSQL Local closes
 * connections at 33 s and the pool retires them at 30 s (HikariCP refuses lifetimes under 30 s),
 * while 4 threads keep borrowing until every connection has been replaced twice.
 */
class PoolMaxAgeIT {
    private static final Duration SERVER_MAX_AGE = Duration.ofSeconds(33);
    private static final Duration POOL_MAX_LIFETIME = Duration.ofSeconds(30);
    private static final int POOL_SIZE = 4;
    private static final int GENERATIONS = 3;
    /** A safety net so a broken pool ends the test instead of hanging it; not a performance bound. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(4);

    @Test
    void poolServesWithoutFailuresWhileTheServerClosesOldConnections() throws Exception {
        try (DsqlLocal local = LocalDsql.server().maxConnectionAge(SERVER_MAX_AGE).start()) {
            DsqlCluster cluster = local.defaultCluster();
            SdkTokenProvider signer = SdkTokenProvider.resolve(LocalDsql.TEST_KEY, null);
            AtomicInteger tokens = new AtomicInteger();
            TokenProvider counting = r -> {
                tokens.incrementAndGet();
                return signer.token(r);
            };
            Connection unpooled = LocalDsql.builder(local, cluster).tokenProvider(counting).buildUnpooled().getConnection();
            int tokensBefore = tokens.get();
            AtomicLong requests = new AtomicLong();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            Set<String> backends = ConcurrentHashMap.newKeySet();
            AtomicBoolean stop = new AtomicBoolean();
            try (HikariDataSource pool = (HikariDataSource) LocalDsql.builder(local, cluster).tokenProvider(counting)
                    .maximumPoolSize(POOL_SIZE).maxLifetime(POOL_MAX_LIFETIME).build()) {
                ExecutorService threads = Executors.newFixedThreadPool(POOL_SIZE);
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < POOL_SIZE; t++) {
                    workers.add(threads.submit(() -> {
                        while (!stop.get()) {
                            try (Connection c = pool.getConnection()) {
                                backends.add(scalar(c, "select pg_backend_pid()"));
                                requests.incrementAndGet();
                            } catch (SQLException | RuntimeException e) {
                                failures.add(e);
                            }
                            TimeUnit.MILLISECONDS.sleep(20);
                        }
                        return null;
                    }));
                }
                long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
                while (tokens.get() - tokensBefore < GENERATIONS * POOL_SIZE && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(200);
                }
                // Let the last generation serve for a moment before stopping.
                TimeUnit.SECONDS.sleep(1);
                stop.set(true);
                for (Future<?> worker : workers) {
                    worker.get();
                }
                threads.shutdown();
            }
            assertThat(failures).isEmpty();
            assertThat(tokens.get() - tokensBefore).isGreaterThanOrEqualTo(GENERATIONS * POOL_SIZE);
            // Replacement connections served requests (more backends than the pool holds at once).
            assertThat(backends).hasSizeGreaterThan(POOL_SIZE);
            assertThat(requests.get()).isGreaterThan(0);
            // The server did close old connections: the unpooled one, opened first, is gone.
            assertThatThrownBy(() -> scalar(unpooled, "select 1"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"));
            unpooled.close();
        }
    }
}
