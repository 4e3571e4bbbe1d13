package io.dsqlkit.local.internal.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A release of DSQL refusal rules, parsed from the line format documented at the top of
 * {@value #RESOURCE}. Immutable and thread-safe.
 *
 * <p>Format: {@code #} starts a comment line; a {@code release: <yyyy.mm>} header comes before
 * the first rule; each rule is a block of {@code key: value} lines with exactly the keys
 * {@code id}, {@code sqlstate}, {@code message} and {@code evidence}, and blank lines separate
 * blocks. Values run to the end of the line and are trimmed.
 */
public final class RuleBook {

    /** Classpath location of the bundled release. */
    public static final String RESOURCE = "/io/dsqlkit/local/rules/dsql-2026.09.rules";

    /** The release the bundled resource must declare, tied to its file name. */
    static final String BUNDLED_RELEASE = "2026.09";

    private static final String[] KEYS = {"id", "sqlstate", "message", "evidence"};

    private final String name;
    private final String release;
    private final Map<String, Rule> rules;

    private RuleBook(String name, String release, Map<String, Rule> rules) {
        this.name = name;
        this.release = release;
        this.rules = Collections.unmodifiableMap(rules);
    }

    /** The bundled release, parsed once per class loader. */
    public static RuleBook load() {
        return Bundled.BOOK;
    }

    /** Lazy holder: a malformed bundled file fails the first caller, not class initialisation of callers. */
    private static final class Bundled {
        static final RuleBook BOOK = readBundled();
    }

    private static RuleBook readBundled() {
        String text;
        try (InputStream in = RuleBook.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("rules resource " + RESOURCE + " is missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        RuleBook book = parse(RESOURCE.substring(RESOURCE.lastIndexOf('/') + 1), text);
        if (!book.release().equals(BUNDLED_RELEASE)) {
            throw new IllegalStateException(RESOURCE + " declares release " + book.release() + ", expected " + BUNDLED_RELEASE);
        }
        return book;
    }

    /**
     * Parses and validates a rules file.
     *
     * @param name used in error messages, e.g. the file name
     * @throws IllegalArgumentException naming {@code name:line} for the first problem found
     */
    public static RuleBook parse(String name, String text) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        return new Parser(name).parse(text);
    }

    /**
     * The rule with this id.
     *
     * @throws IllegalArgumentException for an id this release does not define
     */
    public Rule rule(String id) {
        Rule rule = rules.get(id);
        if (rule == null) {
            throw new IllegalArgumentException("no rule \"" + id + "\" in " + name + " (release " + release + ")");
        }
        return rule;
    }

    public boolean contains(String id) {
        return rules.containsKey(id);
    }

    /** All rules in file order. */
    public Collection<Rule> rules() {
        return rules.values();
    }

    /** The release this book declares, e.g. {@code 2026.09}. */
    public String release() {
        return release;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "RuleBook[" + name + ", release " + release + ", " + rules.size() + " rules]";
    }

    /** Line-oriented parser; keeps the line of every value so errors can point at it. */
    private static final class Parser {
        private final String name;
        private final Map<String, Rule> rules = new LinkedHashMap<>();
        private final Map<String, Integer> idLines = new LinkedHashMap<>();
        private String release;
        private int releaseLine;

        // Current block: values and their lines, indexed like KEYS; blockStart is 0 outside a block.
        private final String[] values = new String[KEYS.length];
        private final int[] lines = new int[KEYS.length];
        private int blockStart;

        Parser(String name) {
            this.name = name;
        }

        RuleBook parse(String text) {
            int lineNo = 0;
            int from = 0;
            while (from <= text.length()) {
                int nl = text.indexOf('\n', from);
                int to = nl < 0 ? text.length() : nl;
                lineNo++;
                String line = text.substring(from, to);
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                line(lineNo, line);
                if (nl < 0) {
                    break;
                }
                from = nl + 1;
            }
            endBlock();
            if (release == null) {
                throw error(1, "missing 'release:' header");
            }
            if (rules.isEmpty()) {
                throw error(lineNo, "no rules defined");
            }
            return new RuleBook(name, release, rules);
        }

        private void line(int lineNo, String line) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                endBlock();
                return;
            }
            if (trimmed.startsWith("#")) {
                return;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw error(lineNo, "expected 'key: value', found \"" + trimmed + "\"");
            }
            String key = trimmed.substring(0, colon).strip();
            String value = trimmed.substring(colon + 1).strip();
            if (key.equals("release")) {
                release(lineNo, value);
                return;
            }
            int k = indexOfKey(key);
            if (k < 0) {
                throw error(lineNo, "unknown key \"" + key + "\"; expected one of release, id, sqlstate, message, evidence");
            }
            if (blockStart == 0) {
                blockStart = lineNo;
            }
            if (values[k] != null) {
                throw error(lineNo, "duplicate key \"" + key + "\" in the rule starting at line " + blockStart
                        + " (is a blank line missing between two rules?)");
            }
            values[k] = value;
            lines[k] = lineNo;
        }

        private void release(int lineNo, String value) {
            if (release != null) {
                throw error(lineNo, "second 'release:' header (first at line " + releaseLine + ")");
            }
            if (blockStart != 0 || !rules.isEmpty()) {
                throw error(lineNo, "'release:' must come before the first rule");
            }
            if (!isRelease(value)) {
                throw error(lineNo, "release \"" + value + "\" is not of the form yyyy.mm");
            }
            release = value;
            releaseLine = lineNo;
        }

        private void endBlock() {
            if (blockStart == 0) {
                return;
            }
            for (int k = 0; k < KEYS.length; k++) {
                if (values[k] == null) {
                    throw error(blockStart, "rule starting here lacks \"" + KEYS[k] + ":\"");
                }
            }
            if (release == null) {
                throw error(blockStart, "'release:' header must come before the first rule");
            }
            String id = values[0];
            Integer earlier = idLines.get(id);
            if (earlier != null) {
                throw error(lines[0], "duplicate rule id \"" + id + "\" (first defined at line " + earlier + ")");
            }
            if (!Rule.isSqlState(values[1])) {
                throw error(lines[1], "SQLSTATE \"" + values[1] + "\" is not 5 characters of [0-9A-Z]");
            }
            for (int k = 0; k < KEYS.length; k++) {
                if (values[k].isEmpty()) {
                    throw error(lines[k], "empty \"" + KEYS[k] + ":\"");
                }
            }
            Rule rule;
            try {
                rule = new Rule(id, values[1], values[2], values[3]);
            } catch (IllegalArgumentException e) {
                // Only the id's spelling and the message's placeholders are left to fail here.
                int at = e.getMessage().startsWith("rule id") ? lines[0] : lines[2];
                throw error(at, e.getMessage());
            }
            rules.put(id, rule);
            idLines.put(id, lines[0]);
            Arrays.fill(values, null);
            Arrays.fill(lines, 0);
            blockStart = 0;
        }

        private static int indexOfKey(String key) {
            for (int k = 0; k < KEYS.length; k++) {
                if (KEYS[k].equals(key)) {
                    return k;
                }
            }
            return -1;
        }

        private static boolean isRelease(String v) {
            if (v.length() != 7 || v.charAt(4) != '.') {
                return false;
            }
            for (int i = 0; i < v.length(); i++) {
                if (i != 4 && (v.charAt(i) < '0' || v.charAt(i) > '9')) {
                    return false;
                }
            }
            return true;
        }

        private IllegalArgumentException error(int lineNo, String message) {
            return new IllegalArgumentException(name + ":" + lineNo + ": " + message);
        }
    }
}
