package io.dsqlkit.local.internal.classify;

import static io.dsqlkit.local.internal.classify.Syntax.at;
import static io.dsqlkit.local.internal.classify.Syntax.findTop;
import static io.dsqlkit.local.internal.classify.Syntax.isName;
import static io.dsqlkit.local.internal.classify.Syntax.kw;
import static io.dsqlkit.local.internal.classify.Syntax.kwIn;
import static io.dsqlkit.local.internal.classify.Syntax.kws;
import static io.dsqlkit.local.internal.classify.Syntax.punct;
import static io.dsqlkit.local.internal.classify.Syntax.skip;
import static io.dsqlkit.local.internal.classify.Syntax.word;

import io.dsqlkit.local.internal.classify.Syntax.Unparsable;
import io.dsqlkit.local.internal.sql.SqlLexer.Kind;
import io.dsqlkit.local.internal.sql.SqlLexer.Token;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SELECT, VALUES, TABLE, INSERT, UPDATE, DELETE and MERGE, with or without WITH: the statement
 * kind and the refusals DSQL makes from the query text (MERGE, SELECT INTO, TABLESAMPLE, locking
 * clauses, text search configurations, geometric types).
 */
final class Queries {

    private static final Set<String> READS = Set.of("select", "values", "table");
    private static final Set<String> WRITES = Set.of("insert", "update", "delete");
    private static final Set<String> SET_OPERATIONS = Set.of("union", "intersect", "except");
    private static final Set<String> FROM_END = Set.of("where", "group", "having", "window", "order", "limit", "offset",
            "fetch", "for", "union", "intersect", "except");
    private static final Set<String> WHERE_END = Set.of("group", "having", "window", "order", "limit", "offset", "fetch",
            "for", "union", "intersect", "except");
    private static final Set<String> TEXT_SEARCH_FUNCTIONS = Set.of("to_tsvector", "to_tsquery", "plainto_tsquery",
            "phraseto_tsquery", "websearch_to_tsquery", "json_to_tsvector", "jsonb_to_tsvector");
    /** The only text search configuration DSQL has. */
    private static final Set<String> SIMPLE_CONFIG = Set.of("simple", "pg_catalog.simple");
    private static final Set<String> COMPARISONS = Set.of("=", "<", ">", "<=", ">=", "<>");
    /** Keywords binding looser than {@code =} or changing its meaning inside one conjunct. */
    private static final Set<String> NOT_PLAIN_EQUALITY = Set.of("is", "isnull", "notnull", "not", "like", "ilike",
            "similar", "in", "between", "overlaps");
    /** Words that read like column names but are values. */
    private static final Set<String> VALUE_WORDS = Set.of("true", "false", "null", "default", "current_date",
            "current_time", "current_timestamp", "localtime", "localtimestamp", "current_user", "session_user", "user",
            "current_role", "current_catalog", "current_schema");
    /** Words after which a type-named word is a relation or alias, not a cast. */
    private static final Set<String> NAMES_A_RELATION = Set.of("as", "into", "update", "only", "table");

    private Queries() {
    }

    /** Classifies the query statement in {@code [from, to)}. */
    static void analyze(Draft d, List<Token> ts, int from, int to) {
        int main = from;
        boolean modifyingCte = false;
        if (kw(ts, from, "with")) {
            boolean[] modifying = new boolean[1];
            main = skipWith(ts, from, to, modifying);
            modifyingCte = modifying[0];
        }
        int head = main;
        while (punct(ts, head, "(")) {
            head++;
        }
        String w = word(ts, head);
        if (w == null) {
            throw new Unparsable("expected a query");
        }
        if (READS.contains(w)) {
            d.kind = modifyingCte ? StatementKind.DML : StatementKind.QUERY;
        } else if (WRITES.contains(w)) {
            d.kind = StatementKind.DML;
        } else if (w.equals("merge")) {
            d.kind = StatementKind.DML;
            throw d.refuse(RuleIds.MERGE);
        } else {
            throw new Unparsable("expected a query, found " + w);
        }
        boolean select = w.equals("select") && head == main;
        if (select && findTop(ts, main, to, "into") >= 0) {
            // SELECT INTO creates a table: PostgreSQL turns it into CREATE TABLE AS.
            d.kind = StatementKind.DDL;
            throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "CreateTableAs");
        }
        tablesample(d, ts, from, to);
        d.locksRows = lockStrengths(d, ts, from, to);
        String lock = d.locksRows ? topLevelLock(ts, main, to) : null;
        if (select && lock != null) {
            lockedTable(d, ts, main, to, lock);
        }
        functions(d, ts, from, to);
    }

    /**
     * The checks DSQL applies to any query text, for queries embedded in other statements (a
     * view's definition, COPY's query); leaves the kind and row-lock facts alone.
     */
    static void checkExpressions(Draft d, List<Token> ts, int from, int to) {
        tablesample(d, ts, from, to);
        lockStrengths(d, ts, from, to);
        functions(d, ts, from, to);
    }

    /**
     * Skips {@code WITH [RECURSIVE] name [(cols)] AS [[NOT] MATERIALIZED] (body) [SEARCH ...]
     * [CYCLE ...], ...} and returns the index of the main statement.
     */
    private static int skipWith(List<Token> ts, int from, int to, boolean[] modifying) {
        int i = from + 1;
        if (kw(ts, i, "recursive")) {
            i++;
        }
        while (true) {
            Syntax.expect(i < to && isName(at(ts, i)), "a WITH query name");
            i++;
            if (punct(ts, i, "(")) {
                i = Syntax.requireClose(ts, i, to) + 1;
            }
            Syntax.expect(kw(ts, i, "as"), "AS");
            i++;
            if (kws(ts, i, "not", "materialized")) {
                i += 2;
            } else if (kw(ts, i, "materialized")) {
                i++;
            }
            int c = Syntax.requireClose(ts, i, to);
            int h = i + 1;
            while (punct(ts, h, "(")) {
                h++;
            }
            if (kwIn(ts, h, WRITES)) {
                modifying[0] = true;
            }
            i = c + 1;
            if (kw(ts, i, "search")) {
                int set = findTop(ts, i, to, "set");
                Syntax.expect(set >= 0, "SET in SEARCH");
                i = set + 2;
            }
            if (kw(ts, i, "cycle")) {
                int using = findTop(ts, i, to, "using");
                Syntax.expect(using >= 0, "USING in CYCLE");
                i = using + 2;
            }
            if (!punct(ts, i, ",")) {
                return i;
            }
            i++;
        }
    }

    private static void tablesample(Draft d, List<Token> ts, int from, int to) {
        for (int i = from; i < to; i++) {
            if (kw(ts, i, "tablesample") && !punct(ts, i - 1, ".") && !kw(ts, i - 1, "as") && isName(at(ts, i + 1))) {
                throw d.refuse(RuleIds.TABLESAMPLE);
            }
        }
    }

    /** Refuses locking strengths DSQL lacks; true when the text holds any locking clause. */
    private static boolean lockStrengths(Draft d, List<Token> ts, int from, int to) {
        boolean any = false;
        for (int i = from; i < to; i++) {
            if (!kw(ts, i, "for")) {
                continue;
            }
            if (kws(ts, i + 1, "update") || kws(ts, i + 1, "key", "share")) {
                any = true;
            } else if (kws(ts, i + 1, "share") || kws(ts, i + 1, "no", "key", "update")) {
                d.locksRows = true;
                throw d.refuse(RuleIds.LOCKING_STRENGTH);
            }
        }
        return any;
    }

    /** Strength of the first locking clause at the top level of the statement starting at {@code main}, or null. */
    private static String topLevelLock(List<Token> ts, int main, int to) {
        for (int i = main; i < to; i = skip(ts, i, to)) {
            if (kw(ts, i, "for")) {
                if (kws(ts, i + 1, "update")) {
                    return "UPDATE";
                }
                if (kws(ts, i + 1, "key", "share")) {
                    return "KEY SHARE";
                }
            }
        }
        return null;
    }

    /**
     * DSQL locks rows of a single table only: a top-level locking clause over joins, several FROM
     * items or a subquery source is refused. A single table is recorded for the key check.
     */
    private static void lockedTable(Draft d, List<Token> ts, int main, int to, String strength) {
        if (findTop(ts, main, to, SET_OPERATIONS) >= 0) {
            return; // PostgreSQL refuses locking with set operations itself
        }
        int fromAt = -1;
        for (int i = main + 1; i < to; i = skip(ts, i, to)) {
            if (kw(ts, i, "from") && !kw(ts, i - 1, "distinct")) {
                fromAt = i;
                break;
            }
        }
        if (fromAt < 0) {
            return;
        }
        int fromEnd = findTop(ts, fromAt + 1, to, FROM_END);
        if (fromEnd < 0) {
            fromEnd = to;
        }
        List<int[]> items = Syntax.splitCommas(ts, fromAt + 1, fromEnd);
        if (items.size() > 1) {
            throw d.refuse(RuleIds.LOCKING_SINGLE_TABLE);
        }
        int a = items.get(0)[0];
        int b = items.get(0)[1];
        if (a >= b) {
            return;
        }
        if (findTop(ts, a, b, "join") >= 0 || kw(ts, a, "lateral") || punct(ts, a, "(")) {
            throw d.refuse(RuleIds.LOCKING_SINGLE_TABLE);
        }
        int j = a;
        if (kw(ts, j, "only")) {
            j++;
        }
        if (kws(ts, j, "rows", "from")) {
            return; // a function source locks nothing
        }
        List<String> parts = new ArrayList<>(2);
        j = Syntax.qualifiedName(ts, j, b, parts);
        if (punct(ts, j, "(")) {
            return;
        }
        Token star = at(ts, j);
        if (j < b && star.kind() == Kind.OPERATOR && star.text().equals("*")) {
            j++;
        }
        if (kw(ts, j, "as")) {
            j++;
        }
        String alias = j < b && isName(at(ts, j)) ? at(ts, j).value() : null;
        QualifiedName table = QualifiedName.of(parts);
        Set<String> columns = Set.of();
        if (kw(ts, fromEnd, "where")) {
            int whereEnd = findTop(ts, fromEnd + 1, to, WHERE_END);
            columns = equalityColumns(ts, fromEnd + 1, whereEnd < 0 ? to : whereEnd, table.name(), alias);
        }
        d.rowLock = new RowLock(strength, table.schema(), table.name(), alias, columns);
    }

    /** Columns of the locked table compared by {@code =} in top-level AND-ed conjuncts of {@code [from, to)}. */
    static Set<String> equalityColumns(List<Token> ts, int from, int to, String table, String alias) {
        Set<String> columns = new LinkedHashSet<>();
        Deque<int[]> work = new ArrayDeque<>();
        work.push(new int[] {from, to});
        // Nested parentheses make each level rescan its range; the budget keeps hostile nesting
        // linear, and a WHERE clause that exhausts it simply pins fewer columns.
        long budget = 64L * (to - from) + 4096;
        while (!work.isEmpty() && budget > 0) {
            int[] r = work.pop();
            int a = r[0];
            int b = r[1];
            budget -= b - a;
            while (a < b && punct(ts, a, "(") && Syntax.close(ts, a, b) == b - 1 && budget > 0) {
                budget -= b - a;
                a++;
                b--;
            }
            if (a >= b || findTop(ts, a, b, "or") >= 0) {
                continue; // a disjunction pins nothing
            }
            List<int[]> conjuncts = splitAnd(ts, a, b);
            if (conjuncts.size() > 1) {
                conjuncts.forEach(work::push);
                continue;
            }
            String column = equalityColumn(ts, a, b, table, alias);
            if (column != null) {
                columns.add(column);
            }
        }
        return columns;
    }

    /** Splits at top-level AND, leaving the AND of {@code BETWEEN x AND y} alone. */
    private static List<int[]> splitAnd(List<Token> ts, int from, int to) {
        List<int[]> parts = new ArrayList<>();
        int start = from;
        boolean between = false;
        for (int i = from; i < to; i = skip(ts, i, to)) {
            if (kw(ts, i, "between")) {
                between = true;
            } else if (kw(ts, i, "and")) {
                if (between) {
                    between = false;
                } else {
                    parts.add(new int[] {start, i});
                    start = i + 1;
                }
            }
        }
        parts.add(new int[] {start, to});
        return parts;
    }

    /** The column of a conjunct {@code column = expr} or {@code expr = column}, or null. */
    private static String equalityColumn(List<Token> ts, int from, int to, String table, String alias) {
        int eq = -1;
        for (int i = from; i < to; i = skip(ts, i, to)) {
            Token t = ts.get(i);
            if (t.kind() == Kind.OPERATOR && COMPARISONS.contains(t.value())) {
                if (!t.value().equals("=") || eq >= 0) {
                    return null;
                }
                eq = i;
            } else if (kwIn(ts, i, NOT_PLAIN_EQUALITY)) {
                return null;
            }
        }
        if (eq < 0) {
            return null;
        }
        String left = columnRef(ts, from, eq, table, alias);
        String right = columnRef(ts, eq + 1, to, table, alias);
        boolean quantified = kwIn(ts, eq + 1, Set.of("any", "some", "all")) && punct(ts, eq + 2, "(");
        if (left != null && right == null && !quantified) {
            return left;
        }
        if (right != null && left == null) {
            return right;
        }
        return null;
    }

    /** The column named by exactly {@code [from, to)} if it is a column of the locked table. */
    private static String columnRef(List<Token> ts, int from, int to, String table, String alias) {
        List<String> parts = new ArrayList<>(3);
        int i = from;
        while (i < to && isName(at(ts, i))) {
            parts.add(ts.get(i).value());
            i++;
            if (i < to && punct(ts, i, ".")) {
                i++;
            } else {
                break;
            }
        }
        if (i != to || parts.isEmpty() || parts.size() > 3) {
            return null;
        }
        Token last = ts.get(to - 1);
        if (last.kind() == Kind.IDENTIFIER && VALUE_WORDS.contains(last.value())) {
            return null;
        }
        if (parts.size() >= 2) {
            String qualifier = parts.get(parts.size() - 2);
            if (!qualifier.equals(alias != null ? alias : table)) {
                return null;
            }
        }
        return parts.get(parts.size() - 1);
    }

    /**
     * Expressions DSQL cannot evaluate: text search with a configuration other than {@code simple},
     * values of geometric types (function-style cast, typed literal or {@code ::}), and
     * {@code set_config} of a parameter SET may not change.
     */
    private static void functions(Draft d, List<Token> ts, int from, int to) {
        for (int i = from; i < to; i++) {
            Token t = ts.get(i);
            if (t.kind() == Kind.IDENTIFIER && callable(ts, i)) {
                String w = t.value();
                Token literal = punct(ts, i + 1, "(") ? at(ts, i + 2) : null;
                boolean firstOfSeveral = literal != null && literal.kind() == Kind.STRING
                        && (punct(ts, i + 3, ",") || punct(ts, i + 3, "::"));
                if (firstOfSeveral && TEXT_SEARCH_FUNCTIONS.contains(w) && !SIMPLE_CONFIG.contains(literal.value())) {
                    throw d.refuse(RuleIds.TEXT_SEARCH_CONFIG, literal.value());
                }
                if (firstOfSeveral && w.equals("set_config")
                        && StatementClassifier.refusedParameter(literal.value().toLowerCase(Locale.ROOT))) {
                    // set_config() goes through the same allow-list as SET.
                    throw d.refuse(RuleIds.SET_PARAMETER, literal.value().toLowerCase(Locale.ROOT));
                }
                Token next = at(ts, i + 1);
                if (TypeNames.GEOMETRIC.contains(w) && next != null
                        && (next.isPunctuation("(") || next.kind() == Kind.STRING)) {
                    throw d.refuse(RuleIds.DATATYPE, w);
                }
            } else if (t.isPunctuation("::")) {
                int j = i + 1;
                if (kw(ts, j, "pg_catalog") && punct(ts, j + 1, ".")) {
                    j += 2;
                }
                String w = word(ts, j);
                if (w != null && TypeNames.GEOMETRIC.contains(w)) {
                    throw d.refuse(RuleIds.DATATYPE, w + (punct(ts, j + 1, "[") ? "[]" : ""));
                }
            }
        }
    }

    /** Whether the word at {@code i} is in a position to name a function or type rather than a relation. */
    private static boolean callable(List<Token> ts, int i) {
        if (punct(ts, i - 1, ".")) {
            return kw(ts, i - 2, "pg_catalog");
        }
        return !kwIn(ts, i - 1, NAMES_A_RELATION) && !punct(ts, i - 1, "::");
    }
}
