package io.dsqlkit.local.internal.postgres;

import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.DsqlLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;

import java.io.StringReader;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.dsqlkit.local.testing.Sql.exec;
import static io.dsqlkit.local.testing.Sql.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalog objects every cluster gets, exercised as a client sees them: through the front end,
 * as {@code admin}. Recorded messages are from EMU test/conformance/golden (types.json, alters.json,
 * transaction.json, index.json) unless a test says otherwise.
 */
class ClusterSchemaIT {
    private static DsqlLocal dsql;
    private static DsqlCluster cluster;

    @BeforeAll
    static void start() {
        dsql = DsqlLocal.builder().start();
        cluster = dsql.defaultCluster();
    }

    @AfterAll
    static void stop() {
        dsql.close();
    }

    /** Asserts the statement fails with exactly DSQL's SQLSTATE and message. */
    private static void assertRefused(Connection c, String sql, String sqlState, String message) {
        assertThatThrownBy(() -> exec(c, sql))
                .isInstanceOfSatisfying(PSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo(sqlState);
                    assertThat(e.getServerErrorMessage().getMessage()).isEqualTo(message);
                });
    }

    /** DSQL lists no sequence of its own: a fresh cluster's pg_sequences holds only the client's. */
    @Test
    void theJobQueueAddsNoSequence() throws SQLException {
        try (DsqlCluster fresh = dsql.newCluster(); Connection c = fresh.connect()) {
            assertThat(scalar(c, "select count(*) from pg_catalog.pg_sequences")).isEqualTo("0");
            exec(c, "create sequence orders_seq cache 1");
            assertThat(scalar(c, "select string_agg(schemaname || '.' || sequencename, ',') from pg_catalog.pg_sequences"))
                    .isEqualTo("public.orders_seq");
        }
    }

    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection(cluster.backingJdbcUrl());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "money | money", "xml | xml", "inet | inet", "cidr | cidr", "macaddr | macaddr",
            "macaddr8 | macaddr8", "point | point", "line | line", "lseg | lseg", "box | box", "path | path",
            "polygon | polygon", "circle | circle", "tsvector | tsvector", "tsquery | tsquery",
            "int4range | int4range", "tsrange | tsrange", "int4multirange | int4multirange", "bit(8) | bit",
            "varbit(8) | bit varying", "pg_lsn | pg_lsn", "int[] | integer[]", "text[] | text[]",
            "numeric(10,2)[][] | numeric[]"})
    void createTableRefusesTypesDsqlDoesNotStore(String type, String shownAs) throws SQLException {
        try (Connection c = cluster.connect()) {
            assertRefused(c, "CREATE TABLE refused_type (id bigint, v " + type + ")",
                    "0A000", "datatype " + shownAs + " not supported");
            assertThat(scalar(c, "select to_regclass('refused_type')")).as("the table was not created").isNull();
        }
    }

    @Test
    void alterTableAddColumnRefusesTheSameTypes() throws SQLException {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE TABLE alter_target (id bigint PRIMARY KEY, a text)");
            assertRefused(c, "ALTER TABLE alter_target ADD COLUMN bad_money money", "0A000", "datatype money not supported");
            assertRefused(c, "ALTER TABLE alter_target ADD COLUMN bad_array text[]", "0A000", "datatype text[] not supported");
            assertThat(scalar(c, "select count(*) from pg_attribute where attrelid = 'alter_target'::regclass and attnum > 0"))
                    .as("no column was added").isEqualTo("2");
        }
    }

    @Test
    void domainsAreJudgedByTheirBaseType() throws SQLException {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE DOMAIN money_amount AS money");
            exec(c, "CREATE DOMAIN nested_amount AS money_amount");
            exec(c, "CREATE DOMAIN short_code AS text CHECK (length(VALUE) < 5)");
            assertRefused(c, "CREATE TABLE domain_refused (v nested_amount)", "0A000", "datatype money not supported");
            exec(c, "CREATE TABLE domain_ok (v short_code)");
        }
    }

    @Test
    void identityColumnsMustBeBigint() throws SQLException {
        try (Connection c = cluster.connect()) {
            assertRefused(c, "CREATE TABLE ident_int (id integer GENERATED BY DEFAULT AS IDENTITY (CACHE 1))",
                    "0A000", "datatype integer not supported, identity column type must be bigint");
            assertRefused(c, "CREATE TABLE ident_small (id smallint GENERATED ALWAYS AS IDENTITY (CACHE 65536))",
                    "0A000", "datatype smallint not supported, identity column type must be bigint");
            assertThat(scalar(c, "select to_regclass('ident_int')")).isNull();
            exec(c, "CREATE TABLE ident_big (id bigint GENERATED BY DEFAULT AS IDENTITY (CACHE 1) PRIMARY KEY)");

            // ALTER ... ADD GENERATED on an existing integer column (DSQL-FACTS §9, message inferred).
            exec(c, "CREATE TABLE ident_later (id integer NOT NULL, big bigint NOT NULL)");
            assertRefused(c, "ALTER TABLE ident_later ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (CACHE 1)",
                    "0A000", "datatype integer not supported, identity column type must be bigint");
            exec(c, "ALTER TABLE ident_later ALTER COLUMN big ADD GENERATED ALWAYS AS IDENTITY (CACHE 1)");
        }
    }

    @Test
    void numericWithoutPrecisionIsNumeric18Comma6() throws SQLException {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE TABLE money_like (id bigint PRIMARY KEY, plain numeric, fixed numeric(10,2), "
                    + "defaulted numeric DEFAULT 1.23456789)");
            assertThat(scalar(c, "select string_agg(format_type(atttypid, atttypmod), ', ' order by attnum) "
                    + "from pg_attribute where attrelid = 'money_like'::regclass and attnum > 1"))
                    .isEqualTo("numeric(18,6), numeric(10,2), numeric(18,6)");
            assertThat(scalar(c, "select atttypmod from pg_attribute where attrelid = 'money_like'::regclass "
                    + "and attname = 'plain'")).isEqualTo(Integer.toString(((18 << 16) | 6) + 4));
            exec(c, "INSERT INTO money_like (id, plain, fixed) VALUES (1, 1.23456789, 1.239)");
            assertThat(scalar(c, "select plain || ' ' || fixed || ' ' || defaulted from money_like"))
                    .isEqualTo("1.234568 1.24 1.234568");

            exec(c, "ALTER TABLE money_like ADD COLUMN added numeric");
            assertThat(scalar(c, "select format_type(atttypid, atttypmod) from pg_attribute "
                    + "where attrelid = 'money_like'::regclass and attname = 'added'")).isEqualTo("numeric(18,6)");
        }
    }

    /** A data directory kept from a release that did not record keys gets them when the schema is applied at start. */
    @Test
    void primaryKeysOfEarlierTablesAreRecordedWhenTheSchemaIsApplied() throws SQLException {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE TABLE kept_table (id int PRIMARY KEY, v text)");
        }
        try (Connection su = superuser()) {
            exec(su, "DELETE FROM dsql_local.primary_keys WHERE table_id = 'kept_table'::regclass");
            ClusterSchema.apply(su);
            assertThat(scalar(su, "SELECT count(*) FROM dsql_local.primary_keys WHERE table_id = 'kept_table'::regclass"))
                    .isEqualTo("1");
        }
        try (Connection c = cluster.connect()) {
            assertRefused(c, "ALTER TABLE kept_table DROP CONSTRAINT kept_table_pkey", "0A000",
                    "cannot drop primary key constraint kept_table_pkey");
        }
    }

    /**
     * DSQL's object limits (UG CHAP_quotas): the superuser fills the fresh cluster to one below the
     * limit, the client's next object reaches it, and the one after is refused and leaves nothing.
     * Columns: limit, how many exist already, DDL making object i, catalog count, DSQL's message.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10 | 1 | CREATE SCHEMA s_%d"
                    + " | SELECT count(*) FROM pg_namespace WHERE nspname = 'public' OR nspname LIKE 's\\_%'"
                    + " | more than 10 schemas not allowed",
            "1000 | 0 | CREATE TABLE t_%d (id bigint)"
                    + " | SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                    + " | creating more than 1000 tables not allowed",
            "5000 | 0 | CREATE VIEW v_%d AS SELECT 1 AS one"
                    + " | SELECT count(*) FROM pg_views WHERE schemaname = 'public'"
                    + " | creating more than 5000 views not allowed",
            "5000 | 0 | CREATE SEQUENCE q_%d CACHE 1"
                    + " | SELECT count(*) FROM pg_sequences WHERE schemaname = 'public'"
                    + " | creating more than 5000 sequences is not allowed"})
    void objectLimitsAllowExactlyTheLimit(int limit, int present, String ddl, String count, String message)
            throws SQLException {
        try (DsqlCluster fresh = dsql.newCluster()) {
            try (Connection su = DriverManager.getConnection(fresh.backingJdbcUrl())) {
                exec(su, "DO $$ BEGIN FOR i IN 1.." + (limit - 1 - present) + " LOOP EXECUTE format('"
                        + ddl.replace("'", "''").replace("%d", "%s") + "', i); END LOOP; END $$");
            }
            try (Connection c = fresh.connect()) {
                exec(c, String.format(ddl, limit - present));
                assertThat(scalar(c, count)).isEqualTo(String.valueOf(limit));
                assertRefused(c, String.format(ddl, limit - present + 1), "54000", message);
                assertThat(scalar(c, count)).isEqualTo(String.valueOf(limit));
            }
        }
    }

    /** An identity column's sequence counts towards the 5 000 sequences. */
    @Test
    void anIdentityColumnCountsAsASequence() throws SQLException {
        try (DsqlCluster fresh = dsql.newCluster()) {
            try (Connection su = DriverManager.getConnection(fresh.backingJdbcUrl())) {
                exec(su, "DO $$ BEGIN FOR i IN 1..5000 LOOP EXECUTE format('CREATE SEQUENCE q_%s CACHE 1', i); END LOOP; END $$");
            }
            try (Connection c = fresh.connect()) {
                assertRefused(c, "CREATE TABLE with_identity (id bigint GENERATED BY DEFAULT AS IDENTITY (CACHE 1) PRIMARY KEY)",
                        "54000", "creating more than 5000 sequences is not allowed");
                assertThat(scalar(c, "select to_regclass('with_identity')")).isNull();
                exec(c, "CREATE TABLE without_identity (id bigint PRIMARY KEY)");
            }
        }
    }

    /** A job that a DSQL Local which died left processing (kept data directory) runs again after a restart. */
    @Test
    void aJobLeftProcessingIsRequeuedWhenTheSchemaIsApplied() throws SQLException {
        try (DsqlCluster fresh = dsql.newCluster();
             Connection c = fresh.connect();
             Connection su = DriverManager.getConnection(fresh.backingJdbcUrl())) {
            exec(c, "CREATE TABLE requeued (id bigint PRIMARY KEY, v int)");
            String job = scalar(c, "CREATE INDEX ASYNC requeued_v ON requeued (v)");
            assertThat(scalar(c, "CALL sys.wait_for_job('" + job + "')")).isEqualTo("t");
            exec(su, "UPDATE dsql_local.jobs SET status = 'processing' WHERE job_id = '" + job + "'");
            ClusterSchema.apply(su);
            assertThat(scalar(su, "SELECT status FROM dsql_local.jobs WHERE job_id = '" + job + "'"))
                    .isEqualTo("submitted");
        }
    }

    @Test
    void managementDdlOfTheSuperuserIsLeftAlone() throws SQLException {
        try (Connection su = superuser()) {
            exec(su, "CREATE TABLE su_table (m money, n numeric, a int[], id integer GENERATED ALWAYS AS IDENTITY)");
            assertThat(scalar(su, "select format_type(atttypid, atttypmod) from pg_attribute "
                    + "where attrelid = 'su_table'::regclass and attname = 'n'")).isEqualTo("numeric");
            assertThat(scalar(su, "select count(*) from pg_trigger where tgrelid = 'su_table'::regclass")).isEqualTo("0");
            exec(su, "INSERT INTO su_table (n) VALUES (1.23456789)");
            exec(su, "ALTER TABLE su_table OWNER TO admin");
        }
        try (Connection c = cluster.connect()) {
            // A client's ALTER is judged by the columns it adds, not by what the superuser made.
            exec(c, "ALTER TABLE su_table ADD COLUMN note text");
            assertThat(scalar(c, "select n from su_table")).isEqualTo("1.23456789");
        }
    }

    @Test
    void theSuperuserIsNotRowLimited() throws SQLException {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE TABLE seeded (id bigint PRIMARY KEY)");
        }
        try (Connection su = superuser()) {
            exec(su, "INSERT INTO seeded SELECT generate_series(1, 5000)");
            assertThat(scalar(su, "select count(*) from seeded")).isEqualTo("5000");
        }
    }

    @Test
    void rowLimitAllowsExactly3000RowsInAnAutocommitStatement() throws SQLException {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE TABLE bulk_auto (id bigint PRIMARY KEY)");
            exec(c, "INSERT INTO bulk_auto SELECT generate_series(1, 3000)");
            assertThat(scalar(c, "select count(*) from bulk_auto")).isEqualTo("3000");
            exec(c, "UPDATE bulk_auto SET id = -id");
            exec(c, "DELETE FROM bulk_auto");
            assertRefused(c, "INSERT INTO bulk_auto SELECT generate_series(1, 3001)", "54000", "transaction row limit exceeded");
            assertThat(scalar(c, "select count(*) from bulk_auto")).isEqualTo("0");
            // A refusal outside a transaction does not affect the next statement.
            assertThat(scalar(c, "select 1")).isEqualTo("1");
        }
    }

    @Test
    void rowLimitCountsAcrossAnExplicitTransactionAndNothingCommits() throws SQLException {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE TABLE bulk_txn (id bigint PRIMARY KEY, v int)");
            c.setAutoCommit(false);
            exec(c, "INSERT INTO bulk_txn (id) SELECT generate_series(1, 1500)");
            exec(c, "UPDATE bulk_txn SET v = 1 WHERE id <= 1000");
            exec(c, "DELETE FROM bulk_txn WHERE id <= 500");
            assertRefused(c, "INSERT INTO bulk_txn (id) VALUES (5000)", "54000", "transaction row limit exceeded");
            assertThatThrownBy(() -> scalar(c, "select 1")).isInstanceOfSatisfying(PSQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("25P02"));
            c.rollback();
            c.setAutoCommit(true);
            assertThat(scalar(c, "select count(*) from bulk_txn")).isEqualTo("0");
        }
    }

    @Test
    void rowLimitCountsAMultiRowValuesListAndAMultiStatementQuery() throws SQLException {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE TABLE bulk_values (id bigint PRIMARY KEY)");
            String values = IntStream.rangeClosed(1, 3001).mapToObj(i -> "(" + i + ")").collect(Collectors.joining(","));
            assertRefused(c, "INSERT INTO bulk_values VALUES " + values, "54000", "transaction row limit exceeded");
            // One query string is one implicit transaction (DSQL-FACTS §4): 2000 + 1001 crosses the limit.
            assertRefused(c, "INSERT INTO bulk_values SELECT generate_series(1, 2000); "
                    + "INSERT INTO bulk_values SELECT generate_series(2001, 3001)", "54000", "transaction row limit exceeded");
            assertThat(scalar(c, "select count(*) from bulk_values")).isEqualTo("0");
        }
    }

    @Test
    void rowLimitCountsCopyFrom() throws SQLException, java.io.IOException {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE TABLE bulk_copy (id bigint PRIMARY KEY)");
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            String rows3001 = IntStream.rangeClosed(1, 3001).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n"));
            assertThatThrownBy(() -> copy.copyIn("COPY bulk_copy FROM STDIN", new StringReader(rows3001)))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("54000");
                        assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("transaction row limit exceeded");
                    });
            assertThat(scalar(c, "select count(*) from bulk_copy")).isEqualTo("0");
            String rows3000 = IntStream.rangeClosed(1, 3000).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n"));
            assertThat(copy.copyIn("COPY bulk_copy FROM STDIN", new StringReader(rows3000))).isEqualTo(3000);
        }
    }

    @Test
    void rowLimitCountsRowsForeignKeyCascadesChange() throws SQLException {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE TABLE fk_parent (id bigint PRIMARY KEY)");
            exec(c, "CREATE TABLE fk_child (id bigint PRIMARY KEY, parent bigint REFERENCES fk_parent (id) ON DELETE CASCADE)");
            exec(c, "INSERT INTO fk_parent SELECT generate_series(1, 10)");
            exec(c, "INSERT INTO fk_child SELECT g, 1 + g % 10 FROM generate_series(1, 2995) g");
            // 10 parents + 2995 cascaded children = 3005 rows.
            assertRefused(c, "DELETE FROM fk_parent", "54000", "transaction row limit exceeded");
            assertThat(scalar(c, "select count(*) from fk_child")).isEqualTo("2995");
            exec(c, "DELETE FROM fk_parent WHERE id <= 5");
            assertThat(scalar(c, "select count(*) from fk_child")).isEqualTo("1496");
        }
    }

    @Test
    void rowLimitCannotBeDisabledWithAlterTable() throws SQLException {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE TABLE bulk_disable (id bigint PRIMARY KEY)");
            exec(c, "ALTER TABLE bulk_disable DISABLE TRIGGER USER");
            exec(c, "ALTER TABLE bulk_disable DISABLE TRIGGER ALL");
            assertRefused(c, "INSERT INTO bulk_disable SELECT generate_series(1, 3001)", "54000", "transaction row limit exceeded");
        }
    }

    @Test
    void sysJobsHasDsqlsColumnsAndTheQueueIsHidden() throws SQLException {
        try (Connection c = cluster.connect();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM sys.jobs")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnName(i) + " " + md.getColumnTypeName(i));
            }
            assertThat(columns).containsExactly("job_id text", "status text", "details text", "job_type text",
                    "class_id oid", "object_id oid", "object_name text", "start_time timestamptz",
                    "update_time timestamptz");
            assertThatThrownBy(() -> scalar(c, "select count(*) from dsql_local.jobs"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void dropTableRecordsACompletedDropJob() throws SQLException {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE TABLE doomed (id bigint PRIMARY KEY)");
            String oid = scalar(c, "select 'doomed'::regclass::oid");
            exec(c, "DROP TABLE doomed");
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM sys.jobs WHERE job_type = 'DROP' AND object_id = " + oid)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("job_id")).matches("[a-z2-7]{26}");
                assertThat(rs.getString("status")).isEqualTo("completed");
                assertThat(rs.getString("details")).isNull();
                assertThat(rs.getLong("class_id")).isEqualTo(1259);
                assertThat(rs.getString("object_name")).isNull();
                assertThat(rs.getTimestamp("update_time")).isNotNull();
                assertThat(rs.next()).as("one job for the table, none for its primary key index").isFalse();
            }
            // A DROP that rolls back leaves no job.
            exec(c, "CREATE TABLE survivor (id bigint PRIMARY KEY)");
            String survivor = scalar(c, "select 'survivor'::regclass::oid");
            c.setAutoCommit(false);
            exec(c, "DROP TABLE survivor");
            c.rollback();
            c.setAutoCommit(true);
            assertThat(scalar(c, "select count(*) from sys.jobs where object_id = " + survivor)).isEqualTo("0");
        }
    }

    @Test
    void waitForJobIsAProcedureWithDsqlsErrors() throws SQLException {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE TABLE wait_drop (id bigint PRIMARY KEY)");
            exec(c, "DROP TABLE wait_drop");
            String dropJob = scalar(c, "select job_id from sys.jobs where job_type = 'DROP' order by start_time desc limit 1");

            assertRefused(c, "CALL sys.wait_for_job('no-such-job')", "22P02", "Unable to convert text to UUID");
            assertRefused(c, "SELECT sys.wait_for_job((SELECT job_id FROM sys.jobs LIMIT 1))",
                    "42809", "sys.wait_for_job(text) is a procedure");
            assertRefused(c, "CALL sys.wait_for_job((SELECT job_id FROM sys.jobs LIMIT 1))",
                    "0A000", "cannot use subquery in CALL argument");

            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("CALL sys.wait_for_job('" + dropJob + "')")) {
                assertThat(rs.getMetaData().getColumnCount()).isEqualTo(1);
                assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("wait_for_job");
                assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("bool");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isTrue();
                assertThat(rs.next()).isFalse();
            }
            // The shape AWS's Flyway plugin uses.
            try (CallableStatement cs = c.prepareCall("CALL sys.wait_for_job(?)")) {
                cs.setString(1, dropJob.toUpperCase(java.util.Locale.ROOT));
                assertThat(cs.execute()).isTrue();
                try (ResultSet rs = cs.getResultSet()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getBoolean(1)).isTrue();
                }
            }
            // Well formed but unknown: nothing to wait for.
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("CALL sys.wait_for_job('aaaaaaaaaaaaaaaaaaaaaaaaaa')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isFalse();
            }
            // Inside a transaction block it cannot commit between polls.
            c.setAutoCommit(false);
            assertThatThrownBy(() -> exec(c, "CALL sys.wait_for_job('" + dropJob + "')"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("2D000");
                        assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("invalid transaction termination");
                    });
            c.rollback();
        }
    }
}
