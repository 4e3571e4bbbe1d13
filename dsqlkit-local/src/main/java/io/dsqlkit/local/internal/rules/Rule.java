package io.dsqlkit.local.internal.rules;

import java.util.BitSet;
import java.util.Objects;

/**
 * One DSQL refusal: the SQLSTATE and message DSQL answers, and where that answer comes from.
 * {@code messageTemplate} may hold placeholders {@code {0}}, {@code {1}}, ... numbered
 * contiguously from zero; {@link #refuse} fills them in.
 */
public record Rule(String id, String sqlState, String messageTemplate, String evidence) {

    /** Validates every field, so a {@code Rule} in hand is always usable. */
    public Rule {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("rule id is empty");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (i > 0 && ((c >= '0' && c <= '9') || c == '_'));
            if (!ok) {
                throw new IllegalArgumentException("rule id \"" + id + "\" must be lower-case letters, digits and '_', starting with a letter");
            }
        }
        if (!isSqlState(sqlState)) {
            throw new IllegalArgumentException("rule " + id + ": SQLSTATE \"" + sqlState + "\" is not 5 characters of [0-9A-Z]");
        }
        if (messageTemplate == null || messageTemplate.isBlank()) {
            throw new IllegalArgumentException("rule " + id + ": message is empty");
        }
        if (evidence == null || evidence.isBlank()) {
            throw new IllegalArgumentException("rule " + id + ": evidence is empty");
        }
        placeholders(id, messageTemplate);
    }

    /** Number of arguments {@link #refuse} expects. */
    public int placeholderCount() {
        return placeholders(id, messageTemplate);
    }

    /**
     * The refusal with the placeholders replaced by {@code String.valueOf(args[i])}.
     *
     * @throws IllegalArgumentException if the argument count differs from {@link #placeholderCount()}
     */
    public Refusal refuse(Object... args) {
        Objects.requireNonNull(args, "args");
        int expected = placeholderCount();
        if (args.length != expected) {
            throw new IllegalArgumentException("rule " + id + " takes " + expected + " argument(s), got " + args.length);
        }
        StringBuilder out = new StringBuilder(messageTemplate.length() + 16);
        int i = 0;
        while (i < messageTemplate.length()) {
            char c = messageTemplate.charAt(i);
            if (c == '{') {
                int close = messageTemplate.indexOf('}', i);
                out.append(args[Integer.parseInt(messageTemplate.substring(i + 1, close))]);
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return new Refusal(this, out.toString());
    }

    static boolean isSqlState(String s) {
        if (s == null || s.length() != 5) {
            return false;
        }
        for (int i = 0; i < 5; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Counts the placeholders of {@code template}, rejecting braces that are not {@code {n}} and
     * numbering with gaps, so a typo in the rules file fails at load rather than at a refusal.
     */
    private static int placeholders(String id, String template) {
        BitSet seen = new BitSet();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '}') {
                throw new IllegalArgumentException("rule " + id + ": unmatched '}' in message");
            }
            if (c != '{') {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < template.length() && template.charAt(j) >= '0' && template.charAt(j) <= '9') {
                j++;
            }
            if (j == i + 1 || j >= template.length() || template.charAt(j) != '}' || j - i > 4) {
                throw new IllegalArgumentException("rule " + id + ": malformed placeholder in message; use {0}, {1}, ...");
            }
            seen.set(Integer.parseInt(template.substring(i + 1, j)));
            i = j + 1;
        }
        int count = seen.cardinality();
        if (seen.length() != count) {
            throw new IllegalArgumentException("rule " + id + ": placeholders must be numbered contiguously from {0}");
        }
        return count;
    }
}
