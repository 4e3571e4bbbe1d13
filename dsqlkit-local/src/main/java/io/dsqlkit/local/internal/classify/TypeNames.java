package io.dsqlkit.local.internal.classify;

import static io.dsqlkit.local.internal.classify.Syntax.at;
import static io.dsqlkit.local.internal.classify.Syntax.kw;
import static io.dsqlkit.local.internal.classify.Syntax.kwIn;
import static io.dsqlkit.local.internal.classify.Syntax.punct;

import io.dsqlkit.local.internal.classify.Syntax.Unparsable;
import io.dsqlkit.local.internal.sql.SqlLexer;
import io.dsqlkit.local.internal.sql.SqlLexer.Kind;
import io.dsqlkit.local.internal.sql.SqlLexer.Token;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Type names as PostgreSQL 16 parses them (its {@code Typename} rule) and displays them
 * ({@code format_type}), which is how DSQL names a type in its refusals: {@code int[]} is refused
 * as {@code integer[]}, {@code varbit(8)} as {@code bit varying}.
 */
final class TypeNames {

    /** A parsed type name; {@code base} is the display name without array suffix or modifiers. */
    static final class TypeRef {
        final String written;
        final String lastName;
        final boolean quoted;
        final String base;
        final boolean array;
        final BigInteger length;
        final int end;

        TypeRef(String written, String lastName, boolean quoted, String base, boolean array, BigInteger length, int end) {
            this.written = written;
            this.lastName = lastName;
            this.quoted = quoted;
            this.base = base;
            this.array = array;
            this.length = length;
            this.end = end;
        }

        String display() {
            return array ? base + "[]" : base;
        }
    }

    /** pg_type names whose display differs, reachable quoted or unquoted. */
    private static final Map<String, String> CATALOG = Map.ofEntries(
            Map.entry("int2", "smallint"),
            Map.entry("int4", "integer"),
            Map.entry("int8", "bigint"),
            Map.entry("float4", "real"),
            Map.entry("float8", "double precision"),
            Map.entry("bool", "boolean"),
            Map.entry("varchar", "character varying"),
            Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("time", "time without time zone"),
            Map.entry("timetz", "time with time zone"),
            Map.entry("varbit", "bit varying"),
            Map.entry("char", "\"char\""));

    /** Grammar keywords that name types, reachable only unquoted. */
    private static final Map<String, String> KEYWORDS = Map.of(
            "int", "integer",
            "integer", "integer",
            "smallint", "smallint",
            "bigint", "bigint",
            "real", "real",
            "decimal", "numeric",
            "dec", "numeric",
            "numeric", "numeric",
            "boolean", "boolean");

    /** Built-in types DSQL refuses as column types (DSQL-FACTS §8), by display name. */
    static final Set<String> UNSUPPORTED = Set.of(
            "money", "xml", "inet", "cidr", "macaddr", "macaddr8",
            "point", "line", "lseg", "box", "path", "polygon", "circle",
            "tsvector", "tsquery",
            "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange",
            "int4multirange", "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange",
            "bit", "bit varying", "pg_lsn");

    /** Geometric types, which DSQL refuses even as expression results (DSQL-FACTS §8). */
    static final Set<String> GEOMETRIC = Set.of("point", "line", "lseg", "box", "path", "polygon", "circle");

    /** PostgreSQL's serial pseudo-types, which DSQL does not have. */
    static final Set<String> SERIALS = Set.of("serial", "serial4", "bigserial", "serial8", "smallserial", "serial2");

    private static final Set<String> INTERVAL_FIELDS = Set.of("year", "month", "day", "hour", "minute", "second", "to");

    private static final BigInteger CHAR_MAX = BigInteger.valueOf(4096);
    private static final BigInteger VARCHAR_MAX = BigInteger.valueOf(65535);

    private TypeNames() {
    }

    /** See {@link StatementClassifier#displayTypeName}. */
    static String display(String typeName) {
        List<Token> ts = SqlLexer.tokenize(typeName);
        if (ts.isEmpty()) {
            return typeName.strip();
        }
        try {
            TypeRef t = parse(ts, 0, ts.size());
            if (t.end == ts.size()) {
                return t.display();
            }
        } catch (Unparsable e) {
            // Falls through: not a type name this parser knows, so it is shown as given.
        }
        return typeName.strip();
    }

    /** Parses a type name starting at {@code i}; {@link TypeRef#end} is the index after it. */
    static TypeRef parse(List<Token> ts, int i, int end) {
        Token t = at(ts, i);
        if (i >= end || !Syntax.isName(t)) {
            throw new Unparsable("expected a type name at token " + i);
        }
        if (kw(ts, i, "setof")) {
            i++;
            t = at(ts, i);
            if (i >= end || !Syntax.isName(t)) {
                throw new Unparsable("expected a type name after SETOF");
            }
        }
        boolean quoted = t.kind() == Kind.QUOTED_IDENTIFIER;
        String word = quoted ? null : t.value();
        String written;
        String base;
        BigInteger length = null;
        if ("double".equals(word) && kw(ts, i + 1, "precision")) {
            i += 2;
            written = "double precision";
            base = written;
        } else if ("character".equals(word) || "char".equals(word) || "nchar".equals(word)
                || ("national".equals(word) && (kw(ts, i + 1, "character") || kw(ts, i + 1, "char")))) {
            i += "national".equals(word) ? 2 : 1;
            boolean varying = kw(ts, i, "varying");
            if (varying) {
                i++;
            }
            written = word + (varying ? " varying" : "");
            base = varying ? "character varying" : "character";
            Modifiers m = modifiers(ts, i, end);
            i = m.end;
            length = m.first;
        } else if ("bit".equals(word)) {
            i++;
            boolean varying = kw(ts, i, "varying");
            if (varying) {
                i++;
            }
            written = varying ? "bit varying" : "bit";
            base = written;
            i = modifiers(ts, i, end).end;
        } else if ("time".equals(word) || "timestamp".equals(word)) {
            i = modifiers(ts, i + 1, end).end;
            boolean zone = false;
            if ((kw(ts, i, "with") || kw(ts, i, "without")) && kw(ts, i + 1, "time") && kw(ts, i + 2, "zone")) {
                zone = kw(ts, i, "with");
                i += 3;
            }
            written = word;
            base = word + (zone ? " with time zone" : " without time zone");
        } else if ("interval".equals(word)) {
            i++;
            while (i < end && (kwIn(ts, i, INTERVAL_FIELDS) || punct(ts, i, "("))) {
                i = punct(ts, i, "(") ? modifiers(ts, i, end).end : i + 1;
            }
            written = word;
            base = word;
        } else if ("float".equals(word)) {
            Modifiers m = modifiers(ts, i + 1, end);
            i = m.end;
            written = word;
            base = m.first != null && m.first.compareTo(BigInteger.valueOf(24)) <= 0 && m.first.signum() > 0
                    ? "real" : "double precision";
        } else {
            List<String> parts = new ArrayList<>(2);
            i = Syntax.qualifiedName(ts, i, end, parts);
            Modifiers m = modifiers(ts, i, end);
            i = m.end;
            length = m.first;
            written = String.join(".", parts);
            String last = parts.get(parts.size() - 1);
            boolean builtin = parts.size() == 1 || (parts.size() == 2 && parts.get(0).equals("pg_catalog"));
            base = builtin ? builtinDisplay(last, quoted && parts.size() == 1, m.present) : written;
            if (builtin && !quoted && last.length() > 1 && last.charAt(0) == '_') {
                // "_int4" is PostgreSQL's internal name of int4[]; element names are pg_type names.
                String element = last.substring(1);
                if (CATALOG.containsKey(element) || element.equals("bpchar") || UNSUPPORTED.contains(element)
                        || isPlainBuiltin(element)) {
                    return arrayOf(ts, i, end, written, last, false, builtinDisplay(element, true, false), true, length);
                }
            }
            return arrayOf(ts, i, end, written, last, quoted, base, false, length);
        }
        return arrayOf(ts, i, end, written, word, quoted, base, false, length);
    }

    private static boolean isPlainBuiltin(String name) {
        switch (name) {
            case "text": case "uuid": case "json": case "jsonb": case "bytea": case "date": case "interval": case "numeric":
            case "oid": case "name":
                return true;
            default:
                return false;
        }
    }

    private static TypeRef arrayOf(List<Token> ts, int i, int end, String written, String last, boolean quoted,
            String base, boolean array, BigInteger length) {
        while (i < end) {
            if (punct(ts, i, "[")) {
                int c = Syntax.requireClose(ts, i, end);
                i = c + 1;
                array = true;
            } else if (kw(ts, i, "array")) {
                i++;
                array = true;
                if (punct(ts, i, "[")) {
                    i = Syntax.requireClose(ts, i, end) + 1;
                }
            } else {
                break;
            }
        }
        return new TypeRef(written, last, quoted, base, array, length, i);
    }

    /** Display name of an unqualified or pg_catalog type; grammar keywords only count unquoted. */
    private static String builtinDisplay(String name, boolean quotedOnly, boolean hasModifiers) {
        if (name.equals("bpchar")) {
            // format_type shows bpchar with a length as character(n), without one as bpchar.
            return hasModifiers ? "character" : "bpchar";
        }
        if (quotedOnly) {
            String c = CATALOG.get(name);
            return c != null ? c : name;
        }
        String k = KEYWORDS.get(name);
        if (k != null) {
            return k;
        }
        if (name.equals("char")) {
            return "character";
        }
        String c = CATALOG.get(name);
        return c != null ? c : name;
    }

    private static final class Modifiers {
        final boolean present;
        final BigInteger first;
        final int end;

        Modifiers(boolean present, BigInteger first, int end) {
            this.present = present;
            this.first = first;
            this.end = end;
        }
    }

    /** Optional {@code (n [, m])} at {@code i}; {@code first} is n when it is a plain integer. */
    private static Modifiers modifiers(List<Token> ts, int i, int end) {
        if (!punct(ts, i, "(")) {
            return new Modifiers(false, null, i);
        }
        int c = Syntax.requireClose(ts, i, end);
        BigInteger first = null;
        Token t = at(ts, i + 1);
        if (t != null && t.kind() == Kind.NUMBER && (punct(ts, i + 2, ")") || punct(ts, i + 2, ","))) {
            first = Numbers.integer(t.text());
        }
        return new Modifiers(true, first, c + 1);
    }

    /** Refuses a column type DSQL does not store, in the order DSQL reports them. */
    static void checkColumnType(Draft d, TypeRef t) {
        if (SERIALS.contains(t.lastName)) {
            throw d.refuse(RuleIds.TYPE_NOT_FOUND, t.written + (t.array ? "[]" : ""));
        }
        if (t.array) {
            throw d.refuse(RuleIds.DATATYPE, t.display());
        }
        if (UNSUPPORTED.contains(t.base)) {
            throw d.refuse(RuleIds.DATATYPE, t.base);
        }
        if (t.length != null) {
            if (t.base.equals("character") && t.length.compareTo(CHAR_MAX) > 0) {
                throw d.refuse(RuleIds.CHAR_LENGTH, "char", CHAR_MAX);
            }
            if (t.base.equals("character varying") && t.length.compareTo(VARCHAR_MAX) > 0) {
                throw d.refuse(RuleIds.CHAR_LENGTH, "varchar", VARCHAR_MAX);
            }
        }
    }
}
