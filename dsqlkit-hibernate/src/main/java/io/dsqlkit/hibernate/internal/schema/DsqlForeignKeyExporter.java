package io.dsqlkit.hibernate.internal.schema;

import io.dsqlkit.hibernate.AuroraDsqlSettings;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.tool.schema.internal.StandardForeignKeyExporter;

/**
 * Foreign keys as DSQL accepts them on an existing table: {@code ... NOT VALID}, then
 * {@code ALTER TABLE ASYNC ... VALIDATE CONSTRAINT} (an async job) to check existing rows
 * (DSQL-FACTS §10); {@code @OnDelete} actions are kept. With
 * {@value AuroraDsqlSettings#FOREIGN_KEYS}{@code =false} no foreign key is emitted.
 */
public final class DsqlForeignKeyExporter extends StandardForeignKeyExporter {
    private static final String[] NONE = new String[0];

    private final Dialect dialect;
    private final AuroraDsqlSettings settings;

    public DsqlForeignKeyExporter(Dialect dialect, AuroraDsqlSettings settings) {
        super(dialect);
        this.dialect = dialect;
        this.settings = settings;
    }

    @Override
    public String[] getSqlCreateStrings(ForeignKey foreignKey, Metadata metadata, SqlStringGenerationContext context) {
        if (!settings.foreignKeys()) {
            return NONE;
        }
        String[] add = super.getSqlCreateStrings(foreignKey, metadata, context);
        if (add.length == 0) {
            return add;
        }
        String addNotValid = add[0] + " not valid";
        if (!settings.validateConstraints()) {
            return new String[] {addNotValid};
        }
        String table = context.format(foreignKey.getTable().getQualifiedTableName());
        String name = metadata.getDatabase().getJdbcEnvironment().getIdentifierHelper()
                .toIdentifier(foreignKey.getName()).render(dialect);
        return new String[] {addNotValid, AsyncConstraintValidation.statement(table, name)};
    }

    @Override
    public String[] getSqlDropStrings(ForeignKey foreignKey, Metadata metadata, SqlStringGenerationContext context) {
        // DROP CONSTRAINT is not established on DSQL (DSQL-FACTS §9); tables are dropped with cascade.
        return NONE;
    }
}
