package io.dsqlkit.hibernate.internal.type;

import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.TimeWithTimeZoneJdbcType;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetTime;

/**
 * {@code @JdbcTypeCode(SqlTypes.TIME_WITH_TIMEZONE)} on a {@code timetz} column (DSQL-FACTS §8): pgJDBC
 * refuses {@code setObject(i, v, Types.TIME_WITH_TIMEZONE)}, but binds an {@link OffsetTime} as
 * {@code timetz} when given no target type, so values are bound that way and null as untyped.
 */
public final class TimetzJdbcType extends TimeWithTimeZoneJdbcType {
    public static final TimetzJdbcType INSTANCE = new TimetzJdbcType();

    private TimetzJdbcType() {
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options) throws SQLException {
                st.setObject(index, javaType.unwrap(value, OffsetTime.class, options));
            }

            @Override
            protected void doBind(CallableStatement st, X value, String name, WrapperOptions options) throws SQLException {
                st.setObject(name, javaType.unwrap(value, OffsetTime.class, options));
            }

            @Override
            protected void doBindNull(PreparedStatement st, int index, WrapperOptions options) throws SQLException {
                st.setNull(index, Types.OTHER);
            }

            @Override
            protected void doBindNull(CallableStatement st, String name, WrapperOptions options) throws SQLException {
                st.setNull(name, Types.OTHER);
            }
        };
    }
}
