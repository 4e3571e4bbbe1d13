package io.dsqlkit.local;

import io.dsqlkit.local.junit.DsqlLocalTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.dsqlkit.local.testing.Sql.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DsqlLocalTest
class DsqlLocalIT {

    @Test
    void connectsWithTlsVerifyFullAndAToken(DsqlCluster cluster) throws SQLException {
        assertThat(cluster.jdbcUrl()).contains("sslmode=verify-full").contains("sslrootcert=");
        try (Connection c = cluster.connect()) {
            assertThat(scalar(c, "select 1 + 1")).isEqualTo("2");
            assertThat(scalar(c, "select current_user")).isEqualTo("admin");
            assertThat(scalar(c, "select ssl from pg_stat_ssl where pid = pg_backend_pid()"))
                    .as("the backing link is a local socket; TLS is the front end's").isEqualTo("f");
        }
    }

    @Test
    void directTlsNegotiationWorks(DsqlCluster cluster) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "admin");
        props.setProperty("password", cluster.token("admin"));
        props.setProperty("sslNegotiation", "direct");
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(), props)) {
            assertThat(scalar(c, "select 'direct'")).isEqualTo("direct");
        }
    }

    @Test
    void presentsDsqlIdentity(DsqlCluster cluster) throws SQLException {
        try (Connection c = cluster.connect()) {
            assertThat(scalar(c, "show server_version")).isEqualTo("16.15");
            assertThat(scalar(c, "show server_version_num")).isEqualTo("160015");
            assertThat(scalar(c, "select version()")).isEqualTo("PostgreSQL 16");
            assertThat(scalar(c, "SELECT pg_catalog.VERSION()")).isEqualTo("PostgreSQL 16");
            assertThat(scalar(c, "select current_database()")).isEqualTo("postgres");
            assertThat(scalar(c, "select current_schema()")).isEqualTo("public");
            // pgjdbc sends the JVM's TimeZone at startup, which the session honours; a client that
            // sends none sees UTC (MalformedFramesIT#loginPresentsOurOwnKeyDataAndDsqlParameters).
            assertThat(scalar(c, "show client_encoding")).isEqualTo("UTF8");
            assertThat(scalar(c, "show server_encoding")).isEqualTo("UTF8");
            assertThat(scalar(c, "show transaction_isolation")).isEqualTo("repeatable read");
            assertThat(scalar(c, "select datcollate from pg_database where datname = current_database()"))
                    .as("collation C only (DSQL-FACTS §3)").isEqualTo("C");
            assertThat(c.getMetaData().getDatabaseProductVersion()).isEqualTo("16.15");
        }
    }

    @Test
    void versionIsRewrittenForServerPreparedStatementsToo(DsqlCluster cluster) throws SQLException {
        try (Connection c = cluster.connect();
             PreparedStatement ps = c.prepareStatement("select version(), ?::text")) {
            c.unwrap(PGConnection.class).setPrepareThreshold(1);
            for (int i = 0; i < 4; i++) {
                ps.setString(1, "x" + i);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("PostgreSQL 16");
                    assertThat(rs.getString(2)).isEqualTo("x" + i);
                }
            }
        }
    }

    @Test
    void extendedProtocolWithServerPreparedStatementsAndBatches(DsqlCluster cluster) throws SQLException {
        try (Connection c = cluster.connect()) {
            c.unwrap(PGConnection.class).setPrepareThreshold(1);
            try (Statement s = c.createStatement()) {
                s.execute("create table items (id bigint primary key, name text not null, price numeric(10,2))");
            }
            try (PreparedStatement insert = c.prepareStatement("insert into items values (?, ?, ?)")) {
                for (int i = 1; i <= 200; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "item " + i);
                    insert.setBigDecimal(3, new java.math.BigDecimal(i + ".50"));
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                assertThat(counts).hasSize(200).containsOnly(1);
            }
            try (PreparedStatement select = c.prepareStatement("select name, price from items where id = ?")) {
                for (int i = 1; i <= 20; i++) {
                    select.setLong(1, i);
                    try (ResultSet rs = select.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo("item " + i);
                        assertThat(rs.getBigDecimal(2)).isEqualByComparingTo(i + ".50");
                    }
                }
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(7);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select id from items order by id")) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                assertThat(ids).hasSize(200).startsWith(1L, 2L).endsWith(200L);
            }
            c.commit();
        }
    }

    @Test
    void errorsInThePipelineAreReportedAndTheSessionRecovers(DsqlCluster cluster) throws SQLException {
        try (Connection c = cluster.connect()) {
            assertThatThrownBy(() -> scalar(c, "select * from no_such_table"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42P01"));
            assertThat(scalar(c, "select 'still alive'")).isEqualTo("still alive");
        }
    }

    @Test
    void multiStatementSimpleQueryReturnsEveryResult(DsqlCluster cluster) throws SQLException {
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            c.unwrap(PGConnection.class).setPrepareThreshold(0);
            assertThat(s.execute("select 1; select 2")).isTrue();
            try (ResultSet rs = s.getResultSet()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            assertThat(s.getMoreResults()).isTrue();
            try (ResultSet rs = s.getResultSet()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void copyFromStdinAndToStdout(DsqlCluster cluster) throws Exception {
        try (Connection c = cluster.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table copied (id bigint primary key, label text)");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder csv = new StringBuilder();
            for (int i = 1; i <= 1000; i++) {
                csv.append(i).append(",label ").append(i).append('\n');
            }
            long loaded = copy.copyIn("COPY copied FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
            assertThat(loaded).isEqualTo(1000);
            StringWriter out = new StringWriter();
            long dumped = copy.copyOut("COPY (select * from copied where id <= 3 order by id) TO STDOUT WITH (FORMAT csv)", out);
            assertThat(dumped).isEqualTo(3);
            assertThat(out.toString()).isEqualTo("1,label 1\n2,label 2\n3,label 3\n");
            assertThatThrownBy(() -> copy.copyIn("COPY copied FROM STDIN WITH (FORMAT csv)", new StringReader("x,y\n")))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22P02"));
            assertThat(scalar(c, "select count(*) from copied")).isEqualTo("1000");
        }
    }

    @Test
    void cancelRequestStopsARunningQuery(DsqlCluster cluster) throws Exception {
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            CompletableFuture<Void> canceller = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(500);
                    s.cancel();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long started = System.nanoTime();
            assertThatThrownBy(() -> s.execute("select pg_sleep(60)"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
            canceller.get(10, TimeUnit.SECONDS);
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(30);
            assertThat(scalar(c, "select 'after cancel'")).isEqualTo("after cancel");
        }
    }

    @Test
    void rolesCreatedWithLoginConnectWithDbConnectTokens(DsqlCluster cluster) throws SQLException {
        try (Connection admin = cluster.connect(); Statement s = admin.createStatement()) {
            s.execute("create role reporting_app with login");
        }
        try (Connection app = cluster.connect("reporting_app")) {
            assertThat(scalar(app, "select current_user")).isEqualTo("reporting_app");
        }
    }

    @Test
    void clustersAreIndependent(DsqlLocal dsql, DsqlCluster cluster) throws SQLException {
        try (DsqlCluster other = dsql.newCluster()) {
            assertThat(other.port()).isNotEqualTo(cluster.port());
            assertThat(other.endpoint()).isNotEqualTo(cluster.endpoint()).matches("[a-z2-7]{26}\\.dsql\\.us-east-1\\.on\\.aws");
            try (Connection a = cluster.connect(); Statement s = a.createStatement()) {
                s.execute("create table only_in_a (id bigint primary key)");
            }
            try (Connection b = other.connect()) {
                assertThat(scalar(b, "select count(*) from pg_tables where tablename = 'only_in_a'")).isEqualTo("0");
                assertThat(scalar(b, "select current_database()")).isEqualTo("postgres");
            }
        }
    }

    @Test
    void closedClusterStopsAccepting(DsqlLocal dsql) {
        DsqlCluster doomed = dsql.newCluster();
        doomed.close();
        assertThatThrownBy(doomed::connect).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
    }

    @Test
    void anyDatabaseOtherThanPostgresIsRefused(DsqlCluster cluster) {
        Properties props = new Properties();
        props.setProperty("user", "admin");
        props.setProperty("password", cluster.token("admin"));
        String url = cluster.jdbcUrl().replace("/postgres?", "/other?");
        assertThatThrownBy(() -> DriverManager.getConnection(url, props))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("database \"other\" does not exist")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("3D000"));
    }
}
