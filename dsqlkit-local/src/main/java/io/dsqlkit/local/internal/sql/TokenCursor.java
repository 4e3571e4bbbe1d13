package io.dsqlkit.local.internal.sql;

import io.dsqlkit.local.internal.sql.SqlLexer.Kind;
import io.dsqlkit.local.internal.sql.SqlLexer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Forward cursor over tokens for recursive-descent recognizers. Keyword methods match unquoted
 * words only (see {@link Token#isKeyword}); {@code accept*} methods consume only on a full match.
 * Not thread-safe.
 */
public final class TokenCursor {

    /** Thrown by {@code expect*}; carries no stack trace since recognizers use it to back out. */
    public static final class MismatchException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MismatchException(String message) {
            super(message, null, false, false);
        }
    }

    private final List<Token> tokens;
    private int position;

    public TokenCursor(List<Token> tokens) {
        this.tokens = List.copyOf(Objects.requireNonNull(tokens, "tokens"));
    }

    /** The current token, or {@code null} at the end. */
    public Token peek() {
        return peek(0);
    }

    /** The token {@code ahead} places after the current one (negative looks back), or {@code null} outside the list. */
    public Token peek(int ahead) {
        int i = position + ahead;
        return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
    }

    /** Consumes and returns the current token. */
    public Token next() {
        if (atEnd()) {
            throw new NoSuchElementException("no more tokens");
        }
        return tokens.get(position++);
    }

    public boolean atEnd() {
        return position >= tokens.size();
    }

    /** Index of the current token; pass it to {@link #reset} to backtrack. */
    public int position() {
        return position;
    }

    public void reset(int position) {
        if (position < 0 || position > tokens.size()) {
            throw new IndexOutOfBoundsException("position " + position + " outside 0.." + tokens.size());
        }
        this.position = position;
    }

    /** Whether the next tokens are these unquoted words, in order. */
    public boolean peekKeyword(String... words) {
        for (int k = 0; k < words.length; k++) {
            Token t = peek(k);
            if (t == null || !t.isKeyword(words[k])) {
                return false;
            }
        }
        return true;
    }

    /** Consumes the words if all of them follow in order; otherwise consumes nothing. */
    public boolean acceptKeyword(String... words) {
        if (!peekKeyword(words)) {
            return false;
        }
        position += words.length;
        return true;
    }

    /** Like {@link #acceptKeyword} but throws {@link MismatchException} on a mismatch. */
    public void expectKeyword(String... words) {
        if (!acceptKeyword(words)) {
            throw mismatch("expected " + String.join(" ", words).toUpperCase(Locale.ROOT));
        }
    }

    public boolean peekPunct(String punctuation) {
        Token t = peek();
        return t != null && t.isPunctuation(punctuation);
    }

    public boolean acceptPunct(String punctuation) {
        if (!peekPunct(punctuation)) {
            return false;
        }
        position++;
        return true;
    }

    /** Consumes an operator with this value ({@code "<>"} also matches {@code !=}). */
    public boolean acceptOperator(String operator) {
        Token t = peek();
        if (t == null || !t.isOperator(operator)) {
            return false;
        }
        position++;
        return true;
    }

    /**
     * At {@code (}, consumes through the matching {@code )} and returns true. Returns false and
     * consumes nothing when not at {@code (} or when the parentheses never balance.
     */
    public boolean skipParenthesized() {
        if (!peekPunct("(")) {
            return false;
        }
        int depth = 0;
        for (int i = position; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isPunctuation("(")) {
                depth++;
            } else if (t.isPunctuation(")") && --depth == 0) {
                position = i + 1;
                return true;
            }
        }
        return false;
    }

    /**
     * Consumes a name (unquoted word or quoted identifier) and returns its value, or returns
     * {@code null}. Any unquoted word qualifies, so check for keywords first where they can occur.
     */
    public String acceptName() {
        Token t = peek();
        if (t == null || (t.kind() != Kind.IDENTIFIER && t.kind() != Kind.QUOTED_IDENTIFIER)) {
            return null;
        }
        position++;
        return t.value();
    }

    /** Consumes {@code name(.name)*} and returns the parts, or returns {@code null} and consumes nothing. */
    public List<String> acceptQualifiedName() {
        int mark = position;
        List<String> parts = new ArrayList<>(3);
        do {
            String part = acceptName();
            if (part == null) {
                position = mark;
                return null;
            }
            parts.add(part);
        } while (acceptPunct("."));
        return parts;
    }

    /** A {@link MismatchException} naming the current token, for recognizers' own checks. */
    public MismatchException mismatch(String expectation) {
        Token t = peek();
        String found = t == null ? "end of input" : "\"" + t.text() + "\" at offset " + t.start();
        return new MismatchException(expectation + ", found " + found);
    }
}
