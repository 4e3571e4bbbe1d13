package io.dsqlkit.local.internal.server;

import io.dsqlkit.local.internal.wire.Frame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Presents DSQL's identity in result rows where the backing PostgreSQL would reveal its own:
 * {@code version()} answers {@code PostgreSQL 16} (DSQL-FACTS §3) and, for clusters stored in a
 * database of another name, {@code current_database()} and the catalog columns answer {@code postgres}.
 *
 * <p>Only rows of statements that mention one of the trigger words are examined, and only column
 * values that are exactly the backing server's text are replaced; every other row is relayed
 * unread. The trigger check is a byte scan of the statement text, so statements that cannot be
 * affected never cost a decode; a false trigger (the word inside a string literal) costs only a
 * scan of that statement's rows, since values are matched exactly.
 */
final class IdentityRewriter {
    /** A replacement: values equal to {@code from} become {@code to} in statements mentioning a trigger. */
    record Replacement(List<String> triggers, String from, String to) {
    }

    private final byte[][] triggers;
    private final Map<ByteKey, byte[]> replacements = new LinkedHashMap<>();
    /** Named prepared statements that trigger, so a later Bind of them rewrites too. */
    private final Set<String> statements = new HashSet<>();
    private boolean active;

    IdentityRewriter(List<Replacement> rules) {
        Set<String> words = new HashSet<>();
        for (Replacement rule : rules) {
            rule.triggers().forEach(w -> words.add(w.toLowerCase(java.util.Locale.ROOT)));
            replacements.put(new ByteKey(rule.from().getBytes(StandardCharsets.UTF_8)),
                    rule.to().getBytes(StandardCharsets.UTF_8));
        }
        this.triggers = words.stream().map(w -> w.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    }

    void onSimpleQuery(Frame query) {
        if (mentionsTrigger(query.payload(), 0)) {
            active = true;
        }
    }

    void onParse(Frame parse) {
        String name = parse.cString(0);
        if (mentionsTrigger(parse.payload(), parse.afterCString(0))) {
            active = true;
            if (!name.isEmpty()) {
                statements.add(name);
            }
        } else if (!statements.isEmpty()) {
            statements.remove(name);
        }
    }

    boolean watchesStatements() {
        return !statements.isEmpty();
    }

    void onBind(Frame bind) {
        if (statements.contains(bind.cString(bind.afterCString(0)))) {
            active = true;
        }
    }

    boolean active() {
        return active;
    }

    void onCycleEnd() {
        active = false;
    }

    /** DataRow: int16 column count, then per column int32 length (-1 = NULL) and the bytes. */
    Frame rewriteDataRow(Frame row) {
        byte[] p = row.payload();
        int columns = row.int16(0);
        ByteArrayOutputStream out = null;
        int pos = 2;
        for (int i = 0; i < columns && pos + 4 <= p.length; i++) {
            int columnStart = pos;
            int len = row.int32(pos);
            pos += 4;
            byte[] replacement = len > 0 ? replacements.get(new ByteKey(p, pos, len)) : null;
            if (replacement != null && out == null) {
                out = new ByteArrayOutputStream(p.length);
                out.write(p, 0, columnStart);
            }
            if (out != null) {
                if (replacement != null) {
                    writeInt(out, replacement.length);
                    out.write(replacement, 0, replacement.length);
                } else {
                    out.write(p, columnStart, 4 + Math.max(len, 0));
                }
            }
            pos += Math.max(len, 0);
        }
        return out == null ? row : new Frame(row.type(), out.toByteArray());
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    /** Case-insensitive ASCII search for any trigger word from {@code from}. */
    boolean mentionsTrigger(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            int first = lower(bytes[i]);
            for (byte[] word : triggers) {
                if (word[0] == first && matchesAt(bytes, i, word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesAt(byte[] bytes, int offset, byte[] word) {
        if (offset + word.length > bytes.length) {
            return false;
        }
        for (int j = 1; j < word.length; j++) {
            if (lower(bytes[offset + j]) != word[j]) {
                return false;
            }
        }
        return true;
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    /** A byte range usable as a hash key without copying the row. */
    private static final class ByteKey {
        private final byte[] bytes;
        private final int offset;
        private final int length;
        private final int hash;

        ByteKey(byte[] bytes) {
            this(bytes, 0, bytes.length);
        }

        ByteKey(byte[] bytes, int offset, int length) {
            this.bytes = bytes;
            this.offset = offset;
            this.length = length;
            int h = 1;
            for (int i = offset; i < offset + length; i++) {
                h = 31 * h + bytes[i];
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof ByteKey other) || other.length != length || other.hash != hash) {
                return false;
            }
            return java.util.Arrays.equals(bytes, offset, offset + length, other.bytes, other.offset, other.offset + length);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
