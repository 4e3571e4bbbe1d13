package io.dsqlkit.local;

import io.dsqlkit.local.junit.DsqlLocalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.PGProperty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DSQL-FACTS §6: no statement waits for another transaction's lock; the transaction that commits
 * second fails at COMMIT with {@code 40001 change conflicts with another transaction (OC000)}.
 * Every case runs over the extended protocol and over the simple protocol.
 */
@DsqlLocalTest
class OptimisticConcurrencyIT {
    private static final String OC000 = "change conflicts with another transaction (OC000)";
    private final DsqlCluster cluster;

    OptimisticConcurrencyIT(DsqlCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void schema() throws SQLException {
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            s.execute("drop table if exists child");
            s.execute("drop table if exists parent");
            s.execute("drop table if exists account");
            s.execute("create table account (id bigint primary key, balance bigint not null)");
            s.execute("insert into account values (1, 100), (2, 200)");
            s.execute("create table parent (id bigint primary key, note text)");
            s.execute("insert into parent values (1, 'p1'), (2, 'p2')");
            s.execute("create table child (id bigint primary key, parent_id bigint references parent (id))");
        }
    }

    private Connection open(String mode) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "admin");
        props.setProperty("password", cluster.token("admin"));
        PGProperty.PREFER_QUERY_MODE.set(props, mode);
        Connection c = DriverManager.getConnection(cluster.jdbcUrl(), props);
        c.setAutoCommit(false);
        return c;
    }

    /** Runs a statement and fails the test if it does not answer promptly (DSQL never blocks). */
    private static Object run(Connection c, String sql) throws Exception {
        CompletableFuture<Object> result = CompletableFuture.supplyAsync(() -> {
            try (Statement s = c.createStatement()) {
                if (s.execute(sql)) {
                    try (ResultSet rs = s.getResultSet()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
                return s.getUpdateCount();
            } catch (SQLException e) {
                return e;
            }
        });
        Object value = result.get(5, TimeUnit.SECONDS);
        if (value instanceof SQLException e) {
            throw e;
        }
        return value;
    }

    private static void commitFailsWithConflict(Connection c) {
        assertThatThrownBy(c::commit)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining(OC000)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("40001"));
    }

    private String balance(long id) throws Exception {
        try (Connection c = cluster.connect()) {
            return (String) run(c, "select balance from account where id = " + id);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void writeWriteOnOneRowFailsTheSecondCommitter(String mode) throws Exception {
        try (Connection a = open(mode); Connection b = open(mode)) {
            assertThat(run(a, "update account set balance = balance + 1 where id = 1")).isEqualTo(1);
            assertThat(run(b, "update account set balance = balance + 10 where id = 1")).isEqualTo(1);
            a.commit();
            commitFailsWithConflict(b);
            assertThat(balance(1)).isEqualTo("101");
            // The losing connection is usable for the next transaction.
            assertThat(run(b, "update account set balance = balance + 10 where id = 1")).isEqualTo(1);
            b.commit();
            assertThat(balance(1)).isEqualTo("111");
        }
    }

    /**
     * The second writer commits first: on DSQL it wins and the first writer fails, although the
     * second writer's statement met the first one's uncommitted change. Its parameters, its later
     * statements and its other writes all take effect.
     */
    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void theFirstCommitterWinsWhicheverWroteFirst(String mode) throws Exception {
        try (Connection a = open(mode); Connection b = open(mode)) {
            assertThat(run(a, "update account set balance = balance + 1 where id = 1")).isEqualTo(1);
            try (PreparedStatement update = b.prepareStatement("update account set balance = balance + ? where id = ?")) {
                update.setLong(1, 10);
                update.setLong(2, 1);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            assertThat(run(b, "update account set balance = balance + 20 where id = 2")).isEqualTo(1);
            b.commit();
            commitFailsWithConflict(a);
            assertThat(balance(1)).isEqualTo("110");
            assertThat(balance(2)).isEqualTo("220");
            // The losing connection is usable for the next transaction.
            assertThat(run(a, "update account set balance = balance + 1 where id = 1")).isEqualTo(1);
            a.commit();
            assertThat(balance(1)).isEqualTo("111");
        }
    }

    /**
     * A writer that met a FOR UPDATE reader's lock commits first: it wins and the reader fails
     * (the reader committing first is {@link #forUpdateRowsConflictWithAConcurrentWrite}).
     */
    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void aWriterThatCommitsFirstBeatsALockingReader(String mode) throws Exception {
        try (Connection a = open(mode); Connection b = open(mode)) {
            assertThat(run(a, "select balance from account where id = 1 for update")).isEqualTo("100");
            assertThat(run(b, "update account set balance = 0 where id = 1")).isEqualTo(1);
            b.commit();
            commitFailsWithConflict(a);
            assertThat(balance(1)).isEqualTo("0");
        }
    }

    /** A child insert that met an uncommitted parent delete commits first: the delete loses, the child stays. */
    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void aChildInsertThatCommitsFirstBeatsTheParentDelete(String mode) throws Exception {
        try (Connection a = open(mode); Connection b = open(mode)) {
            assertThat(run(a, "delete from parent where id = 2")).isEqualTo(1);
            assertThat(run(b, "insert into child values (20, 2)")).isEqualTo(1);
            b.commit();
            commitFailsWithConflict(a);
            try (Connection c = cluster.connect()) {
                assertThat(run(c, "select count(*) from parent where id = 2")).isEqualTo("1");
                assertThat(run(c, "select parent_id from child where id = 20")).isEqualTo("2");
            }
        }
    }

    /** DDL in a transaction block does not wait for a transaction that read the table; that one meets OC001. */
    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void ddlInABlockGoesThroughAndTheReaderMeetsASchemaConflict(String mode) throws Exception {
        try (Connection a = open(mode); Connection b = open(mode)) {
            assertThat(run(a, "select balance from account where id = 1")).isEqualTo("100");
            assertThat(run(b, "alter table account add column note text")).isEqualTo(0);
            b.commit();
            assertThatThrownBy(() -> run(a, "select balance from account where id = 1"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("(OC001)")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("40001"));
            a.rollback();
            assertThat(run(a, "select note from account where id = 1")).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void disjointRowsDoNotConflict(String mode) throws Exception {
        try (Connection a = open(mode); Connection b = open(mode)) {
            run(a, "update account set balance = 1 where id = 1");
            run(b, "update account set balance = 2 where id = 2");
            b.commit();
            a.commit();
            assertThat(balance(1)).isEqualTo("1");
            assertThat(balance(2)).isEqualTo("2");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void forUpdateRowsConflictWithAConcurrentWrite(String mode) throws Exception {
        try (Connection a = open(mode); Connection b = open(mode)) {
            assertThat(run(a, "select balance from account where id = 1 for update")).isEqualTo("100");
            assertThat(run(b, "update account set balance = 0 where id = 1")).isEqualTo(1);
            a.commit();
            commitFailsWithConflict(b);
        }
        try (Connection a = open(mode); Connection b = open(mode)) {
            assertThat(run(a, "update account set balance = 5 where id = 2")).isEqualTo(1);
            // The locking read answers from its snapshot instead of waiting.
            assertThat(run(b, "select balance from account where id = 2 for update")).isEqualTo("200");
            a.commit();
            commitFailsWithConflict(b);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void parentDeleteConflictsWithChildInsert(String mode) throws Exception {
        try (Connection a = open(mode); Connection b = open(mode)) {
            assertThat(run(a, "delete from parent where id = 2")).isEqualTo(1);
            assertThat(run(b, "insert into child values (10, 2)")).isEqualTo(1);
            a.commit();
            commitFailsWithConflict(b);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void nonKeyParentUpdateDoesNotConflictWithChildInsert(String mode) throws Exception {
        try (Connection a = open(mode); Connection b = open(mode)) {
            run(a, "update parent set note = 'changed' where id = 1");
            run(b, "insert into child values (11, 1)");
            a.commit();
            b.commit();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void aRowChangedAfterTheSnapshotConflictsAtCommit(String mode) throws Exception {
        try (Connection a = open(mode); Connection other = cluster.connect()) {
            assertThat(run(a, "select balance from account where id = 1")).isEqualTo("100");
            run(other, "update account set balance = 50 where id = 1");
            assertThat(run(a, "update account set balance = balance + 1 where id = 1")).isEqualTo(1);
            commitFailsWithConflict(a);
            assertThat(balance(1)).isEqualTo("50");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void testsCanForceTheNextCommitToConflict(String mode) throws Exception {
        cluster.failNextCommits(1);
        try (Connection a = open(mode)) {
            run(a, "update account set balance = 7 where id = 1");
            commitFailsWithConflict(a);
            run(a, "update account set balance = 8 where id = 1");
            a.commit();
        }
        assertThat(balance(1)).isEqualTo("8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void aSessionCanForceItsOwnNextCommitsToConflict(String mode) throws Exception {
        try (Connection a = open(mode); Connection other = open(mode)) {
            a.setAutoCommit(true);
            run(a, "set dsql.local_fail_next_commits = 2");
            a.setAutoCommit(false);
            run(a, "update account set balance = 1 where id = 1");
            commitFailsWithConflict(a);
            run(a, "update account set balance = 2 where id = 1");
            commitFailsWithConflict(a);
            // Other sessions are not affected, and the third commit of this one succeeds.
            run(other, "update account set balance = 3 where id = 2");
            other.commit();
            run(a, "update account set balance = 4 where id = 1");
            a.commit();
        }
        assertThat(balance(1)).isEqualTo("4");
        assertThat(balance(2)).isEqualTo("3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void anAutocommitWriteCommitsAndTheOpenTransactionItMetLosesAtCommit(String mode) throws Exception {
        try (Connection a = open(mode); Connection b = open(mode)) {
            b.setAutoCommit(true);
            assertThat(run(a, "update account set balance = 1 where id = 1")).isEqualTo(1);
            // DSQL never waits: the autocommit write commits although a has changed the row.
            assertThat(run(b, "update account set balance = 2 where id = 1")).isEqualTo(1);
            assertThat(balance(1)).isEqualTo("2");
            commitFailsWithConflict(a);
            assertThat(balance(1)).isEqualTo("2");
            // Both connections go on as usual.
            assertThat(run(a, "update account set balance = 3 where id = 1")).isEqualTo(1);
            a.commit();
            assertThat(run(b, "select balance from account where id = 1")).isEqualTo("3");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void anAutocommitWriteBlockedByALockingReadCommitsAndTheReaderLoses(String mode) throws Exception {
        try (Connection a = open(mode); Connection b = open(mode)) {
            b.setAutoCommit(true);
            assertThat(run(a, "select balance from account where id = 2 for update")).isEqualTo("200");
            assertThat(run(b, "delete from account where id = 2")).isEqualTo(1);
            commitFailsWithConflict(a);
            assertThat(balance(2)).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void ddlCommitsAndTheOpenTransactionThatReadTheTableFailsWithOc001(String mode) throws Exception {
        try (Connection a = open(mode); Connection b = open(mode)) {
            b.setAutoCommit(true);
            assertThat(run(a, "select balance from account where id = 1")).isEqualTo("100");
            assertThat(run(b, "alter table account add column note text")).isEqualTo(0);
            assertThatThrownBy(() -> run(a, "select balance from account where id = 1"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("(OC001)")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("40001"));
            a.rollback();
            assertThat(run(a, "select note from account where id = 1")).isNull();
            a.commit();
        }
    }

    @Test
    void aTransactionStringSentAsOneQueryCommitsAndTheOpenTransactionLoses() throws Exception {
        try (Connection a = open("extended"); Connection b = open("simple"); Statement s = b.createStatement()) {
            b.setAutoCommit(true);
            assertThat(run(a, "update account set balance = 1 where id = 1")).isEqualTo(1);
            s.execute("begin; update account set balance = 2 where id = 1; update account set balance = 20 where id = 2; commit");
            // One answer per statement, as if there had been no wait: BEGIN, UPDATE 1, UPDATE 1, COMMIT.
            assertThat(s.getUpdateCount()).isEqualTo(0);
            assertThat(s.getMoreResults()).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(1);
            assertThat(s.getMoreResults()).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(1);
            assertThat(s.getMoreResults()).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(0);
            assertThat(s.getMoreResults()).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(-1);
            commitFailsWithConflict(a);
            assertThat(balance(1)).isEqualTo("2");
            assertThat(balance(2)).isEqualTo("20");
        }
    }
}
