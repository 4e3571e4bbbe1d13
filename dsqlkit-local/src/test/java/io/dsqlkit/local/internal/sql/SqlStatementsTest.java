package io.dsqlkit.local.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsqlkit.local.internal.sql.SqlLexer.Kind;
import io.dsqlkit.local.internal.sql.SqlLexer.Token;
import io.dsqlkit.local.internal.sql.SqlStatements.StatementText;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlStatementsTest {

    /** Statement texts, after checking each one is the slice its offsets describe. */
    static List<String> split(String sql) {
        List<StatementText> statements = SqlStatements.split(sql);
        for (StatementText st : statements) {
            assertEquals(sql.substring(st.start(), st.end()), st.sql());
            assertEquals(st.start(), st.tokens().get(0).start());
            assertEquals(st.end(), st.tokens().get(st.tokens().size() - 1).end());
        }
        return statements.stream().map(StatementText::sql).collect(Collectors.toList());
    }

    @Test
    void semicolonsInsideLiteralsAndCommentsDoNotSplit() {
        String sql = "select 1; select ';'; /* ; */ select $$;$$;;";
        List<StatementText> statements = SqlStatements.split(sql);
        assertEquals(List.of("select 1", "select ';'", "select $$;$$"), split(sql));
        assertEquals(0, statements.get(0).start());
        assertEquals(8, statements.get(0).end());
        assertEquals(10, statements.get(1).start());
        assertEquals(20, statements.get(1).end());
        assertEquals(30, statements.get(2).start());
        assertEquals(42, statements.get(2).end());
    }

    @Test
    void beginAtomicBodyKeepsItsSemicolons() {
        assertEquals(List.of("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END", "SELECT 3"),
                split("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; SELECT 3"));
    }

    @ParameterizedTest
    @MethodSource
    void statementBoundaries(String sql, List<String> expected) {
        assertEquals(expected, split(sql));
    }

    static Stream<Arguments> statementBoundaries() {
        return Stream.of(
                Arguments.of("select 1", List.of("select 1")),
                Arguments.of("select 1;", List.of("select 1")),
                Arguments.of("  select 1 ;  select 2  ", List.of("select 1", "select 2")),
                Arguments.of("select 1; -- done", List.of("select 1")),
                Arguments.of("select 1; /* done */ ", List.of("select 1")),
                Arguments.of("/* hint */ select /* inner */ 1 /* tail */;", List.of("select /* inner */ 1")),
                Arguments.of("select \";\" from \"a;b\"; select 2", List.of("select \";\" from \"a;b\"", "select 2")),
                Arguments.of("select E'\\';'; select 2", List.of("select E'\\';'", "select 2")),
                Arguments.of("select 'a\\'; select 2", List.of("select 'a\\'", "select 2")),
                Arguments.of("select $t$ ; $$ ; $t$; select 2", List.of("select $t$ ; $$ ; $t$", "select 2")),
                Arguments.of("select /* /* ; */ ; */ 1; select 2", List.of("select /* /* ; */ ; */ 1", "select 2")),
                Arguments.of("select (1; 2); select 3", List.of("select (1; 2)", "select 3")),
                Arguments.of("select a[1;2]; select 3", List.of("select a[1;2]", "select 3")),
                Arguments.of("select ); select 2", List.of("select )", "select 2")),
                Arguments.of("select case when true then 1 end; select 2",
                        List.of("select case when true then 1 end", "select 2")),
                Arguments.of("begin; select 1; end;", List.of("begin", "select 1", "end")),
                Arguments.of("create table t (begin int); begin atomic; select 1",
                        List.of("create table t (begin int)", "begin atomic", "select 1")),
                Arguments.of("create function f() returns int as $$ begin atomic; $$ language sql; select 1",
                        List.of("create function f() returns int as $$ begin atomic; $$ language sql", "select 1")),
                Arguments.of("CREATE OR REPLACE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC "
                                + "INSERT INTO t VALUES (CASE WHEN 1 > 0 THEN 1 ELSE 2 END); "
                                + "SELECT CASE 1 WHEN 1 THEN CASE WHEN true THEN 'x' END END; END; CALL p()",
                        List.of("CREATE OR REPLACE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC "
                                        + "INSERT INTO t VALUES (CASE WHEN 1 > 0 THEN 1 ELSE 2 END); "
                                        + "SELECT CASE 1 WHEN 1 THEN CASE WHEN true THEN 'x' END END; END",
                                "CALL p()")),
                Arguments.of("create function f() returns int begin atomic select t.end from t; select 1 as case; end; select 3",
                        List.of("create function f() returns int begin atomic select t.end from t; select 1 as case; end",
                                "select 3")),
                Arguments.of("create function f() returns int begin atomic select \"end\"; select 'end'; end; select 3",
                        List.of("create function f() returns int begin atomic select \"end\"; select 'end'; end",
                                "select 3")),
                Arguments.of("create function f() begin atomic select 1; select 2",
                        List.of("create function f() begin atomic select 1; select 2")),
                Arguments.of("create or replace function f() returns int language sql begin atomic select 1; end;"
                                + "create function g() returns int language sql begin atomic select 2; end",
                        List.of("create or replace function f() returns int language sql begin atomic select 1; end",
                                "create function g() returns int language sql begin atomic select 2; end")),
                Arguments.of("select 1; select 'abc; select 2", List.of("select 1", "select 'abc; select 2")),
                Arguments.of("select 1; select 2 /* open ; select 3", List.of("select 1", "select 2 /* open ; select 3")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ";", ";;", " ; ; ", "-- c", "/* c */ ; -- d\n;"})
    void emptyStatementsAreOmitted(String sql) {
        assertEquals(List.of(), SqlStatements.split(sql));
    }

    @Test
    void tokensExcludeTheSemicolonAndKeepAbsoluteOffsets() {
        List<StatementText> statements = SqlStatements.split("select 1;\nselect a");
        StatementText second = statements.get(1);
        assertEquals(List.of("select", "a"), second.tokens().stream().map(Token::text).collect(Collectors.toList()));
        assertEquals(10, second.tokens().get(0).start());
        assertTrue(statements.get(0).tokens().stream().noneMatch(t -> t.isPunctuation(";")));
    }

    @Test
    void unterminatedLiteralIsVisibleToCallers() {
        StatementText last = SqlStatements.split("select 1; select 'abc; select 2").get(1);
        assertEquals(Kind.UNTERMINATED, last.tokens().get(1).kind());
    }

    @Test
    void statementTokensAreImmutable() {
        StatementText st = SqlStatements.split("select 1").get(0);
        assertThrows(UnsupportedOperationException.class, () -> st.tokens().clear());
    }

    @Test
    void megabyteScriptSplitsInLinearTime() {
        String unit = "INSERT INTO t VALUES (1, 'a;b', $$;$$); /* ; */\n";
        int count = 1_000_000 / unit.length() + 1;
        List<StatementText> statements = SqlStatements.split(unit.repeat(count));
        assertEquals(count, statements.size());
        assertEquals("INSERT INTO t VALUES (1, 'a;b', $$;$$)", statements.get(count - 1).sql());
    }

    @Test
    void megabyteFunctionBodyIsOneStatement() {
        String body = "SELECT CASE WHEN x THEN 1 END FROM t;".repeat(30_000);
        String sql = "CREATE FUNCTION f() RETURNS int BEGIN ATOMIC " + body + " END; SELECT 1";
        assertEquals(2, SqlStatements.split(sql).size());
    }
}
