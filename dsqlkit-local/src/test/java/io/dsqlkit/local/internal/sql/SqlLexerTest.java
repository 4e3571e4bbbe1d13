package io.dsqlkit.local.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsqlkit.local.internal.sql.SqlLexer.Kind;
import io.dsqlkit.local.internal.sql.SqlLexer.Token;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlLexerTest {

    /** Tokens as "KIND text", after checking every token's text is its source slice. */
    static List<String> lex(String sql) {
        List<Token> tokens = SqlLexer.tokenize(sql);
        int previousEnd = 0;
        for (Token t : tokens) {
            assertEquals(sql.substring(t.start(), t.end()), t.text(), "slice of " + t);
            assertTrue(t.start() >= previousEnd && t.end() > t.start(), "ordered, non-empty: " + t);
            previousEnd = t.end();
        }
        return tokens.stream().map(t -> t.kind() + " " + t.text()).collect(Collectors.toList());
    }

    static List<String> values(String sql) {
        return SqlLexer.tokenize(sql).stream().map(Token::value).collect(Collectors.toList());
    }

    static Token single(String sql) {
        List<Token> tokens = SqlLexer.tokenize(sql);
        assertEquals(1, tokens.size(), () -> "one token expected: " + tokens);
        return tokens.get(0);
    }

    // ---- identifiers and keywords -------------------------------------------------------------

    @Test
    void quotedKeywordIsNotAKeyword() {
        List<Token> tokens = SqlLexer.tokenize("SELECT \"select\"");
        assertEquals(List.of("IDENTIFIER SELECT", "QUOTED_IDENTIFIER \"select\""), lex("SELECT \"select\""));
        assertTrue(tokens.get(0).isKeyword("select"));
        assertFalse(tokens.get(1).isKeyword("select"));
        assertEquals("select", tokens.get(1).value());
    }

    @Test
    void unquotedWordsFoldToLowerCaseQuotedOnesKeepCase() {
        assertEquals(List.of("select", "MiXed", "mixed", "a_b$1"), values("SeLeCt \"MiXed\" MiXed A_B$1"));
    }

    @Test
    void foldingIsAsciiOnlyAndLocaleIndependent() {
        // Non-ASCII letters keep their case, as in a UTF-8 PostgreSQL database.
        assertEquals(List.of("abcÉté", "title"), values("ABCÉté TITLE"));
    }

    @Test
    void isKeywordExpectsLowerCaseArgument() {
        Token t = single("Select");
        assertTrue(t.isKeyword("select"));
        assertFalse(t.isKeyword("SELECT"));
        assertFalse(t.isKeyword("selec"));
    }

    @Test
    void nonAsciiCharactersAreIdentifierCharacters() {
        // PostgreSQL treats every non-ASCII byte as a letter, even a no-break space.
        assertEquals(List.of("IDENTIFIER café", "IDENTIFIER a\u00A0b"), lex("café a\u00A0b"));
    }

    @ParameterizedTest
    @MethodSource
    void quotedIdentifiers(String sql, Kind kind, String value) {
        Token t = single(sql);
        assertEquals(kind, t.kind());
        assertEquals(value, t.value());
    }

    static Stream<Arguments> quotedIdentifiers() {
        return Stream.of(
                Arguments.of("\"a\"\"b\"", Kind.QUOTED_IDENTIFIER, "a\"b"),
                Arguments.of("\"\"\"\"", Kind.QUOTED_IDENTIFIER, "\""),
                Arguments.of("\"semi;colon -- not a comment\"", Kind.QUOTED_IDENTIFIER, "semi;colon -- not a comment"),
                Arguments.of("\"line\nbreak\"", Kind.QUOTED_IDENTIFIER, "line\nbreak"),
                Arguments.of("U&\"d\\0061t\\+000061\"", Kind.QUOTED_IDENTIFIER, "data"),
                Arguments.of("u&\"\\0441\\043B\\043E\\043D\"", Kind.QUOTED_IDENTIFIER, "слон"),
                Arguments.of("U&\"d!0061t!+000061\" UESCAPE '!'", Kind.QUOTED_IDENTIFIER, "data"),
                Arguments.of("U&\"a\\\\b\"", Kind.QUOTED_IDENTIFIER, "a\\b"),
                Arguments.of("U&\"\\D83D\\DE00\"", Kind.QUOTED_IDENTIFIER, "\uD83D\uDE00"),
                Arguments.of("\"\"", Kind.INVALID, "\"\""),
                Arguments.of("U&\"\"", Kind.INVALID, "U&\"\""),
                Arguments.of("U&\"\\00\"", Kind.INVALID, "U&\"\\00\""),
                Arguments.of("U&\"\\D800\"", Kind.INVALID, "U&\"\\D800\""),
                Arguments.of("U&\"\\0000\"", Kind.INVALID, "U&\"\\0000\""));
    }

    @Test
    void unicodePrefixNeedsAdjacentQuote() {
        assertEquals(List.of("IDENTIFIER u", "OPERATOR &", "QUOTED_IDENTIFIER \"x\""), lex("u & \"x\""));
        assertEquals(List.of("IDENTIFIER U", "OPERATOR &", "IDENTIFIER x"), lex("U&x"));
    }

    // ---- string constants ---------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource
    void stringValues(String sql, String value) {
        Token t = single(sql);
        assertEquals(Kind.STRING, t.kind(), t::toString);
        assertEquals(value, t.value());
    }

    static Stream<Arguments> stringValues() {
        return Stream.of(
                Arguments.of("'it''s'", "it's"),
                Arguments.of("E'it\\'s'", "it's"),
                Arguments.of("e'it''s'", "it's"),
                Arguments.of("'a\\'", "a\\"),
                Arguments.of("''", ""),
                Arguments.of("'; -- /* $$'", "; -- /* $$"),
                Arguments.of("E'\\n\\t\\b\\f\\r\\\\\\''", "\n\t\b\f\r\\'"),
                Arguments.of("E'\\x41\\101\\u0041\\U00000041'", "AAAA"),
                Arguments.of("E'\\xC3\\xA9'", "é"),
                Arguments.of("E'\\303\\251'", "é"),
                Arguments.of("E'\\q\\\"\\v'", "q\"v"),
                Arguments.of("E'\\xZ'", "xZ"),
                Arguments.of("E'\\1234'", "S4"),
                Arguments.of("E'\\x414'", "A4"),
                Arguments.of("E'\\uD83D\\uDE00'", "\uD83D\uDE00"),
                Arguments.of("E'\\\n'", "\n"),
                Arguments.of("N'national'", "national"),
                Arguments.of("U&'\\0441\\043B\\043E\\043D'", "слон"),
                Arguments.of("U&'d!0061t!+000061' UESCAPE '!'", "data"),
                Arguments.of("U&'d!0061t!+000061'uescape'!'", "data"),
                Arguments.of("U&'x!0041' /* c */ uescape -- c\n '!'", "xA"),
                Arguments.of("U&'x!0041' UESCAPE E'\\x21'", "xA"),
                Arguments.of("U&'x!0041' UESCAPE $$!$$", "xA"),
                Arguments.of("U&'a\\\\b''c'", "a\\b'c"),
                Arguments.of("U&'\\00'\n'41'", "A"),
                Arguments.of("U&'\\D83D\\DE00'", "\uD83D\uDE00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "E'\\u12'", "E'\\U0001F60'", "E'\\xC3'", "E'\\xFF'", "E'\\0'", "E'\\x00'", "E'\\u0000'",
        "E'\\uD83D'", "E'\\uDE00'", "E'\\uD83Dx'", "E'\\uD83D\\n'", "E'\\U00110000'",
        "U&'\\12'", "U&'\\+12345'", "U&'\\xyz1'", "U&'\\DE00'", "U&'\\D83D'", "U&'\\+110000'",
        "U&'x' UESCAPE '+'", "U&'x' UESCAPE 'a'", "U&'x' UESCAPE ' '", "U&'x' UESCAPE 'ab'",
        "U&'x' UESCAPE '\"'", "U&'x' UESCAPE ''''", "U&'x' UESCAPE 'é'", "U&'x' UESCAPE ''",
        "U&'!' UESCAPE '!'"})
    void malformedEscapesAreInvalidWholeLiterals(String sql) {
        Token t = single(sql);
        assertEquals(Kind.INVALID, t.kind());
        assertEquals(sql, t.value());
        assertTrue(t.isMalformed());
    }

    @Test
    void uescapeWithoutStringIsInvalidUpToTheKeyword() {
        assertEquals(List.of("INVALID U&'x' UESCAPE", "NUMBER 1"), lex("U&'x' UESCAPE 1"));
        assertEquals(List.of("INVALID U&\"x\" uescape"), lex("U&\"x\" uescape"));
        // Only plain, E'' and dollar strings qualify as the escape.
        assertEquals(List.of("INVALID U&'x' UESCAPE", "STRING U&'!'"), lex("U&'x' UESCAPE U&'!'"));
        assertEquals(List.of("INVALID U&'x' UESCAPE", "STRING N'!'"), lex("U&'x' UESCAPE N'!'"));
        assertEquals(List.of("INVALID U&'x' UESCAPE", "UNTERMINATED '!"), lex("U&'x' UESCAPE '!"));
    }

    @Test
    void quotedUescapeIsNotTheClause() {
        assertEquals(List.of("STRING U&'x'", "QUOTED_IDENTIFIER \"uescape\"", "STRING '!'"),
                lex("U&'x' \"uescape\" '!'"));
    }

    @Test
    void standardStringTreatsBackslashLiterally() {
        assertEquals(List.of("STRING 'a\\'", "IDENTIFIER c", "UNTERMINATED '"), lex("'a\\' c'"));
        // "b'" right after is a bit-string prefix, not a word.
        assertEquals(List.of("STRING 'a\\'", "UNTERMINATED b'"), lex("'a\\' b'"));
    }

    @Test
    void prefixOnlyAppliesToSingleLetterWord() {
        assertEquals(List.of("IDENTIFIER ne", "STRING 'x'"), lex("ne'x'"));
        assertEquals(List.of("IDENTIFIER type", "STRING 'x'"), lex("type'x'"));
    }

    @ParameterizedTest
    @MethodSource
    void quoteContinuation(String sql, List<String> expected) {
        assertEquals(expected, values(sql));
    }

    static Stream<Arguments> quoteContinuation() {
        return Stream.of(
                Arguments.of("'foo'\n'bar'", List.of("foobar")),
                Arguments.of("'foo'\r\n\t  'bar'", List.of("foobar")),
                Arguments.of("'foo' -- c\n 'bar'", List.of("foobar")),
                Arguments.of("'foo'\n-- c\n'bar'\n\n'baz'", List.of("foobarbaz")),
                Arguments.of("'foo' 'bar'", List.of("foo", "bar")),
                Arguments.of("'foo' /* c */\n'bar'", List.of("foo", "bar")),
                Arguments.of("'foo'\n/* c */'bar'", List.of("foo", "bar")),
                Arguments.of("'foo'\nE'\\x41'", List.of("foo", "A")),
                // The continued part is still an E'' string.
                Arguments.of("E'a\\n'\n'\\x41'", List.of("a\nA")),
                Arguments.of("'a\\'\n'b'", List.of("a\\b")),
                Arguments.of("B'10'\n'01'", List.of("1001")),
                Arguments.of("'foo'\n", List.of("foo")));
    }

    @Test
    void continuationIsOneTokenSpanningTheGap() {
        Token t = single("'a' -- x\n  'b'");
        assertEquals("'a' -- x\n  'b'", t.text());
        assertEquals(0, t.start());
        assertEquals(14, t.end());
    }

    @Test
    void continuedHighSurrogateMustNotBeSplit() {
        assertEquals(Kind.INVALID, single("E'\\uD83D'\n'\\uDE00'").kind());
    }

    @Test
    void bitStrings() {
        assertEquals(List.of("BIT_STRING B'1010'", "BIT_STRING x'1F'"), lex("B'1010' x'1F'"));
        assertEquals(List.of("1010", "1F"), values("B'1010' x'1F'"));
        // No '' escape inside bit strings: the second quote opens a new literal.
        assertEquals(List.of("BIT_STRING b'10'", "STRING '01'"), lex("b'10''01'"));
    }

    // ---- dollar quotes and parameters ---------------------------------------------------------

    @ParameterizedTest
    @MethodSource
    void dollarQuotes(String sql, String value) {
        Token t = single(sql);
        assertEquals(Kind.DOLLAR_STRING, t.kind());
        assertEquals(value, t.value());
    }

    static Stream<Arguments> dollarQuotes() {
        return Stream.of(
                Arguments.of("$$a$$", "a"),
                Arguments.of("$$$$", ""),
                Arguments.of("$fn$ select ';'; $$ $$ $fn$", " select ';'; $$ $$ "),
                Arguments.of("$x$a$y$b$x$", "a$y$b"),
                Arguments.of("$a$x$ab$y$a$", "x$ab$y"),
                Arguments.of("$_1$ '\" /* -- $_1$", " '\" /* -- "),
                Arguments.of("$é$x$é$", "x"),
                Arguments.of("$A$ $a$ $A$", " $a$ "));
    }

    @Test
    void dollarSignsOutsideQuotes() {
        assertEquals(List.of("PARAMETER $1", "OPERATOR +", "PARAMETER $12"), lex("$1+$12"));
        assertEquals(List.of("IDENTIFIER a$b", "IDENTIFIER a$$b$$"), lex("a$b a$$b$$"));
        assertEquals(List.of("OTHER $", "IDENTIFIER a"), lex("$a"));
        assertEquals(List.of("OTHER $"), lex("$"));
        assertEquals(List.of("NUMBER 1", "DOLLAR_STRING $$x$$"), lex("1$$x$$"));
        assertEquals(List.of("INVALID $1a"), lex("$1a"));
        assertEquals(List.of("PARAMETER $1", "PUNCTUATION ::", "IDENTIFIER int"), lex("$1::int"));
    }

    // ---- comments -----------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource
    void commentsAreDropped(String sql, List<String> expected) {
        assertEquals(expected, lex(sql));
    }

    static Stream<Arguments> commentsAreDropped() {
        return Stream.of(
                Arguments.of("/* a /* b */ c */ select", List.of("IDENTIFIER select")),
                Arguments.of("/* ' ; \" /* $$ -- */ ; */ x", List.of("IDENTIFIER x")),
                Arguments.of("select 1 -- trailing", List.of("IDENTIFIER select", "NUMBER 1")),
                Arguments.of("-- only", List.of()),
                Arguments.of("select--c\r1", List.of("IDENTIFIER select", "NUMBER 1")),
                Arguments.of("a/**/b", List.of("IDENTIFIER a", "IDENTIFIER b")),
                Arguments.of("/*/ x */ y", List.of("IDENTIFIER y")),
                Arguments.of("/* **/ z", List.of("IDENTIFIER z")),
                Arguments.of("/* a */* b */", List.of("OPERATOR *", "IDENTIFIER b", "OPERATOR */")),
                Arguments.of("-- 'x\n'y'", List.of("STRING 'y'")),
                Arguments.of("a+--b\nc", List.of("IDENTIFIER a", "OPERATOR +", "IDENTIFIER c")),
                Arguments.of("a*/*b*/c", List.of("IDENTIFIER a", "OPERATOR *", "IDENTIFIER c")));
    }

    // ---- operators and punctuation ------------------------------------------------------------

    @ParameterizedTest
    @MethodSource
    void operators(String sql, List<String> expected) {
        assertEquals(expected, lex(sql));
    }

    static Stream<Arguments> operators() {
        return Stream.of(
                Arguments.of("a<>b", List.of("IDENTIFIER a", "OPERATOR <>", "IDENTIFIER b")),
                Arguments.of("a>=-1", List.of("IDENTIFIER a", "OPERATOR >=", "OPERATOR -", "NUMBER 1")),
                Arguments.of("a=-1", List.of("IDENTIFIER a", "OPERATOR =", "OPERATOR -", "NUMBER 1")),
                Arguments.of("x::int", List.of("IDENTIFIER x", "PUNCTUATION ::", "IDENTIFIER int")),
                Arguments.of("j->>'k'", List.of("IDENTIFIER j", "OPERATOR ->>", "STRING 'k'")),
                Arguments.of("@-", List.of("OPERATOR @-")),
                Arguments.of("a @- b", List.of("IDENTIFIER a", "OPERATOR @-", "IDENTIFIER b")),
                Arguments.of("j#-'{a}'", List.of("IDENTIFIER j", "OPERATOR #-", "STRING '{a}'")),
                Arguments.of("a||b", List.of("IDENTIFIER a", "OPERATOR ||", "IDENTIFIER b")),
                Arguments.of("a@>b<@c", List.of("IDENTIFIER a", "OPERATOR @>", "IDENTIFIER b", "OPERATOR <@", "IDENTIFIER c")),
                Arguments.of("+-+-", List.of("OPERATOR +", "OPERATOR -", "OPERATOR +", "OPERATOR -")),
                Arguments.of("<=-+", List.of("OPERATOR <=", "OPERATOR -", "OPERATOR +")),
                Arguments.of("*-", List.of("OPERATOR *", "OPERATOR -")),
                Arguments.of("~-", List.of("OPERATOR ~-")),
                Arguments.of("%-", List.of("OPERATOR %-")),
                Arguments.of("a=>1", List.of("IDENTIFIER a", "OPERATOR =>", "NUMBER 1")),
                Arguments.of("<=>", List.of("OPERATOR <=>")),
                Arguments.of("-1", List.of("OPERATOR -", "NUMBER 1")),
                Arguments.of("a--b", List.of("IDENTIFIER a")),
                Arguments.of("f(a := 1)", List.of("IDENTIFIER f", "PUNCTUATION (", "IDENTIFIER a",
                        "PUNCTUATION :=", "NUMBER 1", "PUNCTUATION )")),
                Arguments.of(":name", List.of("PUNCTUATION :", "IDENTIFIER name")),
                Arguments.of("a[1:2].b;", List.of("IDENTIFIER a", "PUNCTUATION [", "NUMBER 1", "PUNCTUATION :",
                        "NUMBER 2", "PUNCTUATION ]", "PUNCTUATION .", "IDENTIFIER b", "PUNCTUATION ;")),
                Arguments.of("1..10", List.of("NUMBER 1", "PUNCTUATION ..", "NUMBER 10")),
                Arguments.of(":::", List.of("PUNCTUATION ::", "PUNCTUATION :")),
                Arguments.of("{\\}\u000B", List.of("OTHER {", "OTHER \\", "OTHER }", "OTHER \u000B")));
    }

    @Test
    void notEqualsIsNormalizedToLessGreater() {
        Token t = single("!=");
        assertEquals("!=", t.text());
        assertEquals("<>", t.value());
        assertTrue(t.isOperator("<>"));
        assertFalse(t.isOperator("!="));
    }

    @Test
    void operatorsLongerThan63CharactersAreInvalid() {
        assertEquals(Kind.OPERATOR, single("@".repeat(63)).kind());
        assertEquals(Kind.INVALID, single("@".repeat(64)).kind());
    }

    // ---- numbers ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"1", "42", "1.5", ".5", "1.", "1e10", "1.5E+10", ".5e-3", "1.e5", "0x1F", "0X_1f",
        "0o17", "0b101", "1_000", "1_000.000_1", "1e1_0", "007"})
    void numbersAreKeptAsWritten(String sql) {
        Token t = single(sql);
        assertEquals(Kind.NUMBER, t.kind());
        assertEquals(sql, t.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1_", "1__0", "0x", "0x_", "0xG", "123abc", "1e", "1e+", "0b2", "1.x", "0x1Fg",
        "1.5e3x"})
    void trailingJunkMakesNumbersInvalid(String sql) {
        List<Token> tokens = SqlLexer.tokenize(sql);
        assertTrue(tokens.stream().anyMatch(t -> t.kind() == Kind.INVALID), () -> sql + " -> " + tokens);
    }

    @Test
    void junkCoversTheWholeWord() {
        assertEquals(List.of("INVALID 123abc", "PUNCTUATION ,", "INVALID 1e+", "NUMBER 5"), lex("123abc, 1e+ 5"));
    }

    @Test
    void numbersNextToDots() {
        assertEquals(List.of("NUMBER 1.5", "NUMBER .3"), lex("1.5.3"));
        assertEquals(List.of("PUNCTUATION .", "IDENTIFIER e5"), lex(".e5"));
        assertEquals(List.of("IDENTIFIER t", "PUNCTUATION .", "IDENTIFIER a"), lex("t.a"));
    }

    // ---- unterminated input -------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource
    void unterminatedTokensRunToTheEnd(String sql, int start) {
        List<Token> tokens = SqlLexer.tokenize(sql);
        Token last = tokens.get(tokens.size() - 1);
        assertEquals(Kind.UNTERMINATED, last.kind(), tokens::toString);
        assertEquals(start, last.start());
        assertEquals(sql.length(), last.end());
        assertTrue(last.isMalformed());
    }

    static Stream<Arguments> unterminatedTokensRunToTheEnd() {
        return Stream.of(
                Arguments.of("select 'abc", 7),
                Arguments.of("select 'abc''", 7),
                Arguments.of("select E'abc\\'", 7),
                Arguments.of("select E'abc\\", 7),
                Arguments.of("select \"abc", 7),
                Arguments.of("select \"a\"\"", 7),
                Arguments.of("select $$abc", 7),
                Arguments.of("select $t$abc$$ $T$", 7),
                Arguments.of("select 1 /* abc", 9),
                Arguments.of("select 1 /* /* */", 9),
                Arguments.of("select B'01", 7),
                Arguments.of("select X'", 7),
                Arguments.of("select N'abc", 7),
                Arguments.of("select U&'abc", 7),
                Arguments.of("select U&\"abc", 7),
                Arguments.of("select 'a'\n'b", 7),
                Arguments.of("'", 0));
    }

    @Test
    void unterminatedCommentAfterTokensIsItsOwnToken() {
        assertEquals(List.of("IDENTIFIER select", "STRING 'a'", "UNTERMINATED /* x ; y"), lex("select 'a' /* x ; y"));
    }

    // ---- scale --------------------------------------------------------------------------------

    @Test
    void megabyteOfStatementsLexesInLinearTime() {
        String unit = "SELECT \"col\", 'it''s', $$x$$, 1.5e3 FROM t /* c */ WHERE a <> -1; -- note\n";
        String sql = unit.repeat(1_000_000 / unit.length() + 1);
        List<Token> tokens = SqlLexer.tokenize(sql);
        assertEquals(16 * (1_000_000 / unit.length() + 1), tokens.size());
    }

    @Test
    void pathologicalMegabyteInputsStayLinear() {
        int n = 1 << 20;
        assertEquals(n, SqlLexer.tokenize("+-".repeat(n / 2)).size());
        assertEquals(1, SqlLexer.tokenize("/*".repeat(n / 2)).size());
        assertEquals(1, SqlLexer.tokenize("'" + "''".repeat(n / 2)).size());
        assertEquals(1, SqlLexer.tokenize("'a'\n".repeat(n / 4)).size());
        assertEquals(1, SqlLexer.tokenize("$a$" + "$a ".repeat(n / 3)).size());
        assertEquals(n / 14, SqlLexer.tokenize("U&'a' UESCAPE ".repeat(n / 14)).size());
        assertEquals(2, SqlLexer.tokenize("=-".repeat(n / 2)).size());
        Token big = single("$$" + "x".repeat(n) + "$$");
        assertEquals(n, big.value().length());
    }

    @Test
    void emptyAndBlankInputs() {
        assertEquals(List.of(), lex(""));
        assertEquals(List.of(), lex(" \t\r\n\f -- c\n/* d */"));
    }
}
