package io.dsqlkit.hibernate.internal.schema;

import io.dsqlkit.hibernate.AuroraDsqlSettings;
import org.hibernate.resource.transaction.spi.DdlTransactionIsolator;
import org.hibernate.tool.schema.internal.HibernateSchemaManagementTool;
import org.hibernate.tool.schema.internal.exec.JdbcContext;
import org.hibernate.tool.schema.spi.SchemaTruncator;

import java.util.Map;

/**
 * Hibernate's schema tool on DSQL's terms: every schema action (create, drop, update, populate,
 * truncate) runs its statements through {@link DsqlDdlTransactionIsolator} (one statement per
 * autocommit transaction, OC001 retries, waiting for async jobs), and truncation deletes in
 * batches under the row limit ({@link DsqlSchemaTruncator}). {@code AuroraDsqlDialect} offers it as
 * the fallback tool, so an explicitly configured {@code hibernate.schema_management_tool} still wins.
 */
public final class DsqlSchemaManagementTool extends HibernateSchemaManagementTool {
    private final AuroraDsqlSettings settings;

    public DsqlSchemaManagementTool(AuroraDsqlSettings settings) {
        this.settings = settings;
    }

    AuroraDsqlSettings settings() {
        return settings;
    }

    @Override
    public DdlTransactionIsolator getDdlTransactionIsolator(JdbcContext jdbcContext) {
        return new DsqlDdlTransactionIsolator(super.getDdlTransactionIsolator(jdbcContext), settings);
    }

    @Override
    public SchemaTruncator getSchemaTruncator(Map<String, Object> options) {
        return new DsqlSchemaTruncator(this, super.getSchemaTruncator(options), options);
    }
}
