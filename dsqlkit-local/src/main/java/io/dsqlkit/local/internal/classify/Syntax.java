package io.dsqlkit.local.internal.classify;

import io.dsqlkit.local.internal.sql.SqlLexer.Kind;
import io.dsqlkit.local.internal.sql.SqlLexer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Index-based helpers over a statement's tokens. "Top level" means outside any parentheses or
 * brackets opened within the range scanned. Indices outside the list read as "no token".
 */
final class Syntax {

    /**
     * The statement does not have the shape the recognizer follows; the classifier then leaves it
     * to PostgreSQL. Stackless because it is control flow.
     */
    static final class Unparsable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unparsable(String message) {
            super(message, null, false, false);
        }
    }

    private Syntax() {
    }

    static Token at(List<Token> ts, int i) {
        return i >= 0 && i < ts.size() ? ts.get(i) : null;
    }

    /** Whether token {@code i} is the unquoted word {@code word}. */
    static boolean kw(List<Token> ts, int i, String word) {
        Token t = at(ts, i);
        return t != null && t.isKeyword(word);
    }

    /** Whether the unquoted words {@code words} follow in order from {@code i}. */
    static boolean kws(List<Token> ts, int i, String... words) {
        for (int k = 0; k < words.length; k++) {
            if (!kw(ts, i + k, words[k])) {
                return false;
            }
        }
        return true;
    }

    /** Whether token {@code i} is an unquoted word in {@code words}. */
    static boolean kwIn(List<Token> ts, int i, Set<String> words) {
        Token t = at(ts, i);
        return t != null && t.kind() == Kind.IDENTIFIER && words.contains(t.value());
    }

    static boolean punct(List<Token> ts, int i, String p) {
        Token t = at(ts, i);
        return t != null && t.isPunctuation(p);
    }

    static boolean isName(Token t) {
        return t != null && (t.kind() == Kind.IDENTIFIER || t.kind() == Kind.QUOTED_IDENTIFIER);
    }

    /** The folded word of an unquoted identifier, or null for any other token. */
    static String word(List<Token> ts, int i) {
        Token t = at(ts, i);
        return t != null && t.kind() == Kind.IDENTIFIER ? t.value() : null;
    }

    private static boolean opens(Token t) {
        return t.isPunctuation("(") || t.isPunctuation("[");
    }

    private static boolean closes(Token t) {
        return t.isPunctuation(")") || t.isPunctuation("]");
    }

    /** Index of the bracket closing the one at {@code open}, or -1 if it never closes before {@code end}. */
    static int close(List<Token> ts, int open, int end) {
        int depth = 0;
        for (int i = open; i < end; i++) {
            Token t = ts.get(i);
            if (opens(t)) {
                depth++;
            } else if (closes(t) && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Like {@link #close} but a bracket that never closes is a parse failure. */
    static int requireClose(List<Token> ts, int open, int end) {
        if (!punct(ts, open, "(") && !punct(ts, open, "[")) {
            throw new Unparsable("expected ( at token " + open);
        }
        int c = close(ts, open, end);
        if (c < 0) {
            throw new Unparsable("unbalanced parentheses");
        }
        return c;
    }

    /** Index after the token or bracketed group starting at {@code i}. */
    static int skip(List<Token> ts, int i, int end) {
        if (opens(ts.get(i))) {
            int c = close(ts, i, end);
            return c < 0 ? end : c + 1;
        }
        return i + 1;
    }

    /** First top-level index in {@code [from, to)} whose token is one of the unquoted {@code words}, or -1. */
    static int findTop(List<Token> ts, int from, int to, Set<String> words) {
        int i = from;
        while (i < to) {
            if (kwIn(ts, i, words)) {
                return i;
            }
            i = skip(ts, i, to);
        }
        return -1;
    }

    /** Like {@link #findTop} for a single word. */
    static int findTop(List<Token> ts, int from, int to, String word) {
        return findTop(ts, from, to, Set.of(word));
    }

    /** Top-level index of the unquoted words {@code words} in sequence, or -1. */
    static int findTopSequence(List<Token> ts, int from, int to, String... words) {
        int i = from;
        while (i < to) {
            if (kws(ts, i, words) && i + words.length <= to) {
                return i;
            }
            i = skip(ts, i, to);
        }
        return -1;
    }

    /** The {@code [from, to)} ranges between top-level commas; one empty range for an empty input. */
    static List<int[]> splitCommas(List<Token> ts, int from, int to) {
        List<int[]> parts = new ArrayList<>();
        int start = from;
        int i = from;
        while (i < to) {
            if (ts.get(i).isPunctuation(",")) {
                parts.add(new int[] {start, i});
                start = i + 1;
                i++;
            } else {
                i = skip(ts, i, to);
            }
        }
        parts.add(new int[] {start, to});
        return parts;
    }

    /**
     * Reads {@code name(.name)*} from {@code i}: the values go to {@code parts} and the index after
     * the name is returned. Fails when {@code i} holds no name.
     */
    static int qualifiedName(List<Token> ts, int i, int end, List<String> parts) {
        if (i >= end || !isName(ts.get(i))) {
            throw new Unparsable("expected a name at token " + i);
        }
        parts.add(ts.get(i).value());
        i++;
        while (i + 1 < end && punct(ts, i, ".") && isName(ts.get(i + 1))) {
            parts.add(ts.get(i + 1).value());
            i += 2;
        }
        return i;
    }

    static void expect(boolean condition, String what) {
        if (!condition) {
            throw new Unparsable("expected " + what);
        }
    }
}
