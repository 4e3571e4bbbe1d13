package io.dsqlkit.local.internal.occ;

import io.dsqlkit.local.internal.sql.SqlLexer;
import io.dsqlkit.local.internal.sql.SqlLexer.Token;

import java.util.List;
import java.util.Optional;

/**
 * What a write or locking statement would have answered on DSQL, computed from the transaction's
 * snapshot without touching locked rows: DSQL never blocks, so a statement that meets a conflicting
 * row still succeeds (and its transaction fails at COMMIT).
 *
 * <ul>
 *   <li>{@code UPDATE t SET … [FROM f] [WHERE w]} → {@code SELECT count(*) FROM t [, f] [WHERE w]}, tag {@code UPDATE n}</li>
 *   <li>{@code DELETE FROM t [USING u] [WHERE w]} → {@code SELECT count(*) FROM t [, u] [WHERE w]}, tag {@code DELETE n}</li>
 *   <li>{@code INSERT INTO t … VALUES (…), (…)} → the number of rows listed, tag {@code INSERT 0 n};
 *       {@code INSERT … SELECT …} → {@code SELECT count(*) FROM (SELECT …)}</li>
 *   <li>{@code SELECT … FOR UPDATE | FOR KEY SHARE} → the same query without its locking clause, its rows</li>
 * </ul>
 * Statements with {@code RETURNING}, {@code ON CONFLICT}, {@code WITH}, {@code WHERE CURRENT OF} have no
 * cheap equivalent; for them the conflict is reported at once instead (a documented divergence).
 *
 * <p>{@link #statement()} is the statement answered for: if its transaction commits before the ones
 * it met, it is run again for real at that COMMIT (on DSQL the first committer wins).
 */
public record SnapshotAnswer(Kind kind, String sql, String tagPrefix, long fixedCount, String statement) {

    public enum Kind {
        /** Run {@link #sql()}; its single value is the row count for the tag. */
        COUNT_QUERY,
        /** The count is known from the text: {@link #fixedCount()}. */
        FIXED_COUNT,
        /** Run {@link #sql()} and relay its rows as the statement's result. */
        ROWS
    }

    private SnapshotAnswer(Kind kind, String sql, String tagPrefix, long fixedCount) {
        this(kind, sql, tagPrefix, fixedCount, null);
    }

    /** The command tag for {@code count} affected rows. */
    public String tag(long count) {
        return tagPrefix + " " + count;
    }

    public static Optional<SnapshotAnswer> of(String statement) {
        return answerFor(statement).map(a -> new SnapshotAnswer(a.kind, a.sql, a.tagPrefix, a.fixedCount, statement));
    }

    private static Optional<SnapshotAnswer> answerFor(String statement) {
        List<Token> tokens = SqlLexer.tokenize(statement);
        if (tokens.isEmpty() || tokens.stream().anyMatch(Token::isMalformed)) {
            return Optional.empty();
        }
        if (indexOfTopLevel(tokens, 0, "returning") >= 0) {
            return Optional.empty();
        }
        Token first = tokens.get(0);
        if (first.isKeyword("update")) {
            return update(statement, tokens);
        }
        if (first.isKeyword("delete")) {
            return delete(statement, tokens);
        }
        if (first.isKeyword("insert")) {
            return insert(statement, tokens);
        }
        if (first.isKeyword("select")) {
            return lockingSelect(statement, tokens);
        }
        return Optional.empty();
    }

    private static Optional<SnapshotAnswer> update(String sql, List<Token> tokens) {
        int set = indexOfTopLevel(tokens, 1, "set");
        if (set < 2) {
            return Optional.empty();
        }
        int from = indexOfTopLevel(tokens, set, "from");
        int where = indexOfTopLevel(tokens, set, "where");
        if (where >= 0 && where + 1 < tokens.size() && tokens.get(where + 1).isKeyword("current")) {
            return Optional.empty();
        }
        String table = slice(sql, tokens, 1, set);
        String fromItems = from >= 0 ? slice(sql, tokens, from + 1, where >= 0 ? where : tokens.size()) : null;
        return Optional.of(countQuery(table, fromItems, where >= 0 ? slice(sql, tokens, where + 1, tokens.size()) : null,
                "UPDATE"));
    }

    private static Optional<SnapshotAnswer> delete(String sql, List<Token> tokens) {
        if (tokens.size() < 3 || !tokens.get(1).isKeyword("from")) {
            return Optional.empty();
        }
        int using = indexOfTopLevel(tokens, 2, "using");
        int where = indexOfTopLevel(tokens, 2, "where");
        if (where >= 0 && where + 1 < tokens.size() && tokens.get(where + 1).isKeyword("current")) {
            return Optional.empty();
        }
        int tableEnd = using >= 0 ? using : where >= 0 ? where : tokens.size();
        String table = slice(sql, tokens, 2, tableEnd);
        String usingItems = using >= 0 ? slice(sql, tokens, using + 1, where >= 0 ? where : tokens.size()) : null;
        return Optional.of(countQuery(table, usingItems, where >= 0 ? slice(sql, tokens, where + 1, tokens.size()) : null,
                "DELETE"));
    }

    private static SnapshotAnswer countQuery(String table, String moreItems, String where, String tag) {
        StringBuilder q = new StringBuilder("SELECT count(*) FROM ").append(table);
        if (moreItems != null) {
            q.append(", ").append(moreItems);
        }
        if (where != null) {
            q.append(" WHERE ").append(where);
        }
        return new SnapshotAnswer(Kind.COUNT_QUERY, q.toString(), tag, 0);
    }

    private static Optional<SnapshotAnswer> insert(String sql, List<Token> tokens) {
        if (indexOfTopLevel(tokens, 1, "on") >= 0 && indexOfTopLevel(tokens, 1, "conflict") >= 0) {
            return Optional.empty();
        }
        int values = indexOfTopLevel(tokens, 1, "values");
        if (values > 0 && tokens.get(values - 1).isKeyword("default")) {
            return Optional.of(new SnapshotAnswer(Kind.FIXED_COUNT, null, "INSERT 0", 1));
        }
        if (values >= 0) {
            long rows = 0;
            int depth = 0;
            for (int i = values + 1; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.isPunctuation("(")) {
                    if (depth == 0) {
                        rows++;
                    }
                    depth++;
                } else if (t.isPunctuation(")")) {
                    depth--;
                } else if (depth == 0 && !t.isPunctuation(",")) {
                    return Optional.empty(); // VALUES followed by ORDER BY/LIMIT etc.: not a plain list
                }
            }
            return Optional.of(new SnapshotAnswer(Kind.FIXED_COUNT, null, "INSERT 0", rows));
        }
        int select = indexOfTopLevel(tokens, 1, "select");
        if (select >= 0) {
            return Optional.of(new SnapshotAnswer(Kind.COUNT_QUERY,
                    "SELECT count(*) FROM (" + slice(sql, tokens, select, tokens.size()) + ") dsql_local_source",
                    "INSERT 0", 0));
        }
        return Optional.empty();
    }

    private static Optional<SnapshotAnswer> lockingSelect(String sql, List<Token> tokens) {
        int lockAt = -1;
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isPunctuation("(") || t.isPunctuation("[")) {
                depth++;
            } else if (t.isPunctuation(")") || t.isPunctuation("]")) {
                depth--;
            } else if (depth == 0 && t.isKeyword("for") && i + 1 < tokens.size()
                    && (tokens.get(i + 1).isKeyword("update") || tokens.get(i + 1).isKeyword("key")
                    || tokens.get(i + 1).isKeyword("share") || tokens.get(i + 1).isKeyword("no"))) {
                lockAt = i;
                break;
            }
        }
        if (lockAt < 0) {
            return Optional.empty();
        }
        // The locking clause runs to the end, or to a LIMIT/OFFSET/FETCH written after it.
        int resume = tokens.size();
        for (int i = lockAt + 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isKeyword("limit") || t.isKeyword("offset") || t.isKeyword("fetch")) {
                resume = i;
                break;
            }
        }
        String before = slice(sql, tokens, 0, lockAt);
        String after = resume < tokens.size() ? " " + slice(sql, tokens, resume, tokens.size()) : "";
        return Optional.of(new SnapshotAnswer(Kind.ROWS, before + after, "SELECT", 0));
    }

    private static int indexOfTopLevel(List<Token> tokens, int from, String keyword) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isPunctuation("(") || t.isPunctuation("[")) {
                depth++;
            } else if (t.isPunctuation(")") || t.isPunctuation("]")) {
                depth--;
            } else if (i >= from && depth == 0 && t.isKeyword(keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** Source text from token {@code from} (inclusive) to token {@code to} (exclusive). */
    private static String slice(String sql, List<Token> tokens, int from, int to) {
        if (from >= to) {
            return "";
        }
        int end = tokens.get(to - 1).end();
        if (tokens.get(to - 1).isPunctuation(";")) {
            end = to - 2 >= from ? tokens.get(to - 2).end() : tokens.get(from).start();
        }
        return sql.substring(tokens.get(from).start(), end).trim();
    }
}
