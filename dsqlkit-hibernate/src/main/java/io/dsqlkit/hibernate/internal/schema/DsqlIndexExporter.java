package io.dsqlkit.hibernate.internal.schema;

import io.dsqlkit.hibernate.DsqlIndexOptions;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.Index;
import org.hibernate.tool.schema.internal.StandardIndexExporter;

import java.util.Optional;

/**
 * {@code create [unique] index async <unqualified name> on <table> (...)} (DSQL-FACTS §12; the
 * dialect supplies the keyword and the unqualified name), followed by the options of JPA's
 * {@code @Index(options)} or, typed, of {@link DsqlIndexOptions}. Indexes are never dropped on their
 * own: they go with their table.
 */
public final class DsqlIndexExporter extends StandardIndexExporter {
    public DsqlIndexExporter(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String[] getSqlCreateStrings(Index index, Metadata metadata, SqlStringGenerationContext context) {
        String[] statements = super.getSqlCreateStrings(index, metadata, context);
        Optional<DsqlIndexOptions> options = IndexOptionsCatalog.optionsFor(index, metadata);
        if (options.isEmpty()) {
            return statements;
        }
        return new String[] {statements[0] + IndexOptionsCatalog.render(options.get(), index.getTable(), getDialect())};
    }
}
