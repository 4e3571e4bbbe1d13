package io.dsqlkit.local.internal.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsqlkit.local.internal.classify.CaseTable.Case;
import io.dsqlkit.local.internal.rules.Rule;
import io.dsqlkit.local.internal.rules.RuleBook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The rule book and the code agree: no id is used that the book lacks, no rule goes unused. */
class RuleCoverageTest {

    /** Rules only the proxy can apply (session state or catalog needed). */
    static final Set<String> PROXY_ONLY = Set.of(
            RuleIds.LOCKING_KEY_EQUALITY, RuleIds.DROP_PRIMARY_KEY_COLUMN, RuleIds.DROP_PRIMARY_KEY, RuleIds.MULTIPLE_DDL,
            RuleIds.DDL_AND_DML, RuleIds.TRANSACTION_ABORTED, RuleIds.TRANSACTION_ROW_LIMIT, RuleIds.TRANSACTION_SIZE_LIMIT,
            RuleIds.TRANSACTION_AGE_LIMIT, RuleIds.OCC_DATA_CONFLICT, RuleIds.OCC_SCHEMA_CONFLICT, RuleIds.INDEX_COUNT_LIMIT,
            RuleIds.STATISTICS_COUNT_LIMIT,
            RuleIds.SCHEMA_COUNT_LIMIT, RuleIds.TABLE_COUNT_LIMIT, RuleIds.VIEW_COUNT_LIMIT, RuleIds.VIEW_DEFINITION_SIZE,
            RuleIds.KEY_SIZE_LIMIT, RuleIds.ROW_SIZE_LIMIT, RuleIds.COLUMN_SIZE_LIMIT, RuleIds.INDEX_NOT_VALID,
            RuleIds.JOB_ID_INVALID, RuleIds.TOO_MANY_CONNECTIONS, RuleIds.CONNECTION_RATE_EXCEEDED,
            RuleIds.SEQUENCE_COUNT_LIMIT, RuleIds.MESSAGE_SIZE_LIMIT);

    @Test
    void everyReferencedIdExistsAndEveryRuleIsReferenced() {
        Set<String> book = RuleBook.load().rules().stream().map(Rule::id).collect(Collectors.toSet());
        Set<String> code = new HashSet<>(RuleIds.all());
        assertThat(code).hasSameSizeAs(RuleIds.all());
        assertThat(book).containsExactlyInAnyOrderElementsOf(code);
        assertThat(code).containsAll(PROXY_ONLY);
    }

    @Test
    void everyClassifierRuleHasARefusedExample() {
        List<Case> cases = new ArrayList<>(StatementClassifierTest.cases());
        cases.addAll(GoldenRecordingsTest.decided());
        Set<String> refused = new LinkedHashSet<>();
        for (Case c : cases) {
            Classification result = c.check();
            if (result.refusal() != null) {
                refused.add(result.refusal().ruleId());
            }
        }
        refused.add(CaseTable.CLASSIFIER.classifyAll(ClassificationDetailsTest.table(256)).get(0).refusal().ruleId());
        Set<String> expected = new LinkedHashSet<>(RuleIds.all());
        expected.removeAll(PROXY_ONLY);
        assertThat(refused).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void proxyRulesFormatWithTheirArguments() {
        RuleBook book = RuleBook.load();
        assertThat(book.rule(RuleIds.DROP_PRIMARY_KEY_COLUMN).refuse("id").toString())
                .isEqualTo("0A000 cannot drop primary key column id");
        assertThat(book.rule(RuleIds.MULTIPLE_DDL).refuse().toString())
                .isEqualTo("0A000 multiple ddl statements not supported in a transaction");
        assertThat(book.rule(RuleIds.DDL_AND_DML).refuse().toString())
                .isEqualTo("0A000 ddl and dml are not supported in the same transaction");
        assertThat(book.rule(RuleIds.TRANSACTION_ROW_LIMIT).refuse().toString()).isEqualTo("54000 transaction row limit exceeded");
        assertThat(book.rule(RuleIds.INDEX_NOT_VALID).refuse("i").toString()).isEqualTo("55000 index \"i\" is not valid");
        assertThat(book.rule(RuleIds.JOB_ID_INVALID).refuse().toString()).isEqualTo("22P02 Unable to convert text to UUID");
        assertThat(book.rule(RuleIds.IDENTITY_TYPE).refuse("integer").message())
                .isEqualTo("datatype integer not supported, identity column type must be bigint");
    }

    @Test
    void classifierRefusesABookMissingItsRules() {
        RuleBook tiny = RuleBook.parse("tiny.rules", "release: 2026.09\n\nid: merge\nsqlstate: 0A000\nmessage: m\nevidence: e\n");
        assertThatThrownBy(() -> new StatementClassifier(tiny))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set_parameter");
    }
}
