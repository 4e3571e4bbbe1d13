package io.dsqlkit.local.internal.classify;

import static io.dsqlkit.local.internal.classify.Syntax.at;
import static io.dsqlkit.local.internal.classify.Syntax.findTopSequence;
import static io.dsqlkit.local.internal.classify.Syntax.isName;
import static io.dsqlkit.local.internal.classify.Syntax.kw;
import static io.dsqlkit.local.internal.classify.Syntax.kwIn;
import static io.dsqlkit.local.internal.classify.Syntax.kws;
import static io.dsqlkit.local.internal.classify.Syntax.punct;
import static io.dsqlkit.local.internal.classify.Syntax.word;

import io.dsqlkit.local.internal.classify.Ddl.ColumnDef;
import io.dsqlkit.local.internal.classify.Syntax.Unparsable;
import io.dsqlkit.local.internal.sql.SqlLexer.Kind;
import io.dsqlkit.local.internal.sql.SqlLexer.Token;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ALTER TABLE: each comma-separated action is checked against DSQL's ALTER TABLE support
 * (DSQL-FACTS §9). Refused actions are named as PostgreSQL 16 names ALTER TABLE subcommands in
 * messages ("ALTER COLUMN ... SET DATA TYPE"), which is the wording DSQL's recorded refusals use.
 */
final class AlterTables {

    /** Words after ALTER COLUMN ... SET that are not identity sequence options. */
    private static final Set<String> COLUMN_SETTINGS = Set.of("default", "not", "data", "storage", "statistics",
            "compression");

    private AlterTables() {
    }

    static void alterTable(Draft d, List<Token> ts) {
        int n = ts.size();
        int i = 2;
        Token async = null;
        if (kw(ts, i, "async")) {
            async = ts.get(i);
            i++;
        }
        boolean ifExists = kws(ts, i, "if", "exists");
        if (ifExists) {
            i += 2;
        }
        if (kws(ts, i, "all", "in", "tablespace")) {
            return;
        }
        if (kw(ts, i, "only")) {
            i++;
        }
        List<String> parts = new ArrayList<>(2);
        i = Syntax.qualifiedName(ts, i, n, parts);
        Token star = at(ts, i);
        if (star != null && star.kind() == Kind.OPERATOR && star.text().equals("*")) {
            i++;
        }
        QualifiedName table = QualifiedName.of(parts);
        if (async != null) {
            asyncValidate(d, ts, i, async, table, ifExists);
            return;
        }
        List<String> added = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        List<String> identity = new ArrayList<>();
        List<String> adopted = new ArrayList<>();
        List<int[]> actions = Syntax.splitCommas(ts, i, n);
        boolean allTriggers = !actions.isEmpty();
        for (int[] r : actions) {
            action(d, ts, r[0], r[1], added, dropped, identity, adopted);
            allTriggers &= isTriggerAll(ts, r[0], r[1]);
        }
        // DSQL accepts ENABLE/DISABLE TRIGGER ALL (DSQL-FACTS §9) and has no triggers for it to
        // touch; PostgreSQL would refuse a non-superuser the foreign keys' internal triggers.
        d.noOp = allTriggers;
        d.alterTable = new AlterTable(table.schema(), table.name(), ifExists, added, dropped, identity, adopted);
    }

    /** Only VALIDATE CONSTRAINT has an ASYNC form; anything else is left to PostgreSQL's parser. */
    private static void asyncValidate(Draft d, List<Token> ts, int i, Token async, QualifiedName table, boolean ifExists) {
        if (!kws(ts, i, "validate", "constraint") || !isName(at(ts, i + 2)) || i + 3 != ts.size()) {
            return;
        }
        String sql = d.statement.sql();
        int base = d.statement.start();
        int next = ts.get(ts.indexOf(async) + 1).start() - base;
        String postgres = sql.substring(0, async.start() - base) + sql.substring(next);
        d.asyncValidate = new AsyncValidate(table.schema(), table.name(), ts.get(i + 2).value(), ifExists, postgres);
    }

    private static void action(Draft d, List<Token> ts, int a, int b, List<String> added, List<String> dropped,
            List<String> identity, List<String> adopted) {
        String w = word(ts, a);
        if (w == null || a >= b) {
            throw new Unparsable("expected an ALTER TABLE action");
        }
        switch (w) {
            case "add":
                add(d, ts, a + 1, b, added, adopted);
                return;
            case "drop": {
                int j = a + 1;
                if (kw(ts, j, "constraint")) {
                    return;
                }
                if (kw(ts, j, "column")) {
                    j++;
                }
                if (kws(ts, j, "if", "exists")) {
                    j += 2;
                }
                Syntax.expect(isName(at(ts, j)), "a column name");
                dropped.add(ts.get(j).value());
                return;
            }
            case "alter": {
                int j = a + 1;
                if (kw(ts, j, "constraint")) {
                    return;
                }
                if (kw(ts, j, "column")) {
                    j++;
                }
                Syntax.expect(isName(at(ts, j)), "a column name");
                alterColumn(d, ts, j + 1, b, ts.get(j).value(), identity);
                return;
            }
            case "validate":
                throw d.refuse(RuleIds.ALTER_VALIDATE_CONSTRAINT);
            case "set":
                if (kw(ts, a + 1, "tablespace")) {
                    throw d.refuse(RuleIds.ALTER_TABLE_ACTION, "SET TABLESPACE");
                }
                if (kw(ts, a + 1, "unlogged")) {
                    throw d.refuse(RuleIds.ALTER_TABLE_ACTION, "SET UNLOGGED");
                }
                if (punct(ts, a + 1, "(")) {
                    throw d.refuse(RuleIds.ALTER_TABLE_ACTION, "SET");
                }
                return;
            case "reset":
                throw d.refuse(RuleIds.ALTER_TABLE_ACTION, "RESET");
            case "enable":
            case "disable":
                if (kws(ts, a + 1, "row", "level", "security")) {
                    throw d.refuse(RuleIds.ALTER_TABLE_ACTION, w.toUpperCase(Locale.ROOT) + " ROW SECURITY");
                }
                return;
            case "force":
                if (kws(ts, a + 1, "row", "level", "security")) {
                    throw d.refuse(RuleIds.ALTER_TABLE_ACTION, "FORCE ROW SECURITY");
                }
                return;
            case "no":
                if (kws(ts, a + 1, "force", "row", "level", "security")) {
                    throw d.refuse(RuleIds.ALTER_TABLE_ACTION, "NO FORCE ROW SECURITY");
                }
                if (kw(ts, a + 1, "inherit")) {
                    throw d.refuse(RuleIds.ALTER_TABLE_ACTION, "NO INHERIT");
                }
                return;
            case "inherit":
                throw d.refuse(RuleIds.ALTER_TABLE_ACTION, "INHERIT");
            case "replica":
                throw d.refuse(RuleIds.ALTER_TABLE_ACTION, "REPLICA IDENTITY");
            case "attach":
                throw d.refuse(RuleIds.ALTER_TABLE_ACTION, "ATTACH PARTITION");
            case "detach":
                throw d.refuse(RuleIds.ALTER_TABLE_ACTION, "DETACH PARTITION");
            default:
                // RENAME, OWNER TO, SET SCHEMA, CLUSTER ON, [NOT] OF, ... are accepted or left to PostgreSQL.
        }
    }

    /** {@code ENABLE TRIGGER ALL} or {@code DISABLE TRIGGER ALL}, exactly {@code [a, b)}. */
    private static boolean isTriggerAll(List<Token> ts, int a, int b) {
        return b - a == 3 && (kw(ts, a, "enable") || kw(ts, a, "disable")) && kws(ts, a + 1, "trigger", "all");
    }

    /** ADD [COLUMN] takes a bare name and type; ADD of a table constraint needs NOT VALID or USING INDEX. */
    private static void add(Draft d, List<Token> ts, int j, int b, List<String> added, List<String> adopted) {
        boolean column = kw(ts, j, "column");
        if (!column && isConstraintStart(ts, j)) {
            addConstraint(d, ts, j, b, adopted);
            return;
        }
        if (column) {
            j++;
        }
        if (kws(ts, j, "if", "not", "exists")) {
            j += 3;
        }
        ColumnDef c = ColumnDef.parse(ts, j, b);
        if (c.constraint || c.identity) {
            throw d.refuse(RuleIds.ALTER_ADD_COLUMN_CONSTRAINT);
        }
        TypeNames.checkColumnType(d, c.type);
        if (c.collate) {
            throw d.refuse(RuleIds.COLLATE);
        }
        if (c.compression) {
            throw d.refuse(RuleIds.ALTER_TABLE_ACTION, "ADD COLUMN");
        }
        added.add(c.name);
    }

    private static boolean isConstraintStart(List<Token> ts, int j) {
        if (kw(ts, j, "exclude")) {
            return kw(ts, j + 1, "using") || punct(ts, j + 1, "(");
        }
        return kwIn(ts, j, Set.of("constraint", "check", "unique", "primary", "foreign"));
    }

    private static void addConstraint(Draft d, List<Token> ts, int j, int b, List<String> adopted) {
        int k = j;
        if (kw(ts, k, "constraint")) {
            k += 2;
        }
        String type = word(ts, k);
        boolean accepted;
        if ("check".equals(type) || "foreign".equals(type)) {
            // Existing rows are checked later by ALTER TABLE ASYNC ... VALIDATE CONSTRAINT.
            accepted = findTopSequence(ts, k, b, "not", "valid") >= 0;
        } else if ("unique".equals(type)) {
            // Adopting an index DSQL built asynchronously is the only way to add a unique key; the
            // adopting form has USING INDEX straight after the keyword, not a column list. A primary
            // key is declared with the table only (UG alter-table-syntax-support, working-with-primary-keys).
            accepted = kws(ts, k + 1, "using", "index") && !kw(ts, k + 3, "tablespace");
            if (accepted && isName(at(ts, k + 3))) {
                adopted.add(ts.get(k + 3).value());
            }
        } else {
            accepted = false;
        }
        if (!accepted) {
            throw d.refuse(RuleIds.ALTER_ADD_CONSTRAINT);
        }
    }

    private static void alterColumn(Draft d, List<Token> ts, int j, int b, String column, List<String> identity) {
        if (kw(ts, j, "type") || kws(ts, j, "set", "data", "type")) {
            throw d.refuse(RuleIds.ALTER_COLUMN_TYPE);
        }
        if (kws(ts, j, "set", "not", "null")) {
            throw d.refuse(RuleIds.ALTER_TABLE_ACTION, "ALTER COLUMN ... SET NOT NULL");
        }
        if (kws(ts, j, "set", "compression")) {
            throw d.refuse(RuleIds.ALTER_TABLE_ACTION, "ALTER COLUMN ... SET COMPRESSION");
        }
        if (kw(ts, j, "add")) {
            int id = Ddl.identityOptions(ts, j + 1);
            if (id < 0) {
                return;
            }
            BigInteger cache = null;
            if (punct(ts, id, "(")) {
                cache = Ddl.cacheOption(ts, id + 1, Syntax.requireClose(ts, id, b), new boolean[1]);
            }
            if (!Ddl.validCache(cache)) {
                throw d.refuse(RuleIds.IDENTITY_CACHE);
            }
            identity.add(column);
            return;
        }
        if ((kw(ts, j, "set") && !kwIn(ts, j + 1, COLUMN_SETTINGS) && !punct(ts, j + 1, "(")) || kw(ts, j, "restart")) {
            boolean[] present = new boolean[1];
            BigInteger cache = Ddl.cacheOption(ts, j, b, present);
            if (present[0] && !Ddl.validCache(cache)) {
                throw d.refuse(RuleIds.IDENTITY_CACHE);
            }
        }
    }
}
