package io.dsqlkit.hibernate.internal.type;

import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.VarcharJdbcType;

/**
 * {@code @Lob String}, {@link java.sql.Clob} and {@link java.sql.NClob} on a {@code text} column:
 * DSQL has no large objects (DSQL-FACTS §8), so values are bound and read as strings, and null is
 * bound as a character null (a {@code CLOB} null would reach the server as {@code oid}).
 */
public final class LobAsTextJdbcType extends VarcharJdbcType {
    public static final LobAsTextJdbcType CLOB = new LobAsTextJdbcType(SqlTypes.CLOB);
    public static final LobAsTextJdbcType NCLOB = new LobAsTextJdbcType(SqlTypes.NCLOB);

    private final int lobTypeCode;

    private LobAsTextJdbcType(int lobTypeCode) {
        this.lobTypeCode = lobTypeCode;
    }

    /** Registered for, and rendered as, CLOB or NCLOB: the column type is the dialect's {@code text}. */
    @Override
    public int getDefaultSqlTypeCode() {
        return lobTypeCode;
    }

    @Override
    public String getFriendlyName() {
        return (lobTypeCode == SqlTypes.CLOB ? "CLOB" : "NCLOB") + " as text";
    }

    @Override
    public String toString() {
        return "LobAsTextJdbcType(" + getFriendlyName() + ")";
    }
}
