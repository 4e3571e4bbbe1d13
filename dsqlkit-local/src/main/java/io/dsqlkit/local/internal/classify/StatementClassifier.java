package io.dsqlkit.local.internal.classify;

import static io.dsqlkit.local.internal.classify.Syntax.at;
import static io.dsqlkit.local.internal.classify.Syntax.findTop;
import static io.dsqlkit.local.internal.classify.Syntax.isName;
import static io.dsqlkit.local.internal.classify.Syntax.kw;
import static io.dsqlkit.local.internal.classify.Syntax.kwIn;
import static io.dsqlkit.local.internal.classify.Syntax.kws;
import static io.dsqlkit.local.internal.classify.Syntax.punct;
import static io.dsqlkit.local.internal.classify.Syntax.word;

import io.dsqlkit.local.internal.classify.Syntax.Unparsable;
import io.dsqlkit.local.internal.rules.RuleBook;
import io.dsqlkit.local.internal.sql.SqlLexer.Kind;
import io.dsqlkit.local.internal.sql.SqlLexer.Token;
import io.dsqlkit.local.internal.sql.SqlStatements;
import io.dsqlkit.local.internal.sql.SqlStatements.StatementText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Decides, from one statement's tokens alone, what kind of statement it is and whether Aurora
 * DSQL refuses it, with the SQLSTATE and message DSQL sends. Stateless and thread-safe.
 *
 * <p>Never throws: a statement it cannot follow is {@link StatementKind#UNKNOWN} and unrefused, so
 * PostgreSQL answers it rather than a guess. Checks that need the catalog or the session are left
 * to the proxy, with the facts they need exposed on {@link Classification}.
 */
public final class StatementClassifier {

    private static final Set<String> QUERY_STARTS = Set.of("select", "values", "table", "with", "insert", "update",
            "delete", "merge");
    /** Parameters DSQL's SET allow-list is known to exclude (rule set_parameter's evidence). */
    private static final Set<String> REFUSED_PARAMETERS = Set.of("default_transaction_isolation",
            "transaction_isolation", "role", "session_authorization", "client_min_messages");
    /** Statements that are a syntax error without at least one more token. */
    private static final Set<String> NEED_OPERAND = Set.of("truncate", "savepoint", "release", "prepare", "listen",
            "notify", "load", "lock", "declare", "do", "create", "alter", "drop", "refresh", "import", "merge", "copy");
    /** Read-only settings DSQL dropped; SHOW answers them as unknown. */
    private static final Set<String> REMOVED_PARAMETERS = Set.of("lc_collate", "lc_ctype");

    private final RuleBook rules;

    /**
     * @throws IllegalArgumentException if the book lacks a rule the classifier refers to
     */
    public StatementClassifier(RuleBook rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        List<String> missing = new ArrayList<>();
        for (String id : RuleIds.all()) {
            if (!rules.contains(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(rules + " lacks rules " + missing);
        }
    }

    /** Classifies one statement as split by {@link SqlStatements#split}. */
    public Classification classify(StatementText statement) {
        if (statement == null || statement.tokens().isEmpty()) {
            return Classification.unknown();
        }
        for (Token t : statement.tokens()) {
            if (t.isMalformed()) {
                return Classification.unknown(); // PostgreSQL reports the lexical error
            }
        }
        Draft d = new Draft(rules, statement);
        try {
            dispatch(d, statement.tokens());
        } catch (Draft.Refused refused) {
            // The refusal is recorded on the draft.
        } catch (RuntimeException e) {
            // Unparsable, or a shape no recognizer anticipated: PostgreSQL answers it.
            return Classification.unknown();
        }
        return d.build();
    }

    /** Splits {@code sql} into statements and classifies each. */
    public List<Classification> classifyAll(String sql) {
        List<Classification> out = new ArrayList<>();
        for (StatementText st : SqlStatements.split(sql == null ? "" : sql)) {
            out.add(classify(st));
        }
        return out;
    }

    /**
     * A type name as PostgreSQL displays it, the way DSQL names types in refusals: aliases resolved
     * ({@code int4} and {@code int} to {@code integer}, {@code float8} to {@code double precision},
     * {@code timestamptz} to {@code timestamp with time zone}, {@code varbit} to
     * {@code bit varying}), {@code pg_catalog.} dropped, modifiers dropped, one {@code []} for any
     * array ({@code _int4} too). Other names come back as parsed (unquoted identifiers folded to
     * lower case); text that does not parse as a type name comes back unchanged.
     */
    public static String displayTypeName(String typeNameAsWritten) {
        return TypeNames.display(Objects.requireNonNull(typeNameAsWritten, "typeNameAsWritten"));
    }

    private static void dispatch(Draft d, List<Token> ts) {
        Token first = ts.get(0);
        if (first.isPunctuation("(")) {
            Queries.analyze(d, ts, 0, ts.size());
            return;
        }
        if (first.kind() != Kind.IDENTIFIER) {
            return;
        }
        String w = first.value();
        if (ts.size() == 1 && NEED_OPERAND.contains(w)) {
            return; // a bare keyword is PostgreSQL's syntax error, not a DSQL refusal
        }
        if (QUERY_STARTS.contains(w)) {
            Queries.analyze(d, ts, 0, ts.size());
            return;
        }
        switch (w) {
            case "explain":
                explain(d, ts);
                return;
            case "show":
                show(d, ts);
                return;
            case "begin":
            case "start":
                begin(d, ts);
                return;
            case "commit":
            case "end":
                transaction(d, TransactionCommand.COMMIT);
                if (kw(ts, 1, "prepared")) {
                    d.command = TransactionCommand.OTHER;
                    throw d.refuse(RuleIds.TRANSACTION_STATEMENT, "COMMIT PREPARED");
                }
                return;
            case "rollback":
            case "abort":
                rollback(d, ts);
                return;
            case "savepoint":
                transaction(d, TransactionCommand.SAVEPOINT);
                throw d.refuse(RuleIds.TRANSACTION_STATEMENT, "SAVEPOINT");
            case "release":
                transaction(d, TransactionCommand.RELEASE);
                throw d.refuse(RuleIds.TRANSACTION_STATEMENT, "RELEASE");
            case "prepare":
                if (kw(ts, 1, "transaction") && at(ts, 2) != null && at(ts, 2).kind() == Kind.STRING) {
                    transaction(d, TransactionCommand.OTHER);
                    throw d.refuse(RuleIds.TRANSACTION_STATEMENT, "PREPARE TRANSACTION");
                }
                d.kind = StatementKind.SESSION;
                throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "Prepare");
            case "set":
                set(d, ts);
                return;
            case "discard":
                d.kind = StatementKind.SESSION;
                if (kw(ts, 1, "all")) {
                    throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "Discard");
                }
                return;
            case "listen":
            case "notify":
            case "unlisten":
                d.kind = StatementKind.SESSION;
                throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, Character.toUpperCase(w.charAt(0)) + w.substring(1));
            case "load":
                d.kind = StatementKind.SESSION;
                throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "Load");
            case "lock":
                d.kind = StatementKind.SESSION;
                throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "Lock");
            case "vacuum":
                d.kind = StatementKind.SESSION;
                throw d.refuse(RuleIds.VACUUM);
            case "reset":
            case "deallocate":
            case "analyze":
            case "analyse":
            case "cluster":
            case "checkpoint":
            case "close":
                d.kind = StatementKind.SESSION;
                return;
            case "declare":
                d.kind = StatementKind.QUERY;
                throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "DeclareCursor");
            case "fetch":
            case "move":
                d.kind = StatementKind.QUERY;
                return;
            case "call":
                d.kind = StatementKind.CALL;
                return;
            case "do":
                d.kind = StatementKind.CALL;
                throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "Do");
            case "copy":
                copy(d, ts);
                return;
            case "truncate":
                d.kind = StatementKind.DML;
                throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "Truncate");
            case "create":
                Ddl.create(d, ts);
                return;
            case "alter":
                Ddl.alter(d, ts);
                return;
            case "drop":
                Ddl.drop(d, ts);
                return;
            case "refresh":
                d.kind = StatementKind.DDL;
                throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "RefreshMatView");
            case "import":
                d.kind = StatementKind.DDL;
                throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "ImportForeignSchema");
            case "grant":
                d.kind = StatementKind.DDL;
                grant(d, ts);
                return;
            case "comment":
            case "revoke":
            case "security":
            case "reassign":
            case "reindex":
            case "aws": // AWS IAM GRANT/REVOKE maps roles to IAM principals; the proxy answers it
                d.kind = StatementKind.DDL;
                return;
            default:
                // EXECUTE and anything unrecognised: the kind depends on what PostgreSQL finds.
        }
    }

    private static void transaction(Draft d, TransactionCommand command) {
        d.kind = StatementKind.TRANSACTION;
        d.command = command;
    }

    /**
     * EXPLAIN takes the kind of what it explains only with ANALYZE, which runs it; refusals of the
     * explained statement apply either way since DSQL checks them before planning.
     */
    private static void explain(Draft d, List<Token> ts) {
        int n = ts.size();
        int i = 1;
        boolean analyze = false;
        if (punct(ts, i, "(")) {
            int c = Syntax.requireClose(ts, i, n);
            for (int[] o : Syntax.splitCommas(ts, i + 1, c)) {
                if (kw(ts, o[0], "analyze") || kw(ts, o[0], "analyse")) {
                    analyze = o[1] - o[0] == 1 || !isFalse(at(ts, o[0] + 1));
                }
            }
            i = c + 1;
        } else {
            while (kw(ts, i, "analyze") || kw(ts, i, "analyse") || kw(ts, i, "verbose")) {
                analyze |= !kw(ts, i, "verbose");
                i++;
            }
        }
        String w = word(ts, i);
        boolean query = punct(ts, i, "(") || (w != null && QUERY_STARTS.contains(w));
        try {
            if (query) {
                Queries.analyze(d, ts, i, n);
            } else if ("create".equals(w) || "declare".equals(w) || "execute".equals(w)) {
                if ("declare".equals(w)) {
                    throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "DeclareCursor");
                }
                if ("create".equals(w) && findTop(ts, i, n, "as") >= 0) {
                    throw d.refuse(RuleIds.UNSUPPORTED_STATEMENT, "CreateTableAs");
                }
            } else {
                throw new Unparsable("EXPLAIN of an unexplainable statement");
            }
        } finally {
            boolean writes = d.kind == StatementKind.DML;
            d.kind = analyze && writes ? StatementKind.DML : StatementKind.QUERY;
            if (!analyze) {
                d.locksRows = false;
                d.rowLock = null;
            }
        }
    }

    private static boolean isFalse(Token t) {
        if (t == null) {
            return false;
        }
        String v = t.value().toLowerCase(Locale.ROOT);
        return v.equals("false") || v.equals("off") || v.equals("0") || v.equals("no");
    }

    private static void show(Draft d, List<Token> ts) {
        d.kind = StatementKind.QUERY;
        List<String> parts = new ArrayList<>(2);
        int end = Syntax.qualifiedName(ts, 1, ts.size(), parts);
        String name = String.join(".", parts);
        if (end == ts.size() && REMOVED_PARAMETERS.contains(name)) {
            throw d.refuse(RuleIds.SHOW_PARAMETER, name);
        }
    }

    private static void begin(Draft d, List<Token> ts) {
        transaction(d, TransactionCommand.BEGIN);
        int i = 1;
        if (kw(ts, 0, "start")) {
            Syntax.expect(kw(ts, 1, "transaction"), "TRANSACTION after START");
            i = 2;
        } else if (kw(ts, i, "work") || kw(ts, i, "transaction")) {
            i++;
        }
        isolation(d, ts, i);
    }

    /**
     * DSQL runs every transaction at REPEATABLE READ and refuses any other level by name, before
     * anything else about the statement.
     */
    private static void isolation(Draft d, List<Token> ts, int from) {
        int at = findTop(ts, from, ts.size(), "isolation");
        if (at < 0) {
            return;
        }
        Syntax.expect(kw(ts, at + 1, "level"), "LEVEL");
        int l = at + 2;
        String level;
        if (kw(ts, l, "serializable")) {
            level = "SERIALIZABLE";
        } else if (kws(ts, l, "repeatable", "read")) {
            return;
        } else if (kws(ts, l, "read", "committed")) {
            level = "READ COMMITTED";
        } else if (kws(ts, l, "read", "uncommitted")) {
            level = "READ UNCOMMITTED";
        } else {
            throw new Unparsable("unknown isolation level");
        }
        throw d.refuse(RuleIds.ISOLATION_LEVEL, level);
    }

    private static void rollback(Draft d, List<Token> ts) {
        transaction(d, TransactionCommand.ROLLBACK);
        if (kw(ts, 0, "rollback") && kw(ts, 1, "prepared")) {
            d.command = TransactionCommand.OTHER;
            throw d.refuse(RuleIds.TRANSACTION_STATEMENT, "ROLLBACK PREPARED");
        }
        int i = 1;
        if (kw(ts, i, "work") || kw(ts, i, "transaction")) {
            i++;
        }
        if (kw(ts, i, "to")) {
            d.command = TransactionCommand.ROLLBACK_TO;
            throw d.refuse(RuleIds.TRANSACTION_STATEMENT, "ROLLBACK TO");
        }
    }

    /**
     * DSQL allow-lists the parameters SET may change and names the refused one. SET TRANSACTION and
     * SET SESSION CHARACTERISTICS are refused too, an unsupported isolation level by name first.
     * Parameters not known to be refused reach PostgreSQL.
     */
    private static void set(Draft d, List<Token> ts) {
        d.kind = StatementKind.SESSION;
        int i = 1;
        if (kw(ts, i, "local") || (kw(ts, i, "session") && !kw(ts, i + 1, "characteristics")
                && !kw(ts, i + 1, "authorization"))) {
            i++;
        }
        if (kw(ts, i, "transaction")) {
            if (kw(ts, i + 1, "snapshot")) {
                throw d.refuse(RuleIds.SET_PARAMETER, "TRANSACTION SNAPSHOT");
            }
            isolation(d, ts, i + 1);
            throw d.refuse(RuleIds.SET_PARAMETER, "TRANSACTION");
        }
        if (kws(ts, i, "session", "characteristics")) {
            isolation(d, ts, i + 2);
            throw d.refuse(RuleIds.SET_PARAMETER, "SESSION CHARACTERISTICS");
        }
        // PostgreSQL names these forms after the parameter they set.
        if (kws(ts, i, "session", "authorization")) {
            throw d.refuse(RuleIds.SET_PARAMETER, "session_authorization");
        }
        if (kw(ts, i, "role")) {
            throw d.refuse(RuleIds.SET_PARAMETER, "role");
        }
        if (!isName(at(ts, i)) || kw(ts, i, "constraints")) {
            return;
        }
        List<String> parts = new ArrayList<>(2);
        int end = Syntax.qualifiedName(ts, i, ts.size(), parts);
        String name = String.join(".", parts);
        boolean assignment = kw(ts, end, "to") || (at(ts, end) != null && at(ts, end).isOperator("="));
        if (assignment && refusedParameter(name)) {
            throw d.refuse(RuleIds.SET_PARAMETER, name);
        }
    }

    /**
     * Parameters DSQL is known to refuse to set: the isolation settings, role switching,
     * client_min_messages and custom namespaced parameters (DSQL's own {@code dsql.*} excepted).
     */
    static boolean refusedParameter(String name) {
        if (REFUSED_PARAMETERS.contains(name)) {
            return true;
        }
        return name.indexOf('.') > 0 && !name.startsWith("dsql.");
    }

    /**
     * DSQL has one database, which no GRANT may name (UG unsupported-features); the other GRANT
     * forms reach PostgreSQL. A role grant has no ON.
     */
    private static void grant(Draft d, List<Token> ts) {
        int on = findTop(ts, 1, ts.size(), "on");
        // ON database TO r grants on a table called "database".
        if (on > 0 && kw(ts, on + 1, "database") && isName(at(ts, on + 2)) && !kw(ts, on + 2, "to")) {
            throw d.refuse(RuleIds.GRANT_OBJECT_TYPE);
        }
    }

    /** COPY FROM STDIN and COPY TO STDOUT only; server files and programs are refused. */
    private static void copy(Draft d, List<Token> ts) {
        int n = ts.size();
        int i = 1;
        boolean writesInQuery = false;
        if (punct(ts, i, "(")) {
            int c = Syntax.requireClose(ts, i, n);
            int h = i + 1;
            while (punct(ts, h, "(")) {
                h++;
            }
            writesInQuery = kwIn(ts, h, Set.of("insert", "update", "delete", "merge"));
            Queries.checkExpressions(d, ts, i + 1, c);
            i = c + 1;
        } else {
            if (kw(ts, i, "binary")) {
                i++;
            }
            i = Syntax.qualifiedName(ts, i, n, new ArrayList<>(2));
            if (punct(ts, i, "(")) {
                i = Syntax.requireClose(ts, i, n) + 1;
            }
        }
        boolean from = kw(ts, i, "from");
        Syntax.expect(from || kw(ts, i, "to"), "FROM or TO");
        d.kind = from || writesInQuery ? StatementKind.DML : StatementKind.QUERY;
        Token target = at(ts, i + 1);
        Syntax.expect(target != null, "a COPY source or target");
        if (kw(ts, i + 1, "program") || target.kind() == Kind.STRING) {
            throw d.refuse(RuleIds.COPY_FILE);
        }
    }
}
