package io.dsqlkit.local.internal.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.dsqlkit.local.internal.classify.CaseTable.Case;
import io.dsqlkit.local.internal.sql.SqlStatements;
import io.dsqlkit.local.internal.sql.SqlStatements.StatementText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The classifier never throws and stays linear, whatever the input. */
class RobustnessTest {

    private static final StatementClassifier CLASSIFIER = CaseTable.CLASSIFIER;

    private static void classifyEverything(String sql) {
        for (StatementText st : SqlStatements.split(sql)) {
            Classification c = CLASSIFIER.classify(st);
            assertThat(c).as(sql).isNotNull();
            assertThat(c.kind()).as(sql).isNotNull();
        }
    }

    @Test
    void everyPrefixOfEveryCaseClassifiesWithoutThrowing() {
        List<Case> cases = new ArrayList<>(StatementClassifierTest.cases());
        cases.addAll(GoldenRecordingsTest.decided());
        assertThatCode(() -> {
            for (Case c : cases) {
                for (int i = 1; i <= c.sql().length(); i++) {
                    classifyEverything(c.sql().substring(0, i));
                }
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void randomTokenSoupClassifiesWithoutThrowing() {
        String[] words = {"select", "create", "table", "index", "async", "alter", "drop", "(", ")", ",", ".", "as", "for",
            "update", "share", "key", "no", "with", "from", "where", "and", "or", "=", "'x'", "1", "$1", "::", "[", "]",
            "generated", "identity", "cache", "add", "column", "constraint", "not", "valid", "set", "transaction",
            "isolation", "level", "serializable", "explain", "analyze", "copy", "begin", "rollback", "to", "into", "on",
            "only", "using", "include", "type", "sequence", "t", "\"q\"", "point", "to_tsvector", "tablesample", ";"};
        Random random = new Random(20260918);
        assertThatCode(() -> {
            for (int n = 0; n < 20_000; n++) {
                StringBuilder sql = new StringBuilder();
                int len = 1 + random.nextInt(14);
                for (int i = 0; i < len; i++) {
                    sql.append(words[random.nextInt(words.length)]).append(' ');
                }
                classifyEverything(sql.toString());
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void nullAndEmptyInputsAreUnknown() {
        assertThat(CLASSIFIER.classify(null)).isEqualTo(Classification.unknown());
        assertThat(CLASSIFIER.classify(new StatementText("", 0, 0, List.of()))).isEqualTo(Classification.unknown());
        assertThat(CLASSIFIER.classifyAll(null)).isEmpty();
        assertThat(CLASSIFIER.classifyAll(" ; -- nothing")).isEmpty();
    }

    @Test
    void hostileNestingStaysFast() {
        int depth = 50_000;
        String nested = "(".repeat(depth) + "id = 1" + ")".repeat(depth);
        String sql = "SELECT * FROM t WHERE " + nested + " AND " + nested + " FOR UPDATE";
        String index = "CREATE INDEX ASYNC i ON t (" + "(".repeat(depth) + "a" + ")".repeat(depth) + ")";
        StringBuilder values = new StringBuilder("INSERT INTO t VALUES ");
        for (int i = 0; i < 100_000; i++) {
            values.append(i == 0 ? "" : ", ").append("(").append(i).append(", 'v', point)");
        }
        assertThat(Duration.ofSeconds(10)).isPositive();
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Classification lock = CLASSIFIER.classifyAll(sql).get(0);
            assertThat(lock.refusal()).isNull();
            assertThat(lock.locksRows()).isTrue();
            assertThat(CLASSIFIER.classifyAll(index).get(0).refusal()).isNull();
            assertThat(CLASSIFIER.classifyAll(values.toString()).get(0).kind()).isEqualTo(StatementKind.DML);
        });
    }
}
