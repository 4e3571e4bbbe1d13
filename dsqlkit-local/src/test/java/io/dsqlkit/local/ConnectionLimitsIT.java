package io.dsqlkit.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DSQL-FACTS §2: the connection count limit (53300) and the maximum connection age. */
class ConnectionLimitsIT {
    private static DsqlLocal dsql;

    @BeforeAll
    static void start() {
        dsql = DsqlLocal.builder().maxConnections(3).maxConnectionAge(Duration.ofSeconds(2)).start();
    }

    @AfterAll
    static void stop() {
        dsql.close();
    }

    @Test
    void connectionsBeyondTheLimitGetDsqlsError() throws Exception {
        DsqlCluster cluster = dsql.defaultCluster();
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(cluster.connect());
            }
            assertThat(dsql.openConnections()).isEqualTo(3);
            assertThatThrownBy(cluster::connect)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Unable to accept connection, too many open connections.")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("53300"));
            open.remove(0).close();
            waitUntil(() -> dsql.openConnections() == 2);
            try (Connection again = cluster.connect()) {
                assertThat(again.isValid(2)).isTrue();
            }
        } finally {
            for (Connection c : open) {
                c.close();
            }
        }
    }

    @Test
    void connectionsAreClosedAtTheirMaximumAge() throws Exception {
        DsqlCluster cluster = dsql.defaultCluster();
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            s.execute("select 1");
            // Wait past the 2 s age; the server tells the idle session and closes it.
            waitUntil(() -> dsql.openConnections() == 0);
            assertThatThrownBy(() -> s.execute("select 1"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"));
        }
        try (Connection fresh = cluster.connect()) {
            assertThat(fresh.isValid(2)).as("a new connection is served as usual").isTrue();
        }
    }

    @Test
    void aBusyConnectionFinishesItsStatementBeforeItIsClosed() throws Exception {
        DsqlCluster cluster = dsql.defaultCluster();
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            // Runs across the 2 s deadline and still completes.
            assertThat(s.execute("select pg_sleep(3)")).isTrue();
            assertThatThrownBy(() -> s.execute("select 1")).isInstanceOf(SQLException.class);
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 15 s");
            }
            Thread.sleep(50);
        }
    }
}
