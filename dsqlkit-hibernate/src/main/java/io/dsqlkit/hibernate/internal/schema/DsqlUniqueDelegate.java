package io.dsqlkit.hibernate.internal.schema;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.unique.AlterTableUniqueDelegate;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;

/**
 * Unique keys as named constraints inline in {@code CREATE TABLE}, for new tables in schema
 * creation and in schema update alike; DSQL refuses {@code ALTER TABLE ... ADD UNIQUE}
 * (DSQL-FACTS §9). A unique key that schema update adds to an existing table becomes
 * {@code create unique index async if not exists} under the key's name, which is a no-op when
 * the inline constraint already made that index.
 */
public final class DsqlUniqueDelegate extends AlterTableUniqueDelegate {

    public DsqlUniqueDelegate(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String getColumnDefinitionUniquenessFragment(Column column, SqlStringGenerationContext context) {
        // The column's unique key is rendered, named, with the table's constraints.
        return "";
    }

    @Override
    public String getTableCreationUniqueConstraintsFragment(Table table, SqlStringGenerationContext context) {
        StringBuilder fragment = new StringBuilder();
        for (UniqueKey uniqueKey : table.getUniqueKeys().values()) {
            if (isIndexStatement(uniqueKey)) {
                continue;
            }
            fragment.append(", ");
            if (uniqueKey.getName() != null) {
                fragment.append("constraint ").append(dialect.quote(uniqueKey.getName())).append(' ');
            }
            fragment.append(uniqueConstraintSql(uniqueKey));
        }
        return fragment.toString();
    }

    @Override
    public String getAlterTableToAddUniqueKeyCommand(UniqueKey uniqueKey, Metadata metadata,
                                                     SqlStringGenerationContext context) {
        boolean indexStatement = isIndexStatement(uniqueKey);
        if (!context.isMigration() && !indexStatement) {
            return "";
        }
        StringBuilder sql = new StringBuilder(dialect.getCreateIndexString(true))
                .append(context.isMigration() ? " if not exists " : " ").append(name(uniqueKey, metadata))
                .append(" on ").append(context.format(uniqueKey.getTable().getQualifiedTableName()))
                .append(" (");
        boolean first = true;
        for (Column column : uniqueKey.getColumns()) {
            if (!first) {
                sql.append(", ");
            }
            first = false;
            sql.append(column.getQuotedName(dialect));
        }
        sql.append(')');
        if (uniqueKey.getOptions() != null && !uniqueKey.getOptions().isBlank()) {
            sql.append(' ').append(uniqueKey.getOptions());
        }
        return sql.toString();
    }

    @Override
    public String getAlterTableToDropUniqueKeyCommand(UniqueKey uniqueKey, Metadata metadata,
                                                      SqlStringGenerationContext context) {
        // Schema update asks before creating a key whose index it did not find (its default
        // DROP_RECREATE_QUIETLY strategy); there is nothing to drop then, and a key made inline
        // with a new table must not lose its index.
        return "";
    }

    /**
     * A unique key with options ({@code @Index(unique = true, options = ...)} or
     * {@code @DsqlIndexOptions}) is built as a unique index, the only form that takes them all
     * (INCLUDE, NULLS NOT DISTINCT, WHERE).
     */
    private static boolean isIndexStatement(UniqueKey uniqueKey) {
        return uniqueKey.getOptions() != null && !uniqueKey.getOptions().isBlank();
    }

    private String name(UniqueKey uniqueKey, Metadata metadata) {
        return metadata.getDatabase().getJdbcEnvironment().getIdentifierHelper()
                .toIdentifier(uniqueKey.getName()).render(dialect);
    }
}
