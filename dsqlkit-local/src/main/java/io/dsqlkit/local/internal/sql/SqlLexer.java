package io.dsqlkit.local.internal.sql;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Lexer following PostgreSQL 16's lexical rules, assuming {@code standard_conforming_strings = on}
 * and a UTF-8 server encoding (both fixed in Aurora DSQL).
 *
 * <p>Whitespace and comments are dropped; every other token keeps its exact source slice and
 * offsets. Malformed input never throws: it yields {@link Kind#UNTERMINATED}, {@link Kind#INVALID}
 * or {@link Kind#OTHER} tokens so callers can give up and let PostgreSQL report the error.
 *
 * <p>Deliberate differences from PostgreSQL's token stream, all to give callers one token per
 * literal: {@code N'...'} is a single {@link Kind#STRING} (PostgreSQL emits {@code NCHAR} plus a
 * string); a {@code U&} literal followed by {@code UESCAPE 'c'} is one token spanning the clause;
 * identifiers are not truncated to 63 bytes.
 */
public final class SqlLexer {

    /** Token categories. */
    public enum Kind {
        /** Unquoted word, keywords included. */
        IDENTIFIER,
        /** {@code "..."} or {@code U&"..."}. */
        QUOTED_IDENTIFIER,
        /** {@code '...'}, {@code E'...'}, {@code N'...'} or {@code U&'...'}, continuations included. */
        STRING,
        /** {@code B'...'} or {@code X'...'}. */
        BIT_STRING,
        /** Integer or numeric literal, exactly as written. */
        NUMBER,
        OPERATOR,
        /** Positional parameter such as {@code $1}. */
        PARAMETER,
        /** One of {@code ( ) [ ] , ; : :: := . ..}. */
        PUNCTUATION,
        /** {@code $$...$$} or {@code $tag$...$tag$}. */
        DOLLAR_STRING,
        /** A string, identifier, comment or dollar quote that runs to the end of the input. */
        UNTERMINATED,
        /**
         * Rejected by PostgreSQL's lexer: trailing junk after a number or parameter, a bad escape
         * or Unicode value, an empty quoted identifier, a bad {@code UESCAPE}, an over-long operator.
         */
        INVALID,
        /** A character PostgreSQL's lexer passes on alone and no grammar rule accepts, e.g. a lone {@code $}. */
        OTHER
    }

    /**
     * One significant token: {@code text} is the raw slice {@code [start, end)} of the lexed input.
     */
    public record Token(Kind kind, String text, int start, int end) {

        public Token {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }

        /**
         * The semantic value: identifiers folded to lower case (ASCII only), quoted identifiers and
         * strings decoded, dollar strings without delimiters, bit strings as their digits
         * (continuations joined), {@code !=} as {@code <>}; anything else as written.
         */
        public String value() {
            return valueOf(kind, text);
        }

        /** True for an unquoted word whose folded value equals {@code lowerCaseWord}. */
        public boolean isKeyword(String lowerCaseWord) {
            return kind == Kind.IDENTIFIER && foldedEquals(text, 0, text.length(), lowerCaseWord);
        }

        public boolean isPunctuation(String punctuation) {
            return kind == Kind.PUNCTUATION && text.equals(punctuation);
        }

        /** True for an operator token with this value ({@code "<>"} also matches {@code !=}). */
        public boolean isOperator(String operator) {
            return kind == Kind.OPERATOR && value().equals(operator);
        }

        /** True when PostgreSQL would reject the statement because of this token. */
        public boolean isMalformed() {
            return kind == Kind.UNTERMINATED || kind == Kind.INVALID || kind == Kind.OTHER;
        }
    }

    /** PostgreSQL's NAMEDATALEN: operators must be shorter. */
    private static final int NAMEDATALEN = 64;

    private SqlLexer() {
    }

    /** Tokenizes {@code sql}; linear in its length, never throws on malformed input. */
    public static List<Token> tokenize(String sql) {
        Objects.requireNonNull(sql, "sql");
        Scanner scanner = new Scanner(sql, false);
        List<Token> tokens = new ArrayList<>();
        while (scanner.next()) {
            tokens.add(new Token(scanner.kind, sql.substring(scanner.start, scanner.end), scanner.start, scanner.end));
        }
        return tokens;
    }

    static String valueOf(Kind kind, String text) {
        switch (kind) {
            case IDENTIFIER:
                return foldAscii(text);
            case OPERATOR:
                return text.equals("!=") ? "<>" : text;
            case STRING:
            case QUOTED_IDENTIFIER:
            case BIT_STRING:
            case DOLLAR_STRING:
                // A token's text is self-contained, so rescanning it alone reproduces the token.
                Scanner scanner = new Scanner(text, true);
                if (scanner.next() && scanner.kind == kind && scanner.end == text.length()) {
                    return scanner.value.toString();
                }
                return text;
            default:
                return text;
        }
    }

    static String foldAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = word.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    chars[j] = foldAscii(chars[j]);
                }
                return new String(chars);
            }
        }
        return word;
    }

    /** Whether {@code s[from, to)}, folded like an identifier, equals {@code lower}; allocation-free. */
    static boolean foldedEquals(String s, int from, int to, String lower) {
        if (to - from != lower.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (foldAscii(s.charAt(i)) != lower.charAt(i - from)) {
                return false;
            }
        }
        return true;
    }

    private static char foldAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    // Character classes. PostgreSQL sees UTF-8 bytes, and every byte of a non-ASCII character is
    // >= 0x80, which its rules count as a letter: hence "c >= 0x80" below.

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    static boolean isIdentCont(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isDollarTagCont(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isOpChar(char c) {
        switch (c) {
            case '~': case '!': case '@': case '#': case '^': case '&': case '|': case '`': case '?':
            case '+': case '-': case '*': case '/': case '%': case '<': case '>': case '=':
                return true;
            default:
                return false;
        }
    }

    /** Characters that let a multi-character operator end in '+' or '-'. */
    private static boolean isNonSqlOpChar(char c) {
        switch (c) {
            case '~': case '!': case '@': case '#': case '^': case '&': case '|': case '`': case '?': case '%':
                return true;
            default:
                return false;
        }
    }

    private static int hexValue(char c) {
        if (isDigit(c)) {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Parses exactly {@code digits} hex digits at {@code from}, or returns -1. */
    private static int parseHex(CharSequence s, int from, int digits) {
        if (from + digits > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            int d = hexValue(s.charAt(i));
            if (d < 0) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value;
    }

    /** Rules PostgreSQL applies to the character given in {@code UESCAPE '...'}. */
    private static boolean isValidUescape(String escape) {
        if (escape.length() != 1) {
            return false;
        }
        char c = escape.charAt(0);
        // The check is on the byte length, so non-ASCII characters are rejected.
        return c < 0x80 && !isHexDigit(c) && c != '+' && c != '\'' && c != '"' && !isSpace(c);
    }

    /** Resolves {@code U&} escapes ({@code \XXXX}, {@code \+XXXXXX}, doubled escape); false if malformed. */
    private static boolean decodeUnicodeEscapes(CharSequence raw, char escape, StringBuilder out) {
        int high = -1;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c != escape) {
                if (high >= 0) {
                    return false;
                }
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < raw.length() && raw.charAt(i + 1) == escape) {
                if (high >= 0) {
                    return false;
                }
                out.append(escape);
                i += 2;
                continue;
            }
            int from = i + 1;
            int digits = 4;
            if (from < raw.length() && raw.charAt(from) == '+') {
                from++;
                digits = 6;
            }
            int cp = parseHex(raw, from, digits);
            if (cp < 0) {
                return false;
            }
            i = from + digits;
            if (high >= 0) {
                if (!Character.isLowSurrogate((char) cp) || cp > 0xFFFF) {
                    return false;
                }
                out.appendCodePoint(Character.toCodePoint((char) high, (char) cp));
                high = -1;
            } else if (cp <= 0xFFFF && Character.isHighSurrogate((char) cp)) {
                high = cp;
            } else if (!isValidCodePoint(cp)) {
                return false;
            } else {
                out.appendCodePoint(cp);
            }
        }
        return high < 0;
    }

    /** A code point a Unicode escape may produce on its own (no NUL, no lone surrogate). */
    private static boolean isValidCodePoint(int cp) {
        return cp > 0 && cp <= Character.MAX_CODE_POINT && !(cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }

    /**
     * Position-based scanner shared by {@link #tokenize} and {@link Token#value()}. Each call to
     * {@link #next()} sets {@link #kind}, {@link #start}, {@link #end}, and, when {@code wantValue}
     * is set, {@link #value}.
     */
    private static final class Scanner {
        private final String s;
        private final int n;
        private final boolean wantValue;
        private int pos;

        Kind kind;
        int start;
        int end;
        final StringBuilder value = new StringBuilder();

        /** Undecoded body of a U& literal. */
        private final StringBuilder raw = new StringBuilder();

        // E'' decoding state: escapes yield bytes, which must form valid UTF-8 without NUL.
        private byte[] bytes = new byte[16];
        private int byteCount;
        private int pendingHighSurrogate;
        private boolean malformed;

        // A run of operator characters without a non-SQL character that ends in '+'/'-' splits into
        // several tokens; caching the run keeps that linear ("+-+-+-...").
        private int opRunEnd = -1;
        private int opRunTrail;

        Scanner(String s, boolean wantValue) {
            this.s = s;
            this.n = s.length();
            this.wantValue = wantValue;
        }

        private char at(int i) {
            return i < n ? s.charAt(i) : '\0';
        }

        private boolean emit(Kind k, int from, int to) {
            kind = k;
            start = from;
            end = to;
            pos = to;
            return true;
        }

        boolean next() {
            while (pos < n) {
                char c = s.charAt(pos);
                if (isSpace(c)) {
                    pos++;
                } else if (c == '-' && at(pos + 1) == '-') {
                    pos = lineCommentEnd(pos);
                } else if (c == '/' && at(pos + 1) == '*') {
                    int close = blockCommentEnd(pos);
                    if (close < 0) {
                        return emit(Kind.UNTERMINATED, pos, n);
                    }
                    pos = close;
                } else {
                    break;
                }
            }
            if (pos >= n) {
                return false;
            }
            int p = pos;
            char c = s.charAt(p);
            switch (c) {
                case '\'':
                    return scanQuoted(p, p, Mode.PLAIN);
                case '"':
                    return scanQuotedIdentifier(p, p + 1, false);
                case '$':
                    return scanDollar(p);
                case '(': case ')': case '[': case ']': case ',': case ';':
                    return emit(Kind.PUNCTUATION, p, p + 1);
                case ':':
                    return emit(Kind.PUNCTUATION, p, at(p + 1) == ':' || at(p + 1) == '=' ? p + 2 : p + 1);
                case '.':
                    if (at(p + 1) == '.') {
                        return emit(Kind.PUNCTUATION, p, p + 2);
                    }
                    if (isDigit(at(p + 1))) {
                        return scanNumber(p);
                    }
                    return emit(Kind.PUNCTUATION, p, p + 1);
                default:
                    break;
            }
            if (isDigit(c)) {
                return scanNumber(p);
            }
            if (isOpChar(c)) {
                return scanOperator(p);
            }
            if (isIdentStart(c)) {
                return scanWord(p);
            }
            return emit(Kind.OTHER, p, p + 1);
        }

        /** Index of the newline ending a {@code --} comment at {@code p}, or the input length. */
        private int lineCommentEnd(int p) {
            int i = p + 2;
            while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                i++;
            }
            return i;
        }

        /** Index just past the nested block comment at {@code p}, or -1 if it never closes. */
        private int blockCommentEnd(int p) {
            int depth = 1;
            int i = p + 2;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '*' && at(i + 1) == '/') {
                    i += 2;
                    if (--depth == 0) {
                        return i;
                    }
                } else if (c == '/' && at(i + 1) == '*') {
                    i += 2;
                    depth++;
                } else {
                    i++;
                }
            }
            return -1;
        }

        /** Skips whitespace and comments; an unterminated block comment skips to the end. */
        private int skipTrivia(int i) {
            while (i < n) {
                char c = s.charAt(i);
                if (isSpace(c)) {
                    i++;
                } else if (c == '-' && at(i + 1) == '-') {
                    i = lineCommentEnd(i);
                } else if (c == '/' && at(i + 1) == '*') {
                    int close = blockCommentEnd(i);
                    if (close < 0) {
                        return n;
                    }
                    i = close;
                } else {
                    break;
                }
            }
            return i;
        }

        /**
         * After a closing quote at {@code p - 1}: if only spaces and {@code --} comments, including at
         * least one newline, separate it from another {@code '}, the literal continues; returns the
         * index after that quote, else -1. Block comments do not qualify.
         */
        private int continuation(int p) {
            int i = p;
            boolean newline = false;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\r') {
                    newline = true;
                    i++;
                } else if (isSpace(c)) {
                    i++;
                } else if (c == '-' && at(i + 1) == '-') {
                    i = lineCommentEnd(i);
                } else {
                    break;
                }
            }
            return newline && i < n && s.charAt(i) == '\'' ? i + 1 : -1;
        }

        private boolean scanWord(int p) {
            char c = s.charAt(p);
            char next = at(p + 1);
            if (next == '\'') {
                switch (c) {
                    case 'b': case 'B': case 'x': case 'X':
                        return scanQuoted(p, p + 1, Mode.BIT);
                    case 'e': case 'E':
                        return scanQuoted(p, p + 1, Mode.ESCAPE);
                    case 'n': case 'N':
                        return scanQuoted(p, p + 1, Mode.PLAIN);
                    default:
                        break;
                }
            } else if ((c == 'u' || c == 'U') && next == '&') {
                if (at(p + 2) == '\'') {
                    return scanQuoted(p, p + 2, Mode.UNICODE);
                }
                if (at(p + 2) == '"') {
                    return scanQuotedIdentifier(p, p + 3, true);
                }
            }
            int i = p + 1;
            while (i < n && isIdentCont(s.charAt(i))) {
                i++;
            }
            return emit(Kind.IDENTIFIER, p, i);
        }

        private enum Mode { PLAIN, ESCAPE, UNICODE, BIT }

        /**
         * Scans a single-quoted literal whose first quote is at {@code quote}, with continuations.
         * E'' and U&'' are always decoded because malformed escapes make them INVALID.
         */
        private boolean scanQuoted(int tokenStart, int quote, Mode mode) {
            value.setLength(0);
            raw.setLength(0);
            byteCount = 0;
            pendingHighSurrogate = -1;
            malformed = false;
            StringBuilder sink = mode == Mode.UNICODE ? raw : wantValue ? value : null;
            int i = quote + 1;
            int close;
            while (true) {
                close = mode == Mode.ESCAPE ? escapeSegment(i) : plainSegment(i, mode == Mode.BIT, sink);
                if (close < 0) {
                    return emit(Kind.UNTERMINATED, tokenStart, n);
                }
                int resume = continuation(close + 1);
                if (resume < 0) {
                    break;
                }
                i = resume;
            }
            int literalEnd = close + 1;
            switch (mode) {
                case ESCAPE:
                    flushBytes();
                    return emit(malformed ? Kind.INVALID : Kind.STRING, tokenStart, literalEnd);
                case UNICODE:
                    return finishUnicode(tokenStart, literalEnd, Kind.STRING);
                case BIT:
                    return emit(Kind.BIT_STRING, tokenStart, literalEnd);
                default:
                    return emit(Kind.STRING, tokenStart, literalEnd);
            }
        }

        /** Body of a '' or B''/X'' segment starting at {@code i}: index of its closing quote, or -1. */
        private int plainSegment(int i, boolean bit, StringBuilder sink) {
            while (true) {
                int q = s.indexOf('\'', i);
                if (q < 0) {
                    return -1;
                }
                // Bit strings have no '' escape: the second quote would start a new literal.
                if (!bit && at(q + 1) == '\'') {
                    if (sink != null) {
                        sink.append(s, i, q + 1);
                    }
                    i = q + 2;
                    continue;
                }
                if (sink != null) {
                    sink.append(s, i, q);
                }
                return q;
            }
        }

        /** Body of an E'' segment starting at {@code i}, decoded into {@link #value}. */
        private int escapeSegment(int i) {
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\'') {
                    if (at(i + 1) == '\'') {
                        addChar('\'');
                        i += 2;
                        continue;
                    }
                    // A high surrogate escape must be followed directly by its low half.
                    if (pendingHighSurrogate >= 0) {
                        malformed = true;
                        pendingHighSurrogate = -1;
                    }
                    return i;
                }
                if (c != '\\') {
                    addChar(c);
                    i++;
                    continue;
                }
                if (i + 1 >= n) {
                    return -1;
                }
                char e = s.charAt(i + 1);
                switch (e) {
                    case 'b': addChar('\b'); i += 2; break;
                    case 'f': addChar('\f'); i += 2; break;
                    case 'n': addChar('\n'); i += 2; break;
                    case 'r': addChar('\r'); i += 2; break;
                    case 't': addChar('\t'); i += 2; break;
                    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                        int j = i + 1;
                        int v = 0;
                        while (j < n && j < i + 4 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                            v = v * 8 + (s.charAt(j) - '0');
                            j++;
                        }
                        addByte(v & 0xFF);
                        i = j;
                        break;
                    }
                    case 'x': {
                        int j = i + 2;
                        int v = 0;
                        while (j < n && j < i + 4 && isHexDigit(s.charAt(j))) {
                            v = v * 16 + hexValue(s.charAt(j));
                            j++;
                        }
                        if (j == i + 2) {
                            addChar('x'); // "\x" without hex digits is just 'x'
                        } else {
                            addByte(v);
                        }
                        i = j;
                        break;
                    }
                    case 'u':
                    case 'U': {
                        int digits = e == 'u' ? 4 : 8;
                        int cp = parseHex(s, i + 2, digits);
                        if (cp < 0) {
                            // Too few hex digits: PostgreSQL rejects it; keep scanning for the extent.
                            malformed = true;
                            i += 2;
                        } else {
                            addUnicode(cp);
                            i += 2 + digits;
                        }
                        break;
                    }
                    default:
                        addChar(e); // any other escaped character stands for itself, including ' and \
                        i += 2;
                        break;
                }
            }
            return -1;
        }

        private void addChar(char c) {
            if (pendingHighSurrogate >= 0) {
                malformed = true;
                pendingHighSurrogate = -1;
            }
            flushBytes();
            value.append(c);
        }

        private void addByte(int b) {
            if (pendingHighSurrogate >= 0) {
                malformed = true;
                pendingHighSurrogate = -1;
            }
            if (b == 0) {
                malformed = true; // PostgreSQL rejects NUL bytes in text
                return;
            }
            if (byteCount == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[byteCount++] = (byte) b;
        }

        private void addUnicode(int cp) {
            if (pendingHighSurrogate >= 0) {
                if (cp <= 0xFFFF && Character.isLowSurrogate((char) cp)) {
                    value.appendCodePoint(Character.toCodePoint((char) pendingHighSurrogate, (char) cp));
                } else {
                    malformed = true;
                }
                pendingHighSurrogate = -1;
                return;
            }
            flushBytes();
            if (cp <= 0xFFFF && Character.isHighSurrogate((char) cp)) {
                pendingHighSurrogate = cp;
            } else if (isValidCodePoint(cp)) {
                value.appendCodePoint(cp);
            } else {
                malformed = true;
            }
        }

        /** Decodes escaped bytes as strict UTF-8; an incomplete sequence is malformed. */
        private void flushBytes() {
            if (byteCount == 0) {
                return;
            }
            boolean ascii = true;
            for (int k = 0; k < byteCount; k++) {
                ascii &= bytes[k] >= 0;
            }
            if (ascii) {
                for (int k = 0; k < byteCount; k++) {
                    value.append((char) bytes[k]);
                }
            } else {
                try {
                    value.append(StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes, 0, byteCount)));
                } catch (CharacterCodingException e) {
                    malformed = true;
                }
            }
            byteCount = 0;
        }

        /**
         * Finishes a U& literal whose body is in {@link #raw}: an optional {@code UESCAPE 'c'} clause
         * (separated by any whitespace or comments, since PostgreSQL matches it as tokens) is
         * absorbed into the token, then escapes are resolved.
         */
        private boolean finishUnicode(int tokenStart, int literalEnd, Kind kind) {
            char escape = '\\';
            int tokenEnd = literalEnd;
            int word = skipTrivia(literalEnd);
            int wordEnd = word;
            while (wordEnd < n && isIdentCont(s.charAt(wordEnd))) {
                wordEnd++;
            }
            if (word < n && isIdentStart(s.charAt(word)) && foldedEquals(s, word, wordEnd, "uescape")) {
                // Only a plain, E'' or dollar-quoted string may follow (PostgreSQL's SCONST).
                int lit = skipTrivia(wordEnd);
                char c = at(lit);
                boolean simple = c == '\'' || c == '$' || ((c == 'e' || c == 'E') && at(lit + 1) == '\'');
                Scanner sub = null;
                if (simple) {
                    sub = new Scanner(s, true);
                    sub.pos = lit;
                    simple = sub.next() && (sub.kind == Kind.STRING || sub.kind == Kind.DOLLAR_STRING);
                }
                if (!simple) {
                    return emit(Kind.INVALID, tokenStart, wordEnd);
                }
                String given = sub.value.toString();
                if (!isValidUescape(given)) {
                    return emit(Kind.INVALID, tokenStart, sub.end);
                }
                escape = given.charAt(0);
                tokenEnd = sub.end;
            }
            value.setLength(0);
            if (!decodeUnicodeEscapes(raw, escape, value)
                    || (kind == Kind.QUOTED_IDENTIFIER && value.length() == 0)) {
                return emit(Kind.INVALID, tokenStart, tokenEnd);
            }
            return emit(kind, tokenStart, tokenEnd);
        }

        /** {@code "..."} or {@code U&"..."}; {@code i} is just past the opening quote. */
        private boolean scanQuotedIdentifier(int tokenStart, int i, boolean unicode) {
            value.setLength(0);
            raw.setLength(0);
            StringBuilder sink = unicode ? raw : wantValue ? value : null;
            int bodyStart = i;
            while (true) {
                int q = s.indexOf('"', i);
                if (q < 0) {
                    return emit(Kind.UNTERMINATED, tokenStart, n);
                }
                if (at(q + 1) == '"') {
                    if (sink != null) {
                        sink.append(s, i, q + 1);
                    }
                    i = q + 2;
                    continue;
                }
                if (sink != null) {
                    sink.append(s, i, q);
                }
                if (unicode) {
                    return finishUnicode(tokenStart, q + 1, Kind.QUOTED_IDENTIFIER);
                }
                // PostgreSQL rejects "" (zero-length delimited identifier).
                return emit(q == bodyStart ? Kind.INVALID : Kind.QUOTED_IDENTIFIER, tokenStart, q + 1);
            }
        }

        private boolean scanDollar(int p) {
            char next = at(p + 1);
            if (isDigit(next)) {
                int i = p + 2;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
                if (i < n && isIdentStart(s.charAt(i))) {
                    return emitJunk(p, i);
                }
                return emit(Kind.PARAMETER, p, i);
            }
            int tagEnd; // index of the delimiter's closing '$'
            if (next == '$') {
                tagEnd = p + 1;
            } else if (isIdentStart(next)) {
                int i = p + 2;
                while (i < n && isDollarTagCont(s.charAt(i))) {
                    i++;
                }
                if (at(i) != '$') {
                    // "$tag" without a closing '$': PostgreSQL emits the '$' alone and rescans the rest.
                    return emit(Kind.OTHER, p, p + 1);
                }
                tagEnd = i;
            } else {
                return emit(Kind.OTHER, p, p + 1);
            }
            String delimiter = s.substring(p, tagEnd + 1);
            int close = s.indexOf(delimiter, tagEnd + 1);
            if (close < 0) {
                return emit(Kind.UNTERMINATED, p, n);
            }
            if (wantValue) {
                value.setLength(0);
                value.append(s, tagEnd + 1, close);
            }
            return emit(Kind.DOLLAR_STRING, p, close + delimiter.length());
        }

        /** Index past a decimal integer (digits with single '_' separators) starting with a digit at {@code i}. */
        private int decimalEnd(int i) {
            i++;
            while (i < n) {
                char c = s.charAt(i);
                if (isDigit(c)) {
                    i++;
                } else if (c == '_' && isDigit(at(i + 1))) {
                    i += 2;
                } else {
                    break;
                }
            }
            return i;
        }

        private boolean scanNumber(int p) {
            char c = s.charAt(p);
            int i;
            if (c == '0' && radixOf(at(p + 1)) != 0) {
                int radix = radixOf(at(p + 1));
                i = p + 2;
                boolean any = false;
                while (i < n) {
                    char d = s.charAt(i);
                    if (isRadixDigit(d, radix)) {
                        i++;
                        any = true;
                    } else if (d == '_' && isRadixDigit(at(i + 1), radix)) {
                        i += 2;
                        any = true;
                    } else {
                        break;
                    }
                }
                return any ? finishNumber(p, i) : emitJunk(p, p + 2);
            }
            if (c == '.') {
                i = decimalEnd(p + 1);
            } else {
                i = decimalEnd(p);
                if (at(i) == '.') {
                    if (at(i + 1) == '.') {
                        return emit(Kind.NUMBER, p, i); // "1..2": the ".." is its own token
                    }
                    i++;
                    if (isDigit(at(i))) {
                        i = decimalEnd(i);
                    }
                }
            }
            if (at(i) == 'e' || at(i) == 'E') {
                int j = i + 1;
                if (at(j) == '+' || at(j) == '-') {
                    j++;
                }
                if (!isDigit(at(j))) {
                    return emitJunk(p, j);
                }
                i = decimalEnd(j);
            }
            return finishNumber(p, i);
        }

        private static int radixOf(char c) {
            switch (c) {
                case 'x': case 'X': return 16;
                case 'o': case 'O': return 8;
                case 'b': case 'B': return 2;
                default: return 0;
            }
        }

        private static boolean isRadixDigit(char c, int radix) {
            switch (radix) {
                case 16: return isHexDigit(c);
                case 8: return c >= '0' && c <= '7';
                default: return c == '0' || c == '1';
            }
        }

        /** A number directly followed by a letter is "trailing junk" to PostgreSQL. */
        private boolean finishNumber(int p, int i) {
            if (i < n && isIdentStart(s.charAt(i))) {
                return emitJunk(p, i);
            }
            return emit(Kind.NUMBER, p, i);
        }

        /** INVALID token extended over the rest of the word, so the junk is not relexed as a name. */
        private boolean emitJunk(int p, int i) {
            while (i < n && isIdentCont(s.charAt(i))) {
                i++;
            }
            return emit(Kind.INVALID, p, i);
        }

        private boolean scanOperator(int p) {
            int runEnd;
            int trail;
            if (p < opRunEnd) {
                runEnd = opRunEnd;
                trail = opRunTrail;
            } else {
                int i = p;
                boolean nonSql = false;
                while (i < n && isOpChar(s.charAt(i))) {
                    // "--" and "/*" start comments even inside an operator.
                    if (i > p && ((s.charAt(i) == '-' && at(i + 1) == '-') || (s.charAt(i) == '/' && at(i + 1) == '*'))) {
                        break;
                    }
                    nonSql |= isNonSqlOpChar(s.charAt(i));
                    i++;
                }
                char last = s.charAt(i - 1);
                if (i - p == 1 || nonSql || (last != '+' && last != '-')) {
                    return emitOperator(p, i);
                }
                runEnd = i;
                trail = i;
                while (trail > p && (s.charAt(trail - 1) == '+' || s.charAt(trail - 1) == '-')) {
                    trail--;
                }
                opRunEnd = runEnd;
                opRunTrail = trail;
            }
            // SQL-only operator characters: trailing '+'/'-' are split off, so "=-" is "=" then "-".
            if (runEnd - p == 1) {
                return emitOperator(p, runEnd);
            }
            return emitOperator(p, Math.max(trail, p + 1));
        }

        private boolean emitOperator(int p, int e) {
            return emit(e - p >= NAMEDATALEN ? Kind.INVALID : Kind.OPERATOR, p, e);
        }
    }
}
