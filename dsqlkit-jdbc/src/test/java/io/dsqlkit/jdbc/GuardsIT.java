package io.dsqlkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.dsqlkit.jdbc.testing.LocalDsql;
import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.DsqlLocal;
import io.dsqlkit.local.junit.DsqlLocalTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

import static io.dsqlkit.jdbc.testing.LocalDsql.exec;
import static io.dsqlkit.jdbc.testing.LocalDsql.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guards on the connections the connector hands out, checked against what DSQL Local (like
 * DSQL) answers for the statements pgjdbc would otherwise send.
 */
@DsqlLocalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardsIT {
    private final DsqlLocal local;
    private final DsqlCluster cluster;
    private HikariDataSource pool;
    private DataSource unpooled;

    GuardsIT(DsqlLocal local, DsqlCluster cluster) {
        this.local = local;
        this.cluster = cluster;
    }

    @BeforeAll
    void dataSources() throws SQLException {
        unpooled = LocalDsql.signedBuilder(local, cluster).buildUnpooled();
        pool = (HikariDataSource) LocalDsql.signedBuilder(local, cluster).maximumPoolSize(1).build();
        try (Connection c = unpooled.getConnection()) {
            exec(c, "create table if not exists item (id bigint primary key, name text not null)");
            exec(c, "delete from item");
            exec(c, "insert into item values (1, 'one')");
        }
    }

    @AfterAll
    void close() {
        pool.close();
    }

    @Test
    void repeatableReadIsAcceptedWithoutAStatement() throws SQLException {
        for (DataSource ds : new DataSource[]{unpooled, pool}) {
            try (Connection c = ds.getConnection()) {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setAutoCommit(false);
                assertThat(scalar(c, "select name from item where id = 1")).isEqualTo("one");
                assertThat(scalar(c, "show transaction_isolation")).isEqualTo("repeatable read");
                c.commit();
                assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
                assertThat(c.getMetaData().getDefaultTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
                assertThat(c.getMetaData().supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE)).isFalse();
                c.setAutoCommit(true);
            }
        }
    }

    @Test
    void pgjdbcWouldSendAnIsolationStatementDsqlRefuses() throws SQLException {
        try (Connection c = unpooled.getConnection()) {
            Connection raw = (Connection) c.unwrap(PGConnection.class);
            assertThatThrownBy(() -> raw.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
        }
    }

    @Test
    void otherLevelsAreRefusedLocallyWithAnExplanation() throws SQLException {
        for (DataSource ds : new DataSource[]{unpooled, pool}) {
            try (Connection c = ds.getConnection()) {
                assertThatThrownBy(() -> c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE))
                        .isInstanceOf(SQLFeatureNotSupportedException.class)
                        .hasMessageStartingWith("DSQL runs every transaction at REPEATABLE READ")
                        .hasMessageContaining("SERIALIZABLE was requested")
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
                assertThatThrownBy(() -> c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED))
                        .hasMessageContaining("READ COMMITTED was requested");
                // Nothing reached the server: the connection works and is still REPEATABLE READ.
                assertThat(scalar(c, "show transaction_isolation")).isEqualTo("repeatable read");
            }
        }
    }

    @Test
    void otherLevelsCanBeIgnoredWhenConfigured() throws SQLException {
        DataSource ignoring = LocalDsql.signedBuilder(local, cluster)
                .unsupportedIsolation(UnsupportedIsolation.IGNORE_WITH_WARNING).buildUnpooled();
        try (Connection c = ignoring.getConnection()) {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c.setAutoCommit(false);
            assertThat(scalar(c, "show transaction_isolation")).isEqualTo("repeatable read");
            c.commit();
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
        }
    }

    @Test
    void savepointsAreRefusedLocallyAsDsqlRefusesThem() throws SQLException {
        try (Connection c = pool.getConnection()) {
            String pid = scalar(c, "select pg_backend_pid()");
            c.setAutoCommit(false);
            exec(c, "update item set name = 'uno' where id = 1");
            assertThatThrownBy(c::setSavepoint)
                    .isInstanceOf(SQLFeatureNotSupportedException.class)
                    .hasMessageStartingWith("DSQL does not support savepoints")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
            assertThatThrownBy(() -> c.setSavepoint("before")).hasMessageStartingWith("DSQL does not support savepoints");
            assertThatThrownBy(() -> c.rollback(null)).hasMessageStartingWith("DSQL does not support savepoints");
            assertThatThrownBy(() -> c.releaseSavepoint(null)).hasMessageStartingWith("DSQL does not support savepoints");
            // The local refusal left the transaction intact: it commits.
            c.commit();
            assertThat(scalar(c, "select name from item where id = 1")).isEqualTo("uno");
            assertThat(c.getMetaData().supportsSavepoints()).isFalse();
            assertThat(c.getMetaData().getConnection().unwrap(Connection.class)).isNotNull();
            // What DSQL answers when SAVEPOINT reaches it.
            assertThatThrownBy(() -> exec(c, "savepoint s1"))
                    .hasMessageContaining("unsupported transaction statement: SAVEPOINT")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
            c.rollback();
            exec(c, "update item set name = 'one' where id = 1");
            c.commit();
            c.setAutoCommit(true);
            assertThat(scalar(c, "select pg_backend_pid()")).isEqualTo(pid);
        }
    }

    @Test
    void readOnlyTransactionsBeginReadOnlyWithoutSetTransaction() throws SQLException {
        for (DataSource ds : new DataSource[]{unpooled, pool}) {
            try (Connection c = ds.getConnection()) {
                c.setReadOnly(true);
                c.setAutoCommit(false);
                assertThat(scalar(c, "select name from item where id = 1")).isEqualTo("one");
                assertThat(scalar(c, "show transaction_read_only")).isEqualTo("on");
                assertThatThrownBy(() -> exec(c, "insert into item values (2, 'two')"))
                        .hasMessageContaining("cannot execute INSERT in a read-only transaction")
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25006"));
                c.rollback();
                c.setReadOnly(false);
                exec(c, "insert into item values (2, 'two')");
                c.commit();
                exec(c, "delete from item where id = 2");
                c.commit();
                c.setAutoCommit(true);
            }
        }
    }

    @Test
    void refusalsConflictsAndLimitsDoNotCostThePooledConnection() throws SQLException {
        String pid;
        try (Connection c = pool.getConnection()) {
            pid = scalar(c, "select pg_backend_pid()");
            assertThatThrownBy(() -> exec(c, "create temporary table scratch (id bigint primary key)"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
        }
        try (Connection c = pool.getConnection()) {
            assertThat(scalar(c, "select pg_backend_pid()")).isEqualTo(pid);
            cluster.failNextCommits(1);
            c.setAutoCommit(false);
            exec(c, "update item set name = 'one' where id = 1");
            assertThatThrownBy(c::commit)
                    .hasMessageContaining("(OC000)")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("40001"));
            c.setAutoCommit(true);
        }
        try (Connection c = pool.getConnection()) {
            assertThat(scalar(c, "select pg_backend_pid()")).isEqualTo(pid);
            assertThatThrownBy(() -> exec(c, "insert into item select g, 'x' from generate_series(100, 3100) g"))
                    .hasMessageContaining("transaction row limit exceeded")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("54000"));
        }
        try (Connection c = pool.getConnection()) {
            assertThat(scalar(c, "select pg_backend_pid()")).isEqualTo(pid);
            assertThat(scalar(c, "select count(*) from item")).isEqualTo("1");
        }
    }
}
