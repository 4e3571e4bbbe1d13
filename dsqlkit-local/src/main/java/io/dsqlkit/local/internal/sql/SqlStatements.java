package io.dsqlkit.local.internal.sql;

import io.dsqlkit.local.internal.sql.SqlLexer.Kind;
import io.dsqlkit.local.internal.sql.SqlLexer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a multi-statement query string at top-level semicolons, using {@link SqlLexer} tokens so
 * semicolons in literals, comments and quoted identifiers never count.
 */
public final class SqlStatements {

    /**
     * One statement: {@code sql} is the input slice {@code [start, end)} from its first token to its
     * last, without the terminating semicolon or surrounding comments; {@code tokens} keep their
     * offsets in the whole input.
     */
    public record StatementText(String sql, int start, int end, List<Token> tokens) {

        public StatementText {
            Objects.requireNonNull(sql, "sql");
            tokens = List.copyOf(tokens);
        }
    }

    private SqlStatements() {
    }

    /**
     * Statements of {@code sql} in order. A semicolon separates statements only outside parentheses
     * and brackets and outside the {@code BEGIN ATOMIC ... END} body of a
     * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}. Empty statements are omitted; an unterminated
     * literal or comment swallows the rest of the input into the current statement.
     */
    public static List<StatementText> split(String sql) {
        List<Token> tokens = SqlLexer.tokenize(sql);
        List<StatementText> statements = new ArrayList<>();
        int first = 0;
        int parens = 0;
        int blocks = 0;
        boolean routine = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (i == first) {
                routine = startsRoutine(tokens, i);
            }
            if (t.kind() == Kind.PUNCTUATION) {
                switch (t.text()) {
                    case ";":
                        if (parens == 0 && blocks == 0) {
                            add(statements, sql, tokens, first, i);
                            first = i + 1;
                        }
                        break;
                    case "(":
                    case "[":
                        parens++;
                        break;
                    case ")":
                    case "]":
                        // A stray closer must not hide later separators.
                        parens = Math.max(0, parens - 1);
                        break;
                    default:
                        break;
                }
            } else if (routine && t.kind() == Kind.IDENTIFIER) {
                blocks = trackBlocks(tokens, first, i, parens, blocks);
            }
        }
        add(statements, sql, tokens, first, tokens.size());
        return statements;
    }

    /** {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} at token {@code i}. */
    private static boolean startsRoutine(List<Token> tokens, int i) {
        if (!keywordAt(tokens, i, "create")) {
            return false;
        }
        int k = i + 1;
        if (keywordAt(tokens, k, "or") && keywordAt(tokens, k + 1, "replace")) {
            k += 2;
        }
        return keywordAt(tokens, k, "function") || keywordAt(tokens, k, "procedure");
    }

    /**
     * New depth of {@code BEGIN ATOMIC} nesting after word {@code i}. Inside a body, CASE also
     * closes with END, so it counts as an opener. Words after {@code .} or {@code AS} are column
     * labels ({@code t.end}, {@code AS case}), not keywords.
     */
    private static int trackBlocks(List<Token> tokens, int first, int i, int parens, int blocks) {
        if (i > first) {
            Token previous = tokens.get(i - 1);
            if (previous.isPunctuation(".") || previous.isKeyword("as")) {
                return blocks;
            }
        }
        Token t = tokens.get(i);
        if (t.isKeyword("begin") && parens == 0 && keywordAt(tokens, i + 1, "atomic")) {
            return blocks + 1;
        }
        if (blocks > 0 && t.isKeyword("case")) {
            return blocks + 1;
        }
        if (blocks > 0 && t.isKeyword("end")) {
            return blocks - 1;
        }
        return blocks;
    }

    private static boolean keywordAt(List<Token> tokens, int i, String word) {
        return i < tokens.size() && tokens.get(i).isKeyword(word);
    }

    private static void add(List<StatementText> out, String sql, List<Token> tokens, int from, int to) {
        if (from >= to) {
            return;
        }
        int start = tokens.get(from).start();
        int end = tokens.get(to - 1).end();
        out.add(new StatementText(sql.substring(start, end), start, end, tokens.subList(from, to)));
    }
}
