package io.dsqlkit.local.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsqlkit.local.internal.sql.SqlLexer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenCursorTest {

    static TokenCursor cursor(String sql) {
        return new TokenCursor(SqlLexer.tokenize(sql));
    }

    /** What a recognizer extracts from CREATE [UNIQUE] INDEX ASYNC [IF NOT EXISTS] [name] ON table. */
    record AsyncIndex(boolean unique, boolean ifNotExists, String name, List<String> table) {
    }

    /** Example recognizer; null when the statement is not an async index creation. */
    static AsyncIndex recognizeAsyncIndex(String sql) {
        TokenCursor c = cursor(sql);
        try {
            c.expectKeyword("create");
            boolean unique = c.acceptKeyword("unique");
            c.expectKeyword("index", "async");
            boolean ifNotExists = c.acceptKeyword("if", "not", "exists");
            String name = c.peekKeyword("on") ? null : c.acceptName();
            c.expectKeyword("on");
            List<String> table = c.acceptQualifiedName();
            if (table == null || !c.skipParenthesized()) {
                throw c.mismatch("expected table and column list");
            }
            return new AsyncIndex(unique, ifNotExists, name, table);
        } catch (TokenCursor.MismatchException e) {
            return null;
        }
    }

    @Test
    void recognizesAsyncIndexForms() {
        assertEquals(new AsyncIndex(true, true, "Idx", List.of("public", "t")),
                recognizeAsyncIndex("CREATE UNIQUE INDEX ASYNC IF NOT EXISTS \"Idx\" ON public.t (a, (lower(b))) INCLUDE (c)"));
        assertEquals(new AsyncIndex(false, false, null, List.of("t")),
                recognizeAsyncIndex("create index async on T(a)"));
        assertEquals(new AsyncIndex(false, false, "i", List.of("T")),
                recognizeAsyncIndex("create index /* c */ async i on \"T\" (a)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "create index \"async\" on t (a)",
        "create index i on t (a)",
        "create index async on t (a",
        "create index async",
        "select 'create index async on t (a)'"})
    void rejectsOtherForms(String sql) {
        assertNull(recognizeAsyncIndex(sql));
    }

    /** True when FOR UPDATE/SHARE locking appears at the top level of a SELECT. */
    static boolean topLevelLocking(String sql) {
        TokenCursor c = cursor(sql);
        while (!c.atEnd()) {
            if (c.skipParenthesized()) {
                continue;
            }
            if (c.acceptKeyword("for", "update") || c.acceptKeyword("for", "no", "key", "update")
                    || c.acceptKeyword("for", "share") || c.acceptKeyword("for", "key", "share")) {
                return true;
            }
            c.next();
        }
        return false;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT * FROM t WHERE id = 1 FOR UPDATE | true",
        "select * from t for no key update nowait | true",
        "select * from (select * from t for update) s | false",
        "select 'for update' from t | false",
        "select \"for\" update from t | false",
        "select * from t -- for update | false",
        "select * from t for key share | true"})
    void findsTopLevelLockingClauses(String sql, boolean expected) {
        assertEquals(expected, topLevelLocking(sql));
    }

    @Test
    void recognizesSetTransaction() {
        TokenCursor c = cursor("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        assertTrue(c.acceptKeyword("set", "transaction"));
        List<String> modes = new ArrayList<>();
        do {
            if (c.acceptKeyword("isolation", "level")) {
                int mark = c.position();
                if (c.acceptKeyword("repeatable", "read") || c.acceptKeyword("read", "committed")
                        || c.acceptKeyword("serializable")) {
                    modes.add("isolation " + c.peek(-1).value());
                } else {
                    c.reset(mark);
                }
            } else if (c.acceptKeyword("read", "only") || c.acceptKeyword("read", "write")) {
                modes.add("access " + c.peek(-1).value());
            }
        } while (c.acceptPunct(","));
        assertTrue(c.atEnd());
        assertEquals(List.of("isolation read", "access only"), modes);
    }

    @Test
    void acceptKeywordConsumesNothingOnPartialMatch() {
        TokenCursor c = cursor("if not found");
        assertFalse(c.acceptKeyword("if", "not", "exists"));
        assertEquals(0, c.position());
        assertTrue(c.peekKeyword("if", "not"));
        assertTrue(c.acceptKeyword("if", "not"));
        assertEquals(2, c.position());
    }

    @Test
    void keywordsNeverMatchQuotedIdentifiersOrStrings() {
        TokenCursor c = cursor("\"select\" 'select' SELECT");
        assertFalse(c.peekKeyword("select"));
        c.next();
        assertFalse(c.peekKeyword("select"));
        c.next();
        assertTrue(c.acceptKeyword("select"));
    }

    @Test
    void peekAndNextAtTheEnd() {
        TokenCursor c = cursor("a");
        assertEquals("a", c.peek().text());
        assertNull(c.peek(1));
        assertNull(c.peek(-1));
        assertEquals("a", c.next().text());
        assertTrue(c.atEnd());
        assertNull(c.peek());
        assertFalse(c.acceptKeyword("a"));
        assertFalse(c.acceptPunct(";"));
        assertNull(c.acceptName());
        assertThrows(NoSuchElementException.class, c::next);
    }

    @Test
    void expectKeywordReportsWhatWasFound() {
        TokenCursor c = cursor("create table t");
        c.expectKeyword("create");
        TokenCursor.MismatchException e = assertThrows(TokenCursor.MismatchException.class, () -> c.expectKeyword("index"));
        assertEquals("expected INDEX, found \"table\" at offset 7", e.getMessage());
        assertEquals(0, e.getStackTrace().length);
        assertEquals(1, c.position());
    }

    @Test
    void skipParenthesizedLeavesUnbalancedInputAlone() {
        TokenCursor c = cursor("(a, (b) c");
        assertFalse(c.skipParenthesized());
        assertEquals(0, c.position());
        TokenCursor d = cursor("x (a, (b), ')') y");
        assertFalse(d.skipParenthesized());
        d.next();
        assertTrue(d.skipParenthesized());
        assertTrue(d.acceptKeyword("y"));
    }

    @Test
    void resetBacktracksAndRejectsOutOfRange() {
        TokenCursor c = cursor("a b c");
        c.next();
        int mark = c.position();
        c.next();
        c.reset(mark);
        assertEquals("b", c.next().text());
        c.reset(3);
        assertTrue(c.atEnd());
        assertThrows(IndexOutOfBoundsException.class, () -> c.reset(4));
        assertThrows(IndexOutOfBoundsException.class, () -> c.reset(-1));
    }

    @Test
    void qualifiedNames() {
        TokenCursor c = cursor("Sch.\"Tab\".col x.");
        assertEquals(List.of("sch", "Tab", "col"), c.acceptQualifiedName());
        assertNull(c.acceptQualifiedName(), "trailing dot is not a name");
        assertEquals(3 + 2, c.position());
        assertTrue(c.acceptKeyword("x"));
    }

    @Test
    void acceptOperatorUsesSemanticValue() {
        TokenCursor c = cursor("a != b = c");
        c.next();
        assertTrue(c.acceptOperator("<>"));
        c.next();
        assertFalse(c.acceptOperator("<>"));
        assertTrue(c.acceptOperator("="));
        Token last = c.next();
        assertEquals("c", last.value());
    }
}
