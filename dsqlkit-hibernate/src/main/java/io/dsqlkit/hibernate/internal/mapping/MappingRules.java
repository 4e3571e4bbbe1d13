package io.dsqlkit.hibernate.internal.mapping;

import org.hibernate.type.SqlTypes;

import java.util.Locale;

/**
 * Which column mappings DSQL can store (DSQL-FACTS §8, §11, §14), decided from the column's JDBC
 * type code and, for a {@code columnDefinition}, its type name. Pure: unit-tested without Hibernate
 * bootstrapping.
 */
public final class MappingRules {
    /** DSQL's limit for {@code char(n)} (DSQL-FACTS §8). */
    public static final long MAX_CHAR_LENGTH = 4_096;

    /** What to do with one column. */
    public record Verdict(Kind kind, String problem, String fix) {
        static final Verdict SUPPORTED = new Verdict(Kind.SUPPORTED, null, null);
        static final Verdict WIDEN = new Verdict(Kind.WIDEN_IDENTITY, null, null);

        static Verdict refused(String problem, String fix) {
            return new Verdict(Kind.REFUSED, problem, fix);
        }
    }

    public enum Kind { SUPPORTED, WIDEN_IDENTITY, REFUSED }

    private MappingRules() {
    }

    /**
     * @param columnDefinition the explicit {@code columnDefinition}, or null
     * @param sqlTypeCode the column's JDBC type code ({@link SqlTypes})
     * @param identity whether the column is an identity column
     * @param length the declared length, or null
     */
    public static Verdict judge(String columnDefinition, int sqlTypeCode, boolean identity, Long length) {
        if (columnDefinition != null) {
            Verdict byName = judgeTypeName(columnDefinition);
            if (byName.kind() != Kind.SUPPORTED) {
                return byName;
            }
        }
        if (identity && (sqlTypeCode == SqlTypes.INTEGER || sqlTypeCode == SqlTypes.SMALLINT
                || sqlTypeCode == SqlTypes.TINYINT)) {
            // DSQL identity columns must be bigint (DSQL-FACTS §11); reading an int from a bigint
            // column is exact as long as the values fit, which the property type guarantees on insert.
            return Verdict.WIDEN;
        }
        return switch (sqlTypeCode) {
            case SqlTypes.ARRAY -> Verdict.refused("arrays are not column types on DSQL (DSQL-FACTS §8)",
                    "remove @JdbcTypeCode(SqlTypes.ARRAY) so the dialect stores the array as jsonb, or map an @ElementCollection");
            case SqlTypes.SQLXML, SqlTypes.XML_ARRAY -> Verdict.refused("DSQL refuses xml columns (DSQL-FACTS §8)",
                    "map the XML as a String (text column)");
            case SqlTypes.INET -> Verdict.refused("DSQL refuses inet columns (DSQL-FACTS §8)",
                    "map the address as a String (varchar(45) holds IPv6)");
            case SqlTypes.GEOMETRY, SqlTypes.GEOGRAPHY, SqlTypes.POINT -> Verdict.refused(
                    "DSQL has no geometry types (DSQL-FACTS §1, §8)",
                    "store well-known text in a String or well-known binary in a byte[]");
            case SqlTypes.STRUCT, SqlTypes.STRUCT_ARRAY, SqlTypes.STRUCT_TABLE -> Verdict.refused(
                    "@Struct needs CREATE TYPE, which DSQL refuses (DSQL-FACTS §14)",
                    "use @JdbcTypeCode(SqlTypes.JSON) on the embedded field instead of @Struct");
            case SqlTypes.NAMED_ENUM, SqlTypes.NAMED_ORDINAL_ENUM -> Verdict.refused(
                    "named enum types need CREATE TYPE, which DSQL refuses (DSQL-FACTS §14)",
                    "drop @JdbcTypeCode(SqlTypes.NAMED_ENUM): @Enumerated(STRING) maps to varchar with a CHECK");
            case SqlTypes.CHAR, SqlTypes.NCHAR -> length != null && length > MAX_CHAR_LENGTH
                    ? Verdict.refused("char(" + length + ") exceeds DSQL's char limit of " + MAX_CHAR_LENGTH + " (DSQL-FACTS §8)",
                    "use a String with a length the dialect maps to varchar, or a smaller length")
                    : Verdict.SUPPORTED;
            default -> Verdict.SUPPORTED;
        };
    }

    /** Judges an explicit {@code columnDefinition} by its leading type name. */
    static Verdict judgeTypeName(String columnDefinition) {
        String definition = columnDefinition.trim().toLowerCase(Locale.ROOT);
        String typeName = leadingTypeName(definition);
        if (typeName.endsWith("[]") || definition.startsWith(typeName + "[")) {
            return Verdict.refused("columnDefinition \"" + columnDefinition + "\" is an array; DSQL refuses array columns (DSQL-FACTS §8)",
                    "store the values as jsonb or in an @ElementCollection");
        }
        return switch (typeName) {
            case "numeric", "decimal" -> definition.equals(typeName)
                    ? Verdict.refused("columnDefinition \"" + columnDefinition + "\" has no precision; DSQL makes a bare numeric numeric(18,6) and rounds to 6 decimals (DSQL-FACTS §8)",
                    "give precision and scale, e.g. numeric(19,4), or drop columnDefinition and use @Column(precision, scale)")
                    : Verdict.SUPPORTED;
            case "serial", "bigserial", "smallserial", "serial2", "serial4", "serial8" -> Verdict.refused(
                    "columnDefinition \"" + columnDefinition + "\": DSQL has no serial types (DSQL-FACTS §8)",
                    "use @GeneratedValue(strategy = IDENTITY) on a Long (bigint generated by default as identity)");
            case "oid", "lo" -> Verdict.refused("columnDefinition \"" + columnDefinition + "\": DSQL has no large objects (DSQL-FACTS §8)",
                    "use @Lob on byte[] or String: the dialect stores them as bytea or text");
            case "xml", "inet", "cidr", "macaddr", "money", "tsvector", "tsquery", "point", "line", "lseg", "box",
                 "path", "polygon", "circle", "bit", "varbit", "int4range", "int8range", "numrange", "tsrange",
                 "tstzrange", "daterange", "pg_lsn", "geometry", "geography" -> Verdict.refused(
                    "columnDefinition \"" + columnDefinition + "\": DSQL refuses " + typeName + " columns (DSQL-FACTS §8)",
                    "use text, bytea or jsonb for the value");
            default -> Verdict.SUPPORTED;
        };
    }

    private static String leadingTypeName(String definition) {
        int end = 0;
        while (end < definition.length()) {
            char c = definition.charAt(end);
            if (c == ' ' || c == '(' || c == '[' || c == '\t' || c == '\n') {
                break;
            }
            end++;
        }
        return definition.substring(0, end);
    }
}
