package io.dsqlkit.hibernate.internal.schema;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.Index;
import org.hibernate.tool.schema.internal.StandardIndexExporter;

/**
 * {@code create [unique] index async <unqualified name> on <table> (...) [options]}
 * (DSQL-FACTS §12; the dialect supplies the keyword and the unqualified name; options come from
 * {@code @Index(options)} or {@link io.dsqlkit.hibernate.DsqlIndexOptions}). Indexes are never
 * dropped on their own: they go with their table.
 */
public final class DsqlIndexExporter extends StandardIndexExporter {
    private static final String[] NONE = new String[0];

    public DsqlIndexExporter(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String[] getSqlDropStrings(Index index, Metadata metadata, SqlStringGenerationContext context) {
        return NONE;
    }
}
