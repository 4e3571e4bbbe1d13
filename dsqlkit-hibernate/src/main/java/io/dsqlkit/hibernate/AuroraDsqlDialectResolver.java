package io.dsqlkit.hibernate;

import io.dsqlkit.hibernate.internal.detect.DsqlSignature;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Picks {@link AuroraDsqlDialect} when the connection Hibernate inspects at bootstrap is DSQL (a
 * {@code *.dsql.<region>.on.aws} endpoint, or a server that answers as DSQL does: DSQL Local, a
 * tunnel); returns {@code null} otherwise so plain PostgreSQL keeps {@code PostgreSQLDialect}.
 * Registered through {@code META-INF/services/org.hibernate.engine.jdbc.dialect.spi.DialectResolver},
 * which Hibernate consults before its standard resolver.
 *
 * <p>Resolution needs JDBC metadata: with {@code hibernate.boot.allow_jdbc_metadata_access=false}
 * name the dialect explicitly ({@code hibernate.dialect=io.dsqlkit.hibernate.AuroraDsqlDialect}).
 */
public final class AuroraDsqlDialectResolver implements DialectResolver {

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        if (!DsqlSignature.isPostgreSqlProduct(info.getDatabaseName())) {
            return null;
        }
        return DsqlSignature.isDsql(info.getDatabaseMetadata()) ? new AuroraDsqlDialect(info) : null;
    }
}
