package io.dsqlkit.hibernate.internal.schema;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.internal.StandardTableCleaner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Truncation as a script: ordered {@code DELETE}s instead of {@code TRUNCATE} (DSQL-FACTS §13).
 * Against the database {@link DsqlSchemaTruncator} runs the same plan in batches.
 */
public final class DsqlTableCleaner extends StandardTableCleaner {
    public DsqlTableCleaner(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String[] getSqlTruncateStrings(Collection<Table> tables, Metadata metadata, SqlStringGenerationContext context) {
        List<String> statements = new ArrayList<>(DeletionPlan.unbatched(tables, dialect, context));
        for (Table table : tables) {
            table.getInitCommands(context).forEach(command -> statements.addAll(List.of(command.initCommands())));
        }
        return statements.toArray(new String[0]);
    }
}
