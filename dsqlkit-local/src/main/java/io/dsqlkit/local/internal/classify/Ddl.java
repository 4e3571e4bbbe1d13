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
import io.dsqlkit.local.internal.classify.TypeNames.TypeRef;
import io.dsqlkit.local.internal.sql.SqlLexer.Kind;
import io.dsqlkit.local.internal.sql.SqlLexer.Token;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CREATE, ALTER and DROP: what DSQL refuses and what the proxy needs from accepted statements. */
final class Ddl {

    private static final int MAX_INDEX_KEYS = 8;
    private static final int MAX_TABLE_COLUMNS = 255;
    private static final BigInteger MIN_LARGE_CACHE = BigInteger.valueOf(65536);
    private static final BigInteger MAX_STATISTICS_TARGET = BigInteger.valueOf(100);

    private static final Set<String> TABLE_CONSTRAINT_START = Set.of("constraint", "check", "unique", "primary", "foreign",
            "exclude");
    private static final Set<String> COLUMN_CONSTRAINT_START = Set.of("constraint", "not", "null", "check", "default",
            "generated", "unique", "primary", "references", "deferrable", "initially");
    private static final Set<String> INDEX_ELEMENT_OPTIONS = Set.of("asc", "desc", "nulls");

    /** One-word CREATE targets DSQL refuses, by the parse node DSQL names in its message. */
    private static final Map<String, String> CREATE_NODES = Map.ofEntries(
            Map.entry("extension", "CreateExtension"),
            Map.entry("database", "Createdb"),
            Map.entry("tablespace", "CreateTableSpace"),
            Map.entry("server", "CreateForeignServer"),
            Map.entry("policy", "CreatePolicy"),
            Map.entry("rule", "Rule"),
            Map.entry("publication", "CreatePublication"),
            Map.entry("subscription", "CreateSubscription"),
            Map.entry("cast", "CreateCast"),
            Map.entry("transform", "CreateTransform"));

    /** ALTER of objects DSQL cannot create, by the parse node DSQL names when refusing them. */
    private static final Map<String, String> ALTER_NODES = Map.of(
            "extension", "AlterExtension",
            "policy", "AlterPolicy",
            "publication", "AlterPublication",
            "subscription", "AlterSubscription",
            "server", "AlterForeignServer",
            "tablespace", "AlterTableSpaceOptions");

    /** Objects DSQL cannot create; dropping them is refused like DROP TYPE. */
    private static final Set<String> DROP_UNSUPPORTED = Set.of("type", "extension", "policy", "rule", "publication",
            "server", "cast", "transform", "language");

    private Ddl() {
    }

    // ---- CREATE ------------------------------------------------------------------------------

    static void create(Draft d, List<Token> ts) {
        d.kind = StatementKind.DDL;
        int n = ts.size();
        int i = 1;
        if (kws(ts, i, "or", "replace")) {
            i += 2;
        }
        boolean temp = false;
        boolean unlogged = false;
        if ((kw(ts, i, "global") || kw(ts, i, "local")) && (kw(ts, i + 1, "temp") || kw(ts, i + 1, "temporary"))) {
            temp = true;
            i += 2;
        } else if (kw(ts, i, "temp") || kw(ts, i, "temporary")) {
            temp = true;
            i++;
        } else if (kw(ts, i, "unlogged")) {
            unlogged = true;
            i++;
        }
        String w = word(ts, i);
        if (w == null || i + 1 >= n) {
            throw new Unparsable("expected an object type and name after CREATE");
        }
        switch (w) {
            case "table":
                createTable(d, ts, i + 1, temp, unlogged);
                return;
            case "sequence":
                createSequence(d, ts, i + 1, temp, unlogged);
                return;
            case "view":
            case "recursive":
                if (temp) {
                    throw d.refuse(RuleIds.TEMPORARY_OBJECT, "view", "VIEW");
                }
                int as = findTop(ts, i, n, "as");
                if (as >= 0) {
                    // PostgreSQL analyses the view's query at CREATE VIEW, where DSQL's query checks apply.
                    Queries.checkExpressions(d, ts, as + 1, n);
                }
                return;
            case "unique":
            case "index":
                createIndex(d, ts, i);
                return;
            case "materialized":
                throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "CreateTableAs");
            case "function":
                createFunction(d, ts, i + 1, n);
                return;
            case "procedure":
                throw d.refuse(RuleIds.CREATE_PROCEDURE);
            case "trigger":
                throw d.refuse(RuleIds.CREATE_TRIGGER);
            case "constraint":
                if (kw(ts, i + 1, "trigger")) {
                    throw d.refuse(RuleIds.CREATE_TRIGGER);
                }
                return;
            case "type":
                createType(d, ts, i + 1, n);
                return;
            case "domain":
            case "schema":
            case "statistics":
            case "role":
            case "group":
                return;
            case "user":
                if (kw(ts, i + 1, "mapping")) {
                    throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "CreateUserMapping");
                }
                return;
            case "foreign":
                if (kw(ts, i + 1, "table")) {
                    throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "CreateForeignTable");
                }
                if (kws(ts, i + 1, "data", "wrapper")) {
                    throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "CreateFdw");
                }
                return;
            case "event":
                if (kw(ts, i + 1, "trigger")) {
                    throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "CreateEventTrig");
                }
                return;
            case "operator":
                if (kw(ts, i + 1, "class")) {
                    throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "CreateOpClass");
                }
                if (kw(ts, i + 1, "family")) {
                    throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "CreateOpFamily");
                }
                throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "Define");
            case "text":
            case "aggregate":
            case "collation":
                throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "Define");
            case "access":
                throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "CreateAm");
            case "default":
            case "conversion":
                throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "CreateConversion");
            case "trusted":
            case "procedural":
            case "language":
                throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "CreatePLang");
            default:
                String node = CREATE_NODES.get(w);
                if (node != null) {
                    throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, node);
                }
        }
    }

    private static void createTable(Draft d, List<Token> ts, int i, boolean temp, boolean unlogged) {
        int n = ts.size();
        if (kws(ts, i, "if", "not", "exists")) {
            i += 3;
        }
        List<String> name = new ArrayList<>(2);
        i = Syntax.qualifiedName(ts, i, n, name);
        if (findTop(ts, i, n, "as") >= 0) {
            throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "CreateTableAs");
        }
        if (temp) {
            throw d.refuse(RuleIds.TEMPORARY_OBJECT, "table", "TABLE");
        }
        if (unlogged) {
            throw d.refuse(RuleIds.UNLOGGED_OBJECT, "table", "TABLE");
        }
        if (kws(ts, i, "partition", "of")) {
            throw d.refuse(RuleIds.CREATE_TABLE_CLAUSE, "PARTITION OF clause");
        }
        if (kw(ts, i, "of")) {
            return; // a typed table needs a composite type, which cannot exist
        }
        int close = Syntax.requireClose(ts, i, n);
        tableClauses(d, ts, close + 1, n);
        int columns = 0;
        for (int[] e : Syntax.splitCommas(ts, i + 1, close)) {
            int a = e[0];
            int b = e[1];
            if (a >= b || kw(ts, a, "like")) {
                continue;
            }
            if (isTableConstraint(ts, a, b)) {
                tableConstraint(d, ts, a, b);
                continue;
            }
            columns++;
            ColumnDef c = ColumnDef.parse(ts, a, b);
            TypeNames.checkColumnType(d, c.type);
            identity(d, c);
            if (c.collate) {
                throw d.refuse(RuleIds.COLLATE);
            }
            if (c.compression) {
                throw d.refuse(RuleIds.CREATE_TABLE_CLAUSE, "COMPRESSION clause");
            }
        }
        if (columns > MAX_TABLE_COLUMNS) {
            throw d.refuse(RuleIds.TABLE_COLUMNS);
        }
    }

    private static boolean isTableConstraint(List<Token> ts, int a, int b) {
        if (kw(ts, a, "exclude")) {
            return kw(ts, a + 1, "using") || punct(ts, a + 1, "(");
        }
        return kwIn(ts, a, TABLE_CONSTRAINT_START);
    }

    /** Trailing CREATE TABLE clauses DSQL refuses, first one written wins. */
    private static void tableClauses(Draft d, List<Token> ts, int i, int n) {
        while (i < n) {
            if (kw(ts, i, "inherits")) {
                throw d.refuse(RuleIds.CREATE_TABLE_CLAUSE, "INHERITS clause");
            }
            if (kws(ts, i, "partition", "by")) {
                throw d.refuse(RuleIds.CREATE_TABLE_CLAUSE, "PARTITION BY clause");
            }
            if (kw(ts, i, "with") && punct(ts, i + 1, "(")) {
                throw d.refuse(RuleIds.CREATE_TABLE_CLAUSE, "WITH clause");
            }
            if (kws(ts, i, "on", "commit")) {
                throw d.refuse(RuleIds.CREATE_TABLE_CLAUSE, "ON COMMIT clause");
            }
            if (kw(ts, i, "tablespace")) {
                throw d.refuse(RuleIds.CREATE_TABLE_CLAUSE, "TABLESPACE clause");
            }
            i = skip(ts, i, n);
        }
    }

    /** PRIMARY KEY and UNIQUE table constraints build an index, limited to 8 key columns; no EXCLUDE. */
    private static void tableConstraint(Draft d, List<Token> ts, int a, int b) {
        int j = a;
        if (kw(ts, j, "constraint")) {
            j += 2;
        }
        if (kw(ts, j, "exclude")) {
            // DSQL's table constraints are CHECK, UNIQUE, PRIMARY KEY and FOREIGN KEY (UG
            // create-table-syntax-support); exclusion constraints are listed as unsupported.
            throw d.refuse(RuleIds.CREATE_TABLE_CLAUSE, "EXCLUDE constraint");
        }
        if (kw(ts, j, "primary")) {
            j += 2;
        } else if (kw(ts, j, "unique")) {
            j++;
            if (kws(ts, j, "nulls", "not", "distinct")) {
                j += 3;
            } else if (kws(ts, j, "nulls", "distinct")) {
                j += 2;
            }
        } else {
            return;
        }
        if (punct(ts, j, "(")) {
            int c = Syntax.requireClose(ts, j, b);
            if (Syntax.splitCommas(ts, j + 1, c).size() > MAX_INDEX_KEYS) {
                throw d.refuse(RuleIds.INDEX_KEY_COLUMNS);
            }
        }
    }

    /** Identity columns need CACHE 1 or CACHE of at least 65536, and type bigint. */
    private static void identity(Draft d, ColumnDef c) {
        if (!c.identity) {
            return;
        }
        if (!validCache(c.cache)) {
            throw d.refuse(RuleIds.IDENTITY_CACHE);
        }
        if (c.type.array || !c.type.base.equals("bigint")) {
            throw d.refuse(RuleIds.IDENTITY_TYPE, c.type.display());
        }
    }

    static boolean validCache(BigInteger cache) {
        return cache != null && (cache.equals(BigInteger.ONE) || cache.compareTo(MIN_LARGE_CACHE) >= 0);
    }

    /**
     * The value of {@code CACHE n} among the sequence options in {@code [from, to)}; null when absent
     * or not an integer literal. A negative value is returned as such.
     */
    static BigInteger cacheOption(List<Token> ts, int from, int to, boolean[] present) {
        for (int i = from; i < to; i = skip(ts, i, to)) {
            if (!kw(ts, i, "cache") || punct(ts, i - 1, ".")) {
                continue;
            }
            present[0] = true;
            int j = i + 1;
            boolean negative = false;
            Token sign = at(ts, j);
            if (sign != null && sign.kind() == Kind.OPERATOR && (sign.text().equals("-") || sign.text().equals("+"))) {
                negative = sign.text().equals("-");
                j++;
            }
            Token number = at(ts, j);
            if (number == null || number.kind() != Kind.NUMBER) {
                return null;
            }
            BigInteger v = Numbers.integer(number.text());
            return v == null ? null : negative ? v.negate() : v;
        }
        return null;
    }

    private static void createSequence(Draft d, List<Token> ts, int i, boolean temp, boolean unlogged) {
        int n = ts.size();
        if (kws(ts, i, "if", "not", "exists")) {
            i += 3;
        }
        i = Syntax.qualifiedName(ts, i, n, new ArrayList<>(2));
        if (temp) {
            throw d.refuse(RuleIds.TEMPORARY_OBJECT, "sequence", "SEQUENCE");
        }
        if (unlogged) {
            throw d.refuse(RuleIds.UNLOGGED_OBJECT, "sequence", "SEQUENCE");
        }
        if (!validCache(cacheOption(ts, i, n, new boolean[1]))) {
            throw d.refuse(RuleIds.SEQUENCE_CACHE);
        }
        checkSequenceType(d, ts, i, n);
    }

    /**
     * ALTER SEQUENCE: DSQL's grammar keeps CACHE to 1 or at least 65536, as at CREATE, but an ALTER
     * without CACHE keeps the sequence's cache and is fine. A CACHE that is not an integer literal is
     * PostgreSQL's syntax error to report.
     */
    private static void alterSequence(Draft d, List<Token> ts, int i) {
        int n = ts.size();
        if (kws(ts, i, "if", "exists")) {
            i += 2;
        }
        i = Syntax.qualifiedName(ts, i, n, new ArrayList<>(2));
        if (kw(ts, i, "rename") || kw(ts, i, "owner") || kws(ts, i, "set", "schema")) {
            return;
        }
        BigInteger cache = cacheOption(ts, i, n, new boolean[1]);
        if (cache != null && !validCache(cache)) {
            throw d.refuse(RuleIds.ALTER_SEQUENCE_CACHE);
        }
        checkSequenceType(d, ts, i, n);
    }

    /** {@code AS type} among the sequence options: DSQL's sequences are bigint only. */
    private static void checkSequenceType(Draft d, List<Token> ts, int from, int n) {
        int as = findTop(ts, from, n, "as");
        if (as >= 0) {
            TypeRef t = TypeNames.parse(ts, as + 1, n);
            if (t.array || !t.base.equals("bigint")) {
                throw d.refuse(RuleIds.SEQUENCE_TYPE, t.display());
            }
        }
    }

    private static void createType(Draft d, List<Token> ts, int i, int n) {
        i = Syntax.qualifiedName(ts, i, n, new ArrayList<>(2));
        if (kws(ts, i, "as", "enum")) {
            throw d.refuse(RuleIds.CREATE_TYPE);
        }
        if (kws(ts, i, "as", "range")) {
            throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "CreateRange");
        }
        if (kw(ts, i, "as") && punct(ts, i + 1, "(")) {
            throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "CompositeType");
        }
        // A base or shell type is PostgreSQL's generic DefineStmt.
        throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "Define");
    }

    /**
     * Only SQL-language functions: the LANGUAGE clause is searched among the options, which end
     * where a {@code BEGIN ATOMIC} or {@code RETURN} body starts.
     */
    private static void createFunction(Draft d, List<Token> ts, int i, int n) {
        for (int j = i; j < n; j = skip(ts, j, n)) {
            if (kws(ts, j, "begin", "atomic") || kw(ts, j, "return")) {
                return;
            }
            if (kw(ts, j, "language")) {
                Token lang = at(ts, j + 1);
                if (lang == null || !(isName(lang) || lang.kind() == Kind.STRING)) {
                    throw new Unparsable("expected a language name");
                }
                String value = lang.value();
                if (!value.equals("sql")) {
                    throw d.refuse(RuleIds.CREATE_FUNCTION_LANGUAGE, value);
                }
                return;
            }
        }
    }

    // ---- CREATE INDEX ------------------------------------------------------------------------

    private static void createIndex(Draft d, List<Token> ts, int i) {
        int n = ts.size();
        boolean unique = kw(ts, i, "unique");
        if (unique) {
            i++;
        }
        Syntax.expect(kw(ts, i, "index"), "INDEX");
        i++;
        Token async = null;
        boolean concurrently = false;
        if (kw(ts, i, "async")) {
            async = ts.get(i);
            i++;
        } else if (kw(ts, i, "concurrently")) {
            concurrently = true;
            i++;
        }
        boolean ifNotExists = kws(ts, i, "if", "not", "exists");
        if (ifNotExists) {
            i += 3;
        }
        String indexName = null;
        if (!kw(ts, i, "on")) {
            Syntax.expect(isName(at(ts, i)), "an index name");
            indexName = ts.get(i).value();
            i++;
            if (punct(ts, i, ".")) {
                // An index lives in its table's schema, so the grammar takes no qualified name.
                throw d.refuse(RuleIds.SYNTAX_ERROR, ".");
            }
        }
        if (async == null || concurrently) {
            throw d.refuse(RuleIds.CREATE_INDEX_SYNC);
        }
        Syntax.expect(kw(ts, i, "on"), "ON");
        i++;
        if (kw(ts, i, "only")) {
            i++;
        }
        List<String> table = new ArrayList<>(2);
        i = Syntax.qualifiedName(ts, i, n, table);
        if (kw(ts, i, "using")) {
            Syntax.expect(isName(at(ts, i + 1)), "an access method");
            String method = ts.get(i + 1).value();
            // The parse tree carries "btree" whether or not USING was written, so only other methods differ.
            if (!method.equals("btree")) {
                throw d.refuse(RuleIds.INDEX_METHOD);
            }
            i += 2;
        }
        int close = Syntax.requireClose(ts, i, n);
        List<int[]> keys = Syntax.splitCommas(ts, i + 1, close);
        if (keys.size() > MAX_INDEX_KEYS) {
            throw d.refuse(RuleIds.INDEX_KEY_COLUMNS);
        }
        for (int[] k : keys) {
            String opclass = operatorClass(ts, k[0], k[1]);
            if (opclass != null) {
                throw d.refuse(RuleIds.INDEX_OPCLASS, opclass);
            }
        }
        i = close + 1;
        if (kw(ts, i, "include")) {
            int c = Syntax.requireClose(ts, i + 1, n);
            for (int[] e : Syntax.splitCommas(ts, i + 2, c)) {
                if (e[1] - e[0] != 1 || !isName(ts.get(e[0]))) {
                    throw d.refuse(RuleIds.INDEX_INCLUDE_EXPRESSION);
                }
            }
        }
        QualifiedName t = QualifiedName.of(table);
        String sql = d.statement.sql();
        int base = d.statement.start();
        int asyncFrom = async.start() - base;
        int asyncTo = async.end() - base;
        int next = ts.get(ts.indexOf(async) + 1).start() - base;
        String concurrent = sql.substring(0, asyncFrom) + "CONCURRENTLY" + sql.substring(asyncTo);
        String blocking = sql.substring(0, asyncFrom) + sql.substring(next);
        String validation = sql.substring(0, asyncFrom) + withNoRows(ts, i, base, sql).substring(next);
        d.asyncIndex = new AsyncIndex(indexName, t.schema(), t.name(), unique, ifNotExists, concurrent, blocking,
                validation);
    }

    /**
     * The statement text with its index predicate made false ({@code WHERE false AND (pred)}, or
     * {@code WHERE false} added): built synchronously, such an index holds no rows, yet PostgreSQL
     * checks everything else about it (columns, expressions, the name). {@code from} is the first
     * token after the key list.
     */
    private static String withNoRows(List<Token> ts, int from, int base, String sql) {
        int n = ts.size();
        int last = punct(ts, n - 1, ";") ? n - 2 : n - 1;
        int depth = 0;
        for (int j = from; j <= last; j++) {
            if (punct(ts, j, "(")) {
                depth++;
            } else if (punct(ts, j, ")")) {
                depth--;
            } else if (depth == 0 && kw(ts, j, "where") && j < last) {
                int predicate = ts.get(j + 1).start() - base;
                int end = ts.get(last).end() - base;
                return sql.substring(0, predicate) + "false AND (" + sql.substring(predicate, end) + ")";
            }
        }
        return sql.substring(0, ts.get(last).end() - base) + " WHERE false";
    }

    /**
     * The operator class of an index element, or null: the element is a column, {@code (expr)} or a
     * function call, then optional COLLATE, operator class, ASC/DESC and NULLS FIRST/LAST.
     */
    private static String operatorClass(List<Token> ts, int a, int b) {
        int j = a;
        if (punct(ts, j, "(")) {
            j = Syntax.requireClose(ts, j, b) + 1;
        } else {
            j = Syntax.qualifiedName(ts, j, b, new ArrayList<>(2));
            if (punct(ts, j, "(")) {
                j = Syntax.requireClose(ts, j, b) + 1;
            }
        }
        if (kw(ts, j, "collate")) {
            j = Syntax.qualifiedName(ts, j + 1, b, new ArrayList<>(2));
        }
        if (j < b && isName(ts.get(j)) && !kwIn(ts, j, INDEX_ELEMENT_OPTIONS)) {
            List<String> parts = new ArrayList<>(2);
            Syntax.qualifiedName(ts, j, b, parts);
            return String.join(".", parts);
        }
        return null;
    }

    // ---- ALTER -------------------------------------------------------------------------------

    static void alter(Draft d, List<Token> ts) {
        d.kind = StatementKind.DDL;
        int n = ts.size();
        String w = word(ts, 1);
        if (w == null || n < 3) {
            throw new Unparsable("expected an object type and name after ALTER");
        }
        boolean rename = findTop(ts, 2, n, "rename") >= 0;
        switch (w) {
            case "table":
                AlterTables.alterTable(d, ts);
                return;
            case "sequence":
                alterSequence(d, ts, 2);
                return;
            case "type":
                if (rename && !kws(ts, findTop(ts, 2, n, "rename"), "rename", "value")) {
                    throw d.refuse(RuleIds.RENAME_OBJECT);
                }
                throw d.refuse(RuleIds.ALTER_TYPE);
            case "system":
                throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "AlterSystem");
            case "function":
                alterFunction(d, ts, 2, n);
                return;
            case "statistics":
                alterStatistics(d, ts, 2, n);
                return;
            case "event":
                if (kw(ts, 2, "trigger")) {
                    throw rename ? d.refuse(RuleIds.RENAME_OBJECT) : d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "AlterEventTrig");
                }
                return;
            case "foreign":
                if (kws(ts, 2, "data", "wrapper")) {
                    throw rename ? d.refuse(RuleIds.RENAME_OBJECT) : d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "AlterFdw");
                }
                return;
            case "user":
                if (kw(ts, 2, "mapping")) {
                    throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "AlterUserMapping");
                }
                return;
            case "text":
                if (kws(ts, 2, "search", "configuration")) {
                    throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "AlterTSConfiguration");
                }
                if (kws(ts, 2, "search", "dictionary")) {
                    throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "AlterTSDictionary");
                }
                return;
            default:
                String node = ALTER_NODES.get(w);
                if (node != null) {
                    throw rename && !w.equals("extension") ? d.refuse(RuleIds.RENAME_OBJECT)
                            : d.refuse(RuleIds.UNSUPPORTED_STATEMENT, node);
                }
        }
    }

    /**
     * ALTER FUNCTION: DSQL supports RENAME TO, OWNER TO and SET SCHEMA only (UG
     * alter-function-syntax-support); property changes are PostgreSQL's AlterFunctionStmt and
     * extension dependencies its AlterObjectDependsStmt, named as DSQL names refused statements.
     */
    private static void alterFunction(Draft d, List<Token> ts, int i, int n) {
        i = Syntax.qualifiedName(ts, i, n, new ArrayList<>(2));
        if (punct(ts, i, "(")) {
            i = Syntax.requireClose(ts, i, n) + 1;
        }
        Syntax.expect(i < n, "an ALTER FUNCTION action");
        if (kws(ts, i, "rename", "to") || kws(ts, i, "owner", "to") || kws(ts, i, "set", "schema")) {
            return;
        }
        if (kws(ts, i, "depends", "on") || kws(ts, i, "no", "depends", "on")) {
            throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "AlterObjectDepends");
        }
        throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "AlterFunction");
    }

    /** ALTER STATISTICS ... SET STATISTICS: DSQL caps the target at 100 (UG alter-statistics-syntax-support). */
    private static void alterStatistics(Draft d, List<Token> ts, int i, int n) {
        if (kws(ts, i, "if", "exists")) {
            i += 2;
        }
        i = Syntax.qualifiedName(ts, i, n, new ArrayList<>(2));
        if (!kws(ts, i, "set", "statistics")) {
            return;
        }
        Token number = at(ts, i + 2);
        if (number == null || number.kind() != Kind.NUMBER || i + 3 != n) {
            return; // a sign (a negative target) or anything else is PostgreSQL's to judge
        }
        BigInteger target = Numbers.integer(number.text());
        if (target != null && target.compareTo(MAX_STATISTICS_TARGET) > 0) {
            throw d.refuse(RuleIds.STATISTICS_TARGET, target.toString());
        }
    }

    // ---- DROP --------------------------------------------------------------------------------

    static void drop(Draft d, List<Token> ts) {
        d.kind = StatementKind.DDL;
        int n = ts.size();
        String w = word(ts, 1);
        if (w == null || n < 3) {
            throw new Unparsable("expected an object type and name after DROP");
        }
        switch (w) {
            case "table":
                dropTable(d, ts, 2, n);
                return;
            case "index":
                dropIndex(d, ts, 2, n);
                return;
            case "trigger":
                // DSQL has no triggers; it accepts DROP TRIGGER IF EXISTS so migration scripts run.
                d.noOp = kws(ts, 2, "if", "exists");
                return;
            case "database":
                throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "Dropdb");
            case "tablespace":
                throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "DropTableSpace");
            case "subscription":
                throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "DropSubscription");
            case "user":
                if (kw(ts, 2, "mapping")) {
                    throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "DropUserMapping");
                }
                return;
            case "materialized":
            case "procedural":
                throw d.refuse(RuleIds.DROP_OBJECT);
            case "foreign":
                if (kw(ts, 2, "table") || kws(ts, 2, "data", "wrapper")) {
                    throw d.refuse(RuleIds.DROP_OBJECT);
                }
                return;
            case "event":
                if (kw(ts, 2, "trigger")) {
                    throw d.refuse(RuleIds.DROP_OBJECT);
                }
                return;
            case "access":
                if (kw(ts, 2, "method")) {
                    throw d.refuse(RuleIds.DROP_OBJECT);
                }
                return;
            default:
                if (DROP_UNSUPPORTED.contains(w)) {
                    throw d.refuse(RuleIds.DROP_OBJECT);
                }
        }
    }

    /** The comma-separated names at {@code i} into {@code names}; returns the index after the last. */
    private static int nameList(List<Token> ts, int i, int n, List<QualifiedName> names) {
        while (true) {
            List<String> parts = new ArrayList<>(2);
            i = Syntax.qualifiedName(ts, i, n, parts);
            names.add(QualifiedName.of(parts));
            if (!punct(ts, i, ",")) {
                return i;
            }
            i++;
        }
    }

    /** {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}: the names. */
    private static void dropIndex(Draft d, List<Token> ts, int i, int n) {
        if (kw(ts, i, "concurrently")) {
            i++;
        }
        if (kws(ts, i, "if", "exists")) {
            i += 2;
        }
        List<QualifiedName> indexes = new ArrayList<>();
        i = nameList(ts, i, n, indexes);
        if (kw(ts, i, "cascade") || kw(ts, i, "restrict")) {
            i++;
        }
        Syntax.expect(i == n, "end of DROP INDEX");
        d.droppedIndexes = indexes;
    }

    private static void dropTable(Draft d, List<Token> ts, int i, int n) {
        boolean ifExists = kws(ts, i, "if", "exists");
        if (ifExists) {
            i += 2;
        }
        List<QualifiedName> tables = new ArrayList<>();
        i = nameList(ts, i, n, tables);
        boolean cascade = kw(ts, i, "cascade");
        if (cascade || kw(ts, i, "restrict")) {
            i++;
        }
        Syntax.expect(i == n, "end of DROP TABLE");
        d.dropTable = new DropTable(tables, ifExists, cascade);
    }

    /**
     * For {@code GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY} at {@code j}, the index after
     * IDENTITY (where the optional sequence options start); otherwise -1.
     */
    static int identityOptions(List<Token> ts, int j) {
        if (kws(ts, j, "generated", "always", "as", "identity")) {
            return j + 4;
        }
        if (kws(ts, j, "generated", "by", "default", "as", "identity")) {
            return j + 5;
        }
        return -1;
    }

    // ---- Column definitions --------------------------------------------------------------------

    /** A column definition of CREATE TABLE or ALTER TABLE ADD COLUMN. */
    static final class ColumnDef {
        String name;
        TypeRef type;
        boolean constraint;
        boolean collate;
        boolean compression;
        boolean identity;
        BigInteger cache;

        /** Parses {@code name type [options and constraints]} from exactly {@code [a, b)}. */
        static ColumnDef parse(List<Token> ts, int a, int b) {
            ColumnDef c = new ColumnDef();
            Syntax.expect(a < b && isName(ts.get(a)), "a column name");
            c.name = ts.get(a).value();
            c.type = TypeNames.parse(ts, a + 1, b);
            int j = c.type.end;
            while (j < b) {
                if (kw(ts, j, "storage")) {
                    j += 2;
                    continue;
                }
                if (kw(ts, j, "compression")) {
                    c.compression = true;
                    j += 2;
                    continue;
                }
                if (kw(ts, j, "collate")) {
                    c.collate = true;
                    j++;
                    continue;
                }
                if (kwIn(ts, j, COLUMN_CONSTRAINT_START)) {
                    c.constraint = true;
                }
                int id = identityOptions(ts, j);
                if (id >= 0) {
                    c.identity = true;
                    if (punct(ts, id, "(")) {
                        int close = Syntax.requireClose(ts, id, b);
                        c.cache = cacheOption(ts, id + 1, close, new boolean[1]);
                        j = close + 1;
                    } else {
                        j = id;
                    }
                    continue;
                }
                j = skip(ts, j, b);
            }
            return c;
        }
    }
}
