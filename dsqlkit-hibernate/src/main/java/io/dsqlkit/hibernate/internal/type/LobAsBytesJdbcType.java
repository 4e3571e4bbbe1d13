package io.dsqlkit.hibernate.internal.type;

import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.VarbinaryJdbcType;

/**
 * {@code @Lob byte[]} and {@link java.sql.Blob} on a {@code bytea} column: DSQL has no large objects
 * (DSQL-FACTS §8), so values are bound and read as bytes, and null is bound as a binary null (a
 * {@code BLOB} null would reach the server as {@code oid}).
 */
public final class LobAsBytesJdbcType extends VarbinaryJdbcType {
    public static final LobAsBytesJdbcType INSTANCE = new LobAsBytesJdbcType();

    private LobAsBytesJdbcType() {
    }

    /** Registered for, and rendered as, BLOB: the column type is the dialect's {@code bytea}. */
    @Override
    public int getDefaultSqlTypeCode() {
        return SqlTypes.BLOB;
    }

    @Override
    public String getFriendlyName() {
        return "BLOB as bytea";
    }

    @Override
    public String toString() {
        return "LobAsBytesJdbcType";
    }
}
