package io.dsqlkit.local.internal.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsqlkit.local.internal.sql.SqlStatements;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The facts an accepted statement hands to the proxy: async rewrites, dropped tables, row locks, ALTER TABLE details. */
class ClassificationDetailsTest {

    private static Classification one(String sql) {
        List<Classification> all = CaseTable.CLASSIFIER.classifyAll(sql);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void asyncIndexRewritesOnlyTheAsyncKeyword() {
        String sql = "create Unique index /* keep */ Async if not exists \"Idx\" on only App.T using btree\n"
                + "  ((lower(v)) DESC NULLS LAST) include (id) nulls not distinct where v <> 'ASYNC'";
        Classification c = one(sql);
        assertThat(c.kind()).isEqualTo(StatementKind.DDL);
        assertThat(c.refusal()).isNull();
        AsyncIndex ix = c.asyncIndex();
        assertThat(ix.indexName()).isEqualTo("Idx");
        assertThat(ix.tableSchema()).isEqualTo("app");
        assertThat(ix.tableName()).isEqualTo("t");
        assertThat(ix.unique()).isTrue();
        assertThat(ix.ifNotExists()).isTrue();
        assertThat(ix.postgresSql()).isEqualTo(sql.replace("Async", "CONCURRENTLY"));
        assertThat(ix.postgresSqlInTransactionBlock()).isEqualTo(sql.replace("Async ", ""));
        assertThat(ix.validationSql()).isEqualTo(sql.replace("Async ", "").replace("where v <> 'ASYNC'", "where false AND (v <> 'ASYNC')"));
    }

    @Test
    void asyncIndexOfAStatementInsideALargerQueryUsesItsOwnSlice() {
        String sql = "SELECT 1; CREATE INDEX ASYNC ON t (v); SELECT 2";
        Classification c = CaseTable.CLASSIFIER.classify(SqlStatements.split(sql).get(1));
        assertThat(c.asyncIndex().indexName()).isNull();
        assertThat(c.asyncIndex().tableSchema()).isNull();
        assertThat(c.asyncIndex().unique()).isFalse();
        assertThat(c.asyncIndex().ifNotExists()).isFalse();
        assertThat(c.asyncIndex().postgresSql()).isEqualTo("CREATE INDEX CONCURRENTLY ON t (v)");
        assertThat(c.asyncIndex().postgresSqlInTransactionBlock()).isEqualTo("CREATE INDEX ON t (v)");
        assertThat(c.asyncIndex().validationSql()).isEqualTo("CREATE INDEX ON t (v) WHERE false");
    }

    @Test
    void theValidationOfAnAsyncIndexKeepsItsClausesAndIgnoresNestedWhere() {
        assertThat(one("CREATE INDEX ASYNC i ON t (v) INCLUDE (w) WITH (fillfactor = 70);").asyncIndex().validationSql())
                .isEqualTo("CREATE INDEX i ON t (v) INCLUDE (w) WITH (fillfactor = 70) WHERE false");
        assertThat(one("CREATE INDEX ASYNC i ON t ((CASE WHEN v > 0 THEN 1 END)) WHERE w IS NOT NULL").asyncIndex().validationSql())
                .isEqualTo("CREATE INDEX i ON t ((CASE WHEN v > 0 THEN 1 END)) WHERE false AND (w IS NOT NULL)");
    }

    @Test
    void refusedIndexesCarryNoRewrite() {
        assertThat(one("CREATE INDEX i ON t (v)").asyncIndex()).isNull();
        assertThat(one("CREATE INDEX ASYNC i ON t USING hash (v)").asyncIndex()).isNull();
    }

    @Test
    void asyncValidateDropsTheAsyncKeyword() {
        AsyncValidate v = one("ALTER TABLE ASYNC IF EXISTS app.\"T\" VALIDATE CONSTRAINT \"Fk\"").asyncValidate();
        assertThat(v.schema()).isEqualTo("app");
        assertThat(v.table()).isEqualTo("T");
        assertThat(v.constraint()).isEqualTo("Fk");
        assertThat(v.ifExists()).isTrue();
        assertThat(v.postgresSql()).isEqualTo("ALTER TABLE IF EXISTS app.\"T\" VALIDATE CONSTRAINT \"Fk\"");

        AsyncValidate plain = one("alter table async t validate constraint c").asyncValidate();
        assertThat(plain.schema()).isNull();
        assertThat(plain.ifExists()).isFalse();
        assertThat(plain.postgresSql()).isEqualTo("alter table t validate constraint c");
        assertThat(one("ALTER TABLE t VALIDATE CONSTRAINT c").asyncValidate()).isNull();
    }

    @Test
    void dropTableListsEveryTable() {
        DropTable d = one("DROP TABLE IF EXISTS a, app.b, \"C\" CASCADE").dropTable();
        assertThat(d.tables()).containsExactly(new QualifiedName(null, "a"), new QualifiedName("app", "b"),
                new QualifiedName(null, "C"));
        assertThat(d.ifExists()).isTrue();
        assertThat(d.cascade()).isTrue();
        DropTable plain = one("drop table t restrict").dropTable();
        assertThat(plain.tables()).containsExactly(new QualifiedName(null, "t"));
        assertThat(plain.ifExists()).isFalse();
        assertThat(plain.cascade()).isFalse();
        assertThat(one("DROP VIEW v").dropTable()).isNull();
    }

    @Test
    void dropIndexListsEveryIndex() {
        assertThat(one("DROP INDEX CONCURRENTLY IF EXISTS i, app.j, \"K\" CASCADE").droppedIndexes())
                .containsExactly(new QualifiedName(null, "i"), new QualifiedName("app", "j"), new QualifiedName(null, "K"));
        assertThat(one("drop index i").droppedIndexes()).containsExactly(new QualifiedName(null, "i"));
        assertThat(one("DROP TABLE i").droppedIndexes()).isEmpty();
        assertThat(one("SELECT 1").droppedIndexes()).isEmpty();
    }

    @Test
    void dropTriggerIfExistsIsANoOp() {
        assertThat(one("DROP TRIGGER IF EXISTS trg ON t").noOp()).isTrue();
        assertThat(one("DROP TRIGGER trg ON t").noOp()).isFalse();
        assertThat(one("DROP TABLE IF EXISTS t").noOp()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ALTER TABLE t DISABLE TRIGGER ALL                            | true
            alter table only app."T" enable trigger all                  | true
            ALTER TABLE t DISABLE TRIGGER ALL, ENABLE TRIGGER ALL        | true
            ALTER TABLE t DISABLE TRIGGER USER                           | false
            ALTER TABLE t ENABLE TRIGGER trg                             | false
            ALTER TABLE t ENABLE ALWAYS TRIGGER ALL                      | false
            ALTER TABLE t DISABLE TRIGGER ALL, ADD COLUMN c text         | false
            """)
    void triggerAllIsANoOp(String sql, boolean noOp) {
        // DSQL-FACTS §9: accepted; PostgreSQL refuses a non-superuser the foreign keys' internal triggers.
        assertThat(one(sql).noOp()).isEqualTo(noOp);
        assertThat(one(sql).refusal()).isNull();
    }

    @Test
    void alterTableExposesWhatTheCatalogChecksNeed() {
        AlterTable a = one("ALTER TABLE IF EXISTS app.t ADD COLUMN c text, DROP COLUMN IF EXISTS d, DROP e CASCADE, "
                + "ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (CACHE 1), ADD f int").alterTable();
        assertThat(a.schema()).isEqualTo("app");
        assertThat(a.table()).isEqualTo("t");
        assertThat(a.ifExists()).isTrue();
        assertThat(a.addedColumns()).containsExactly("c", "f");
        assertThat(a.droppedColumns()).containsExactly("d", "e");
        assertThat(a.identityColumns()).containsExactly("id");
        assertThat(one("ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY (id)").alterTable()).isNull();
    }

    @Test
    void rowLockCollectsEqualitiesOnTheLockedTable() {
        RowLock lock = one("SELECT * FROM app.orders AS o WHERE o.tenant = $1 AND (id = 42) AND 'x' = o.region "
                + "AND created BETWEEN $2 AND $3 AND total > 5 AND other.x = 1 AND o.kind = ANY ($4) AND note IS NULL "
                + "ORDER BY id FOR UPDATE").rowLock();
        assertThat(lock.strength()).isEqualTo("UPDATE");
        assertThat(lock.tableSchema()).isEqualTo("app");
        assertThat(lock.tableName()).isEqualTo("orders");
        assertThat(lock.alias()).isEqualTo("o");
        assertThat(lock.equalityColumns()).containsExactlyInAnyOrder("tenant", "id", "region");
        assertThat(lock.coversKey(List.of("tenant", "id"))).isTrue();
        assertThat(lock.coversKey(List.of("tenant", "created"))).isFalse();
        assertThat(lock.coversKey(List.of())).isFalse();
    }

    @Test
    void rowLockIgnoresDisjunctionsAndNonEqualities() {
        assertThat(one("SELECT * FROM t WHERE id = 1 OR id = 2 FOR UPDATE").rowLock().equalityColumns()).isEmpty();
        assertThat(one("SELECT * FROM t WHERE (id = 1 OR k = 2) AND v = 3 FOR KEY SHARE").rowLock().equalityColumns())
                .containsExactly("v");
        assertThat(one("SELECT * FROM t WHERE id >= 1 AND id IN (1, 2) FOR UPDATE").rowLock().equalityColumns()).isEmpty();
        assertThat(one("SELECT * FROM t WHERE t.id = 1 FOR UPDATE").rowLock().equalityColumns()).containsExactly("id");
        assertThat(one("SELECT * FROM t x WHERE t.id = 1 FOR UPDATE").rowLock().equalityColumns()).isEmpty();
        assertThat(one("SELECT * FROM t WHERE a = b FOR UPDATE").rowLock().equalityColumns()).isEmpty();
        assertThat(one("SELECT * FROM t FOR UPDATE").rowLock().equalityColumns()).isEmpty();
        assertThat(one("SELECT * FROM t WHERE ((k = 1)) FOR KEY SHARE").rowLock().strength()).isEqualTo("KEY SHARE");
    }

    @Test
    void lockingFactsOnlyForLockingQueries() {
        Classification plain = one("SELECT * FROM t WHERE id = 1");
        assertThat(plain.locksRows()).isFalse();
        assertThat(plain.rowLock()).isNull();
        Classification noTable = one("SELECT 1 FOR UPDATE");
        assertThat(noTable.locksRows()).isTrue();
        assertThat(noTable.rowLock()).isNull();
        Classification function = one("SELECT * FROM generate_series(1, 3) g FOR UPDATE");
        assertThat(function.locksRows()).isTrue();
        assertThat(function.rowLock()).isNull();
        Classification explain = one("EXPLAIN SELECT * FROM t WHERE id = 1 FOR UPDATE");
        assertThat(explain.locksRows()).isFalse();
        assertThat(explain.kind()).isEqualTo(StatementKind.QUERY);
        assertThat(one("EXPLAIN ANALYZE SELECT * FROM t WHERE id = 1 FOR UPDATE").locksRows()).isTrue();
        assertThat(one("SELECT * FROM t WHERE id IN (SELECT id FROM u FOR UPDATE)").rowLock()).isNull();
        assertThat(one("SELECT * FROM t WHERE id IN (SELECT id FROM u FOR UPDATE)").locksRows()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            BEGIN                                  | BEGIN
            START TRANSACTION READ ONLY            | BEGIN
            BEGIN ISOLATION LEVEL SERIALIZABLE     | BEGIN
            COMMIT                                 | COMMIT
            END WORK                               | COMMIT
            ROLLBACK                               | ROLLBACK
            ABORT TRANSACTION                      | ROLLBACK
            SAVEPOINT a                            | SAVEPOINT
            RELEASE SAVEPOINT a                    | RELEASE
            ROLLBACK TO SAVEPOINT a                | ROLLBACK_TO
            ROLLBACK TRANSACTION TO a              | ROLLBACK_TO
            PREPARE TRANSACTION 'g'                | OTHER
            COMMIT PREPARED 'g'                    | OTHER
            ROLLBACK PREPARED 'g'                  | OTHER
            SELECT 1                               | NONE
            SET TRANSACTION READ ONLY              | NONE
            PREPARE transaction AS SELECT 1        | NONE
            """)
    void transactionCommands(String sql, TransactionCommand expected) {
        Classification c = one(sql);
        assertThat(c.transactionCommand()).isEqualTo(expected);
        assertThat(c.kind() == StatementKind.TRANSACTION).isEqualTo(expected != TransactionCommand.NONE);
    }

    @Test
    void columnLimitCountsColumnsNotConstraints() {
        assertThat(one(table(255)).refusal()).isNull();
        assertThat(one(table(256)).refusal().toString()).isEqualTo("54011 tables can have at most 255 columns");
    }

    static String table(int columns) {
        StringBuilder sql = new StringBuilder("CREATE TABLE wide (");
        for (int i = 0; i < columns; i++) {
            sql.append("c").append(i).append(" int, ");
        }
        return sql.append("PRIMARY KEY (c0), CHECK (c1 > 0), LIKE other)").toString();
    }

    @Test
    void viewAndCopyQueriesAreCheckedLikeQueries() {
        assertThat(one("CREATE VIEW v AS SELECT * FROM t TABLESAMPLE SYSTEM (5)").refusal().message())
                .isEqualTo("TABLESAMPLE clause not supported");
        assertThat(one("CREATE OR REPLACE VIEW v AS SELECT to_tsvector('english', body) FROM docs").refusal().sqlState())
                .isEqualTo("42704");
        assertThat(one("COPY (SELECT * FROM t FOR SHARE) TO STDOUT").refusal().message())
                .isEqualTo("locking clauses other than FOR UPDATE/FOR KEY SHARE are not supported");
        assertThat(one("CREATE VIEW v AS SELECT * FROM t").refusal()).isNull();
    }

    @Test
    void refusalKeepsTheRuleForTheProxy() {
        Classification c = one("TRUNCATE t");
        assertThat(c.refused()).isTrue();
        assertThat(c.refusal().ruleId()).isEqualTo(RuleIds.UNSUPPORTED_STATEMENT);
        assertThat(c.refusal().rule().evidence()).contains("§13");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            int                               | integer
            INT4                              | integer
            integer                           | integer
            int2                              | smallint
            smallint                          | smallint
            int8                              | bigint
            pg_catalog.int8                   | bigint
            float4                            | real
            real                              | real
            float8                            | double precision
            float                             | double precision
            float(24)                         | real
            float(25)                         | double precision
            double precision                  | double precision
            bool                              | boolean
            decimal(10,2)                     | numeric
            dec                               | numeric
            varchar                           | character varying
            varchar(20)                       | character varying
            character varying(20)             | character varying
            char                              | character
            char(5)                           | character
            nchar(5)                          | character
            national character varying(3)     | character varying
            bpchar                            | bpchar
            bpchar(5)                         | character
            "char"                            | "char"
            varbit                            | bit varying
            bit varying(8)                    | bit varying
            bit(8)                            | bit
            timestamp                         | timestamp without time zone
            timestamp(3)                      | timestamp without time zone
            timestamptz                       | timestamp with time zone
            timestamp(6) with time zone       | timestamp with time zone
            time without time zone            | time without time zone
            timetz                            | time with time zone
            time with time zone               | time with time zone
            interval day to second(3)         | interval
            int[]                             | integer[]
            int4[]                            | integer[]
            integer array                     | integer[]
            int[3][4]                         | integer[]
            _int4                             | integer[]
            _text                             | text[]
            _varchar                          | character varying[]
            varchar(10)[]                     | character varying[]
            text                              | text
            jsonb                             | jsonb
            money                             | money
            app.mytype                        | app.mytype
            "MyType"                          | MyType
            "int4"                            | integer
            _mytype                           | _mytype
            serial                            | serial
            not a type at all                 | not a type at all
            """)
    void displayTypeNames(String written, String display) {
        assertThat(StatementClassifier.displayTypeName(written)).isEqualTo(display);
    }
}
