package io.dsqlkit.local;

import io.dsqlkit.local.junit.DsqlLocalTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.PGProperty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static io.dsqlkit.local.testing.Sql.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DSQL's SQL surface end to end over pgjdbc, in both query protocols: refusals with DSQL's SQLSTATE
 * and message, the transaction rules, async index jobs and schema conflicts. The statement-by-
 * statement matrix lives in the conformance suite; these are the behaviours applications lean on.
 */
@DsqlLocalTest
class DsqlRulesIT {
    private final DsqlLocal dsql;

    DsqlRulesIT(DsqlLocal dsql) {
        this.dsql = dsql;
    }

    private static Connection open(DsqlCluster cluster, String mode) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "admin");
        props.setProperty("password", cluster.token("admin"));
        PGProperty.PREFER_QUERY_MODE.set(props, mode);
        return DriverManager.getConnection(cluster.jdbcUrl(), props);
    }

    private static void refused(Connection c, String sql, String sqlState, String message) {
        assertThatThrownBy(() -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }).isInstanceOf(SQLException.class)
                .satisfies(e -> {
                    assertThat(((SQLException) e).getSQLState()).isEqualTo(sqlState);
                    assertThat(((org.postgresql.util.PSQLException) e).getServerErrorMessage().getMessage()).isEqualTo(message);
                    assertThat(((org.postgresql.util.PSQLException) e).getServerErrorMessage().getWhere()).isNull();
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void refusalsCarryDsqlsCodeAndMessageAndLeaveNothingBehind(String mode) throws SQLException {
        try (DsqlCluster cluster = dsql.newCluster(); Connection c = open(cluster, mode)) {
            refused(c, "create table t (a int[])", "0A000", "datatype integer[] not supported");
            refused(c, "create table t (id serial primary key)", "42704", "type \"serial\" does not exist");
            refused(c, "create sequence s", "0A000", "CREATE SEQUENCE is not supported without an explicit cache size."
                    + " please define CACHE greater than or equal to 65536 or equal to 1");
            refused(c, "truncate pg_class", "0A000", "unsupported statement: Truncate");
            refused(c, "savepoint s1", "0A000", "unsupported transaction statement: SAVEPOINT");
            refused(c, "set transaction isolation level serializable", "0A000", "Unsupported isolation level: SERIALIZABLE");
            assertThat(scalar(c, "select count(*) from pg_tables where schemaname = 'public'")).isEqualTo("0");
            assertThat(scalar(c, "select 'session still usable'")).isEqualTo("session still usable");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void oneDdlPerTransactionAndNeverWithDml(String mode) throws SQLException {
        try (DsqlCluster cluster = dsql.newCluster(); Connection c = open(cluster, mode)) {
            try (Statement s = c.createStatement()) {
                s.execute("create table t (id bigint primary key)");
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("insert into t values (1)");
            }
            refused(c, "create table u (id bigint primary key)", "0A000", "ddl and dml are not supported in the same transaction");
            refused(c, "select 1", "25P02", "current transaction is aborted, commands ignored until end of transaction block");
            c.rollback();
            try (Statement s = c.createStatement()) {
                s.execute("create table u (id bigint primary key)");
            }
            refused(c, "create table v (id bigint primary key)", "0A000", "multiple ddl statements not supported in a transaction");
            c.rollback();
            c.setAutoCommit(true);
            assertThat(scalar(c, "select count(*) from t")).isEqualTo("0");
            assertThat(scalar(c, "select count(*) from pg_tables where tablename in ('u', 'v')")).isEqualTo("0");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void rowLimitIsExactly3000RowsPerTransaction(String mode) throws SQLException {
        try (DsqlCluster cluster = dsql.newCluster(); Connection c = open(cluster, mode)) {
            try (Statement s = c.createStatement()) {
                s.execute("create table t (id bigint primary key)");
                assertThat(s.executeUpdate("insert into t select g from generate_series(1, 3000) g")).isEqualTo(3000);
            }
            refused(c, "insert into t select g from generate_series(3001, 6001) g", "54000", "transaction row limit exceeded");
            assertThat(scalar(c, "select count(*) from t")).isEqualTo("3000");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void asyncIndexReturnsAJobThatCompletes(String mode) throws SQLException {
        try (DsqlCluster cluster = dsql.newCluster(); Connection c = open(cluster, mode)) {
            try (Statement s = c.createStatement()) {
                s.execute("create table t (id bigint primary key, email text)");
                s.execute("insert into t values (1, 'a'), (2, 'a')");
            }
            refused(c, "create index t_email on t (email)", "0A000", "unsupported mode. please use CREATE INDEX ASYNC.");
            String job;
            try (Statement s = c.createStatement()) {
                assertThat(s.execute("create index async t_email on t (email) include (id)")).isTrue();
                try (ResultSet rs = s.getResultSet()) {
                    assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("job_id");
                    assertThat(rs.next()).isTrue();
                    job = rs.getString(1);
                }
            }
            assertThat(job).matches("[a-z2-7]{26}");
            assertThat(scalar(c, "call sys.wait_for_job('" + job + "')")).isEqualTo("t");
            assertThat(scalar(c, "select status from sys.jobs where job_id = '" + job + "'")).isEqualTo("completed");
            assertThat(scalar(c, "select indisvalid from pg_index where indexrelid = 't_email'::regclass")).isEqualTo("t");

            String unique;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("create unique index async t_email_u on t (email)")) {
                rs.next();
                unique = rs.getString(1);
            }
            assertThat(scalar(c, "call sys.wait_for_job('" + unique + "')")).isEqualTo("f");
            assertThat(scalar(c, "select status from sys.jobs where job_id = '" + unique + "'")).isEqualTo("failed");
            assertThat(scalar(c, "select indisvalid from pg_index where indexrelid = 't_email_u'::regclass"))
                    .as("a failed UNIQUE build leaves an INVALID index, as on DSQL").isEqualTo("f");
        }
    }

    /** DSQL records the index when the statement runs: a bad definition fails at once, with no job and no trace of the check. */
    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void asyncIndexDefinitionsAreCheckedAtSubmission(String mode) throws SQLException {
        try (DsqlCluster cluster = dsql.newCluster(); Connection c = open(cluster, mode); Statement s = c.createStatement()) {
            s.execute("create table t (id bigint primary key, v text, at timestamptz)");
            refused(c, "create index async t_missing on t (nope)", "42703", "column \"nope\" does not exist");
            refused(c, "create index async t_day on t ((at::date))", "42P17",
                    "functions in index expression must be marked IMMUTABLE");
            try (ResultSet rs = s.executeQuery("select count(*) from sys.jobs")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isZero();
            }
            try (ResultSet rs = s.executeQuery("select count(*) from pg_indexes where tablename = 't'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("only the primary key").isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"extended", "simple"})
    void transactionThatReadTheCatalogBeforeAConcurrentDdlGetsOc001(String mode) throws SQLException {
        try (DsqlCluster cluster = dsql.newCluster(); Connection a = open(cluster, mode); Connection b = open(cluster, mode)) {
            try (Statement s = a.createStatement()) {
                s.execute("create table t (id bigint primary key)");
            }
            a.setAutoCommit(false);
            assertThat(scalar(a, "select count(*) from t")).isEqualTo("0");
            try (Statement s = b.createStatement()) {
                s.execute("create table other (id bigint primary key)");
            }
            refused(a, "select count(*) from t", "40001", "schema has been updated by another transaction (OC001)");
            a.rollback();
            assertThat(scalar(a, "select count(*) from t")).as("a new transaction sees the new catalog").isEqualTo("0");
            a.commit();
        }
    }
}
