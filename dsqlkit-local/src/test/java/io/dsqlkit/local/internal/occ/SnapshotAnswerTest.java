package io.dsqlkit.local.internal.occ;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotAnswerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "UPDATE accounts SET balance = balance - 10 WHERE id = 1|SELECT count(*) FROM accounts WHERE id = 1|UPDATE",
            "update only public.t as x set a = (select 1) where x.id = $1 and x.v = $2|SELECT count(*) FROM only public.t as x WHERE x.id = $1 and x.v = $2|UPDATE",
            "UPDATE t SET a = f.a FROM f WHERE t.id = f.id|SELECT count(*) FROM t, f WHERE t.id = f.id|UPDATE",
            "UPDATE t SET a = 1|SELECT count(*) FROM t|UPDATE",
            "DELETE FROM t WHERE id IN (SELECT id FROM u WHERE flag)|SELECT count(*) FROM t WHERE id IN (SELECT id FROM u WHERE flag)|DELETE",
            "delete from t using u where t.id = u.id;|SELECT count(*) FROM t, u WHERE t.id = u.id|DELETE",
            "INSERT INTO t (a) SELECT a FROM s WHERE a > 0|SELECT count(*) FROM (SELECT a FROM s WHERE a > 0) dsql_local_source|INSERT 0",
    })
    void countQueries(String statement, String expectedSql, String tagPrefix) {
        SnapshotAnswer answer = SnapshotAnswer.of(statement).orElseThrow();
        assertThat(answer.kind()).isEqualTo(SnapshotAnswer.Kind.COUNT_QUERY);
        assertThat(answer.sql()).isEqualTo(expectedSql);
        assertThat(answer.tag(3)).isEqualTo(tagPrefix + " 3");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "INSERT INTO t VALUES (1, 'a')|1",
            "insert into t (a, b) values ($1, $2), ($3, (select 4)), (5, 6)|3",
            "INSERT INTO t DEFAULT VALUES|1",
    })
    void fixedInsertCounts(String statement, long rows) {
        SnapshotAnswer answer = SnapshotAnswer.of(statement).orElseThrow();
        assertThat(answer.kind()).isEqualTo(SnapshotAnswer.Kind.FIXED_COUNT);
        assertThat(answer.tag(answer.fixedCount())).isEqualTo("INSERT 0 " + rows);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT * FROM t WHERE id = $1 FOR UPDATE|SELECT * FROM t WHERE id = $1",
            "select a from t where id = 1 for key share|select a from t where id = 1",
            "SELECT a FROM t WHERE id = 1 FOR UPDATE LIMIT 1|SELECT a FROM t WHERE id = 1 LIMIT 1",
            "SELECT (SELECT 1 FROM u FOR UPDATE) FROM t WHERE id = 2 FOR UPDATE NOWAIT|SELECT (SELECT 1 FROM u FOR UPDATE) FROM t WHERE id = 2",
    })
    void lockingSelectsBecomePlainReads(String statement, String expected) {
        SnapshotAnswer answer = SnapshotAnswer.of(statement).orElseThrow();
        assertThat(answer.kind()).isEqualTo(SnapshotAnswer.Kind.ROWS);
        assertThat(answer.sql()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE t SET a = 1 WHERE id = 1 RETURNING a",
            "DELETE FROM t WHERE CURRENT OF c",
            "INSERT INTO t VALUES (1) ON CONFLICT (id) DO NOTHING",
            "WITH x AS (SELECT 1) UPDATE t SET a = 1",
            "SELECT * FROM t",
            "SELECT 'for update' FROM t",
            "UPDATE t SET a = 'unterminated",
            "VACUUM t",
    })
    void noCheapEquivalent(String statement) {
        assertThat(SnapshotAnswer.of(statement)).isEmpty();
    }
}
