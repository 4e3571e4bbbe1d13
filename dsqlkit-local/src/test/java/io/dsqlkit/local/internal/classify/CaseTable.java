package io.dsqlkit.local.internal.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsqlkit.local.internal.rules.RuleBook;
import io.dsqlkit.local.internal.sql.SqlStatements;
import io.dsqlkit.local.internal.sql.SqlStatements.StatementText;

import java.util.ArrayList;
import java.util.List;

/**
 * Text tables of expected classifications, one case per line:
 * {@code KIND ok :: sql} or {@code KIND SQLSTATE message :: sql}, where KIND is a
 * {@link StatementKind} name or {@code *} for "any". Blank lines and {@code #} lines are skipped;
 * the SQL is everything after the first {@code " :: "}. A line may start with a {@code [label]}.
 */
final class CaseTable {

    static final StatementClassifier CLASSIFIER = new StatementClassifier(RuleBook.load());

    record Case(String section, int line, String label, String kind, String sqlState, String message, String sql) {

        @Override
        public String toString() {
            return section + ":" + line + (label.isEmpty() ? "" : " [" + label + "]") + " " + sql;
        }

        /** Classifies the case's SQL, which must be exactly one statement, and checks the expectation. */
        Classification check() {
            List<StatementText> statements = SqlStatements.split(sql);
            assertThat(statements).as("%s is one statement", this).hasSize(1);
            Classification c = CLASSIFIER.classify(statements.get(0));
            if (sqlState == null) {
                assertThat(c.refusal()).as("%s is accepted", this).isNull();
            } else {
                assertThat(c.refusal()).as("%s is refused", this).isNotNull();
                assertThat(c.refusal().sqlState() + " " + c.refusal().message()).as(toString())
                        .isEqualTo(sqlState + " " + message);
            }
            if (!kind.equals("*")) {
                assertThat(c.kind()).as("kind of %s", this).isEqualTo(StatementKind.valueOf(kind));
            }
            return c;
        }
    }

    private CaseTable() {
    }

    static List<Case> parse(String section, String table) {
        List<Case> cases = new ArrayList<>();
        List<String> lines = table.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String label = "";
            if (line.startsWith("[")) {
                label = line.substring(1, line.indexOf(']'));
                line = line.substring(line.indexOf(']') + 1).strip();
            }
            int sep = line.indexOf(" :: ");
            if (sep < 0) {
                throw new IllegalArgumentException(section + ":" + (i + 1) + ": no ' :: ' in " + line);
            }
            String expect = line.substring(0, sep).strip();
            String sql = line.substring(sep + 4).strip();
            int space = expect.indexOf(' ');
            String kind = expect.substring(0, space);
            String outcome = expect.substring(space + 1).strip();
            if (outcome.equals("ok")) {
                cases.add(new Case(section, i + 1, label, kind, null, null, sql));
            } else {
                int s = outcome.indexOf(' ');
                cases.add(new Case(section, i + 1, label, kind, outcome.substring(0, s), outcome.substring(s + 1).strip(), sql));
            }
        }
        return cases;
    }
}
