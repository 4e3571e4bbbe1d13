package io.dsqlkit.hibernate.internal.schema;

import io.dsqlkit.hibernate.AuroraDsqlSettings;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.extract.spi.TableInformation;
import org.hibernate.tool.schema.spi.TableMigrator;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Schema update for an existing table: DSQL adds only a bare column ({@code ADD COLUMN name type},
 * DSQL-FACTS §9), so each new column is added bare and what the mapping says beyond its type
 * follows in statements DSQL accepts: {@code ALTER COLUMN ... SET DEFAULT} for a default, and
 * {@code ADD CONSTRAINT ... CHECK (...) NOT VALID} plus async validation for a check. NOT NULL
 * cannot be added to an existing column on DSQL; the column stays nullable and a warning says so.
 * A unique column gets {@code create unique index async}.
 * Column types are never altered (DSQL refuses {@code ALTER COLUMN ... TYPE}).
 */
public final class DsqlTableMigrator implements TableMigrator {
    private static final Logger LOG = Logger.getLogger(DsqlTableMigrator.class);
    private static final String[] NONE = new String[0];

    private final Dialect dialect;
    private final AuroraDsqlSettings settings;

    public DsqlTableMigrator(Dialect dialect, AuroraDsqlSettings settings) {
        this.dialect = dialect;
        this.settings = settings;
    }

    @Override
    public String[] getSqlAlterStrings(Table table, Metadata metadata, TableInformation tableInfo,
                                       SqlStringGenerationContext context) {
        if (table.isView()) {
            return NONE;
        }
        String tableName = context.format(table.getQualifiedTableName());
        String alterTable = "alter table " + tableName + " ";
        List<String> statements = new ArrayList<>();
        for (Column column : table.getColumns()) {
            if (tableInfo.getColumn(Identifier.toIdentifier(column.getName(), column.isQuoted())) != null) {
                continue;
            }
            String columnName = column.getQuotedName(dialect);
            statements.add(alterTable + "add column " + columnName + " " + column.getSqlType(metadata));
            if (column.getDefaultValue() != null) {
                statements.add(alterTable + "alter column " + columnName + " set default " + column.getDefaultValue());
            }
            int anonymous = 0;
            for (CheckConstraint check : column.getCheckConstraints()) {
                String name = check.isAnonymous()
                        ? table.getName() + "_" + column.getName() + "_check" + (anonymous++ == 0 ? "" : String.valueOf(anonymous))
                        : check.getName();
                String quotedName = dialect.quote(name);
                statements.add(alterTable + "add constraint " + quotedName + " check " + check.getConstraintInParens()
                        + " not valid");
                if (settings.validateConstraints()) {
                    statements.add(AsyncConstraintValidation.statement(tableName, quotedName));
                }
            }
            if (column.isUnique()) {
                // A column-level unique key has no UniqueKey in the model until CREATE TABLE renders
                // it, so schema update would skip it: build it as a unique index (DSQL-FACTS §9, §12).
                statements.add(dialect.getCreateIndexString(true) + " if not exists "
                        + dialect.quote(table.getName() + "_" + column.getName() + "_key")
                        + " on " + tableName + " (" + columnName + ")");
            }
            if (!column.isNullable() && !column.isIdentity()) {
                LOG.warnf("Column %s.%s is mapped NOT NULL but was added to an existing table; DSQL cannot add"
                        + " NOT NULL to an existing column, so it stays nullable", table.getName(), column.getName());
            }
        }
        return statements.toArray(NONE);
    }
}
