package io.dsqlkit.local.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleBookTest {

    private static final String HEADER = "# test rules\nrelease: 2026.09\n\n";

    private static String rule(String id, String state, String message) {
        return "id: " + id + "\nsqlstate: " + state + "\nmessage: " + message + "\nevidence: §0 I test\n";
    }

    @Test
    void bundledReleaseLoadsOnceAndIsValid() {
        RuleBook book = RuleBook.load();
        assertThat(RuleBook.load()).isSameAs(book);
        assertThat(book.release()).isEqualTo("2026.09");
        assertThat(book.name()).isEqualTo("dsql-2026.09.rules");
        assertThat(book.rules()).hasSizeGreaterThan(40);
        Set<String> ids = new HashSet<>();
        for (Rule r : book.rules()) {
            assertThat(ids.add(r.id())).as("unique id %s", r.id()).isTrue();
            assertThat(r.evidence()).as(r.id()).contains("§");
            assertThat(r.evidence()).as("%s carries a certainty tag", r.id())
                    .containsAnyOf(" R ", " D ", " I", " R", " D");
        }
    }

    @Test
    void bundledRulesCarryTheRecordedTexts() {
        RuleBook book = RuleBook.load();
        assertThat(book.rule("merge").refuse().toString()).isEqualTo("0A000 unsupported statement type: MERGE");
        assertThat(book.rule("datatype").refuse("integer[]").message()).isEqualTo("datatype integer[] not supported");
        assertThat(book.rule("set_parameter").refuse("TRANSACTION").message())
                .isEqualTo("setting configuration parameter \"TRANSACTION\" not supported");
        assertThat(book.rule("syntax_error").refuse(".").sqlState()).isEqualTo("42601");
    }

    @Test
    void refuseFillsPlaceholdersInAnyOrder() {
        RuleBook book = RuleBook.parse("t.rules", HEADER + rule("two", "0A000", "{1} then {0}, again {1}"));
        Refusal r = book.rule("two").refuse("a", 7);
        assertThat(r.message()).isEqualTo("7 then a, again 7");
        assertThat(r.sqlState()).isEqualTo("0A000");
        assertThat(r.ruleId()).isEqualTo("two");
        assertThat(book.rule("two").placeholderCount()).isEqualTo(2);
    }

    @Test
    void refuseChecksTheArgumentCount() {
        Rule r = new Rule("one", "0A000", "x {0}", "§0 I test");
        assertThatThrownBy(() -> r.refuse()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 1");
        assertThatThrownBy(() -> r.refuse("a", "b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownIdsAreRejected() {
        assertThatThrownBy(() -> RuleBook.load().rule("no_such_rule"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_such_rule");
        assertThat(RuleBook.load().contains("no_such_rule")).isFalse();
    }

    @Test
    void keysMayComeInAnyOrderAndCrlfIsAccepted() {
        String text = "release: 2026.09\r\n\r\nevidence: §1 R x\r\nmessage: m\r\nid: a\r\nsqlstate: 22P02\r\n";
        RuleBook book = RuleBook.parse("crlf.rules", text);
        assertThat(book.rule("a").sqlState()).isEqualTo("22P02");
        assertThat(book.rule("a").evidence()).isEqualTo("§1 R x");
    }

    /** Each malformed file fails naming the file and the line of the problem. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing release            | bad.rules:1:  | id: a\\nsqlstate: 0A000\\nmessage: m\\nevidence: e\\n
            release after rules        | bad.rules:7:  | release: 2026.09\\n\\nid: a\\nsqlstate: 0A000\\nmessage: m\\nevidence: e\\nrelease: 2026.10\\n
            release twice              | bad.rules:2:  | release: 2026.09\\nrelease: 2026.09\\n
            release malformed          | bad.rules:1:  | release: 26.9\\n
            no rules                   | bad.rules:2:  | release: 2026.09\\n
            missing evidence           | bad.rules:3:  | release: 2026.09\\n\\nid: a\\nsqlstate: 0A000\\nmessage: m\\n
            missing message            | bad.rules:3:  | release: 2026.09\\n\\nid: a\\nsqlstate: 0A000\\nevidence: e\\n
            empty message              | bad.rules:5:  | release: 2026.09\\n\\nid: a\\nsqlstate: 0A000\\nmessage:\\nevidence: e\\n
            empty evidence             | bad.rules:6:  | release: 2026.09\\n\\nid: a\\nsqlstate: 0A000\\nmessage: m\\nevidence:   \\n
            sqlstate too short         | bad.rules:4:  | release: 2026.09\\n\\nid: a\\nsqlstate: 0A00\\nmessage: m\\nevidence: e\\n
            sqlstate lower case        | bad.rules:4:  | release: 2026.09\\n\\nid: a\\nsqlstate: 0a000\\nmessage: m\\nevidence: e\\n
            duplicate id               | bad.rules:8:  | release: 2026.09\\n\\nid: a\\nsqlstate: 0A000\\nmessage: m\\nevidence: e\\n\\nid: a\\nsqlstate: 0A000\\nmessage: m\\nevidence: e\\n
            duplicate key              | bad.rules:5:  | release: 2026.09\\n\\nid: a\\nsqlstate: 0A000\\nsqlstate: 0A000\\nmessage: m\\nevidence: e\\n
            unknown key                | bad.rules:3:  | release: 2026.09\\n\\ncode: 0A000\\n
            line without colon         | bad.rules:3:  | release: 2026.09\\n\\njust text\\n
            placeholder gap            | bad.rules:5:  | release: 2026.09\\n\\nid: a\\nsqlstate: 0A000\\nmessage: {0} and {2}\\nevidence: e\\n
            placeholder from one       | bad.rules:5:  | release: 2026.09\\n\\nid: a\\nsqlstate: 0A000\\nmessage: only {1}\\nevidence: e\\n
            placeholder not numeric    | bad.rules:5:  | release: 2026.09\\n\\nid: a\\nsqlstate: 0A000\\nmessage: a {type}\\nevidence: e\\n
            unclosed placeholder       | bad.rules:5:  | release: 2026.09\\n\\nid: a\\nsqlstate: 0A000\\nmessage: a {0\\nevidence: e\\n
            stray closing brace        | bad.rules:5:  | release: 2026.09\\n\\nid: a\\nsqlstate: 0A000\\nmessage: a }\\nevidence: e\\n
            id with capitals           | bad.rules:3:  | release: 2026.09\\n\\nid: Merge\\nsqlstate: 0A000\\nmessage: m\\nevidence: e\\n
            id with dash               | bad.rules:3:  | release: 2026.09\\n\\nid: a-b\\nsqlstate: 0A000\\nmessage: m\\nevidence: e\\n
            """)
    void malformedFilesFailNamingTheLine(String problem, String location, String text) {
        String unescaped = text.replace("\\n", "\n");
        assertThatThrownBy(() -> RuleBook.parse("bad.rules", unescaped))
                .as(problem)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(location.strip());
    }

    @Test
    void ruleConstructorValidatesToo() {
        assertThatThrownBy(() -> new Rule("a", "0A000", " ", "e")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rule("a", "0A0000", "m", "e")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rule("", "0A000", "m", "e")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rule("a", "0A000", "m", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
