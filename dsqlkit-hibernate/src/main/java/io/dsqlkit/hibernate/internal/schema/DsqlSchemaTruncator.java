package io.dsqlkit.hibernate.internal.schema;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.registry.selector.spi.StrategySelector;
import org.hibernate.mapping.Table;
import org.hibernate.resource.transaction.spi.DdlTransactionIsolator;
import org.hibernate.tool.schema.TargetType;
import org.hibernate.tool.schema.internal.DefaultSchemaFilterProvider;
import org.hibernate.tool.schema.internal.Helper;
import org.hibernate.tool.schema.spi.CommandAcceptanceException;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.hibernate.tool.schema.spi.SchemaFilterProvider;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.hibernate.tool.schema.spi.SchemaTruncator;
import org.hibernate.tool.schema.spi.ScriptTargetOutput;
import org.hibernate.tool.schema.spi.TargetDescriptor;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.hibernate.cfg.SchemaToolingSettings.HBM2DDL_FILTER_PROVIDER;

/**
 * {@code SchemaManager.truncateMappedObjects()} and {@code hbm2ddl} truncation on DSQL: deletes
 * ({@link DeletionPlan}) in autocommit batches, each its own transaction under the 3,000-row limit
 * (DSQL-FACTS §4), then resets sequences and runs the import scripts as Hibernate does. Script and
 * console targets go to Hibernate's truncator, whose cleaner writes the same plan unbatched.
 */
final class DsqlSchemaTruncator implements SchemaTruncator {
    private final DsqlSchemaManagementTool tool;
    private final SchemaTruncator standard;
    private final Map<String, Object> toolOptions;

    DsqlSchemaTruncator(DsqlSchemaManagementTool tool, SchemaTruncator standard, Map<String, Object> toolOptions) {
        this.tool = tool;
        this.standard = standard;
        this.toolOptions = toolOptions;
    }

    @Override
    public void doTruncate(Metadata metadata, ExecutionOptions options, ContributableMatcher inclusion,
                           TargetDescriptor targetDescriptor) {
        EnumSet<TargetType> others = EnumSet.copyOf(targetDescriptor.getTargetTypes().isEmpty()
                ? EnumSet.noneOf(TargetType.class) : targetDescriptor.getTargetTypes());
        others.remove(TargetType.DATABASE);
        if (!others.isEmpty()) {
            standard.doTruncate(metadata, options, inclusion, descriptor(others, targetDescriptor.getScriptTargetOutput()));
        }
        if (targetDescriptor.getTargetTypes().contains(TargetType.DATABASE)) {
            truncateDatabase(metadata, options, inclusion);
            tool.getSchemaPopulator(options.getConfigurationValues())
                    .doPopulation(options, descriptor(EnumSet.of(TargetType.DATABASE), null));
        }
    }

    private void truncateDatabase(Metadata metadata, ExecutionOptions options, ContributableMatcher inclusion) {
        SchemaFilter filter = tool.getServiceRegistry().requireService(StrategySelector.class)
                .resolveDefaultableStrategy(SchemaFilterProvider.class,
                        toolOptions == null ? null : toolOptions.get(HBM2DDL_FILTER_PROVIDER),
                        DefaultSchemaFilterProvider.INSTANCE)
                .getTruncatorFilter();
        SqlStringGenerationContext context = Helper.createSqlStringGenerationContext(options, metadata);
        var jdbcContext = tool.resolveJdbcContext(options.getConfigurationValues());
        List<Table> tables = new ArrayList<>();
        for (var namespace : metadata.getDatabase().getNamespaces()) {
            if (!filter.includeNamespace(namespace)) {
                continue;
            }
            for (Table table : namespace.getTables()) {
                if (table.isPhysicalTable() && filter.includeTable(table) && inclusion.matches(table)) {
                    tables.add(table);
                }
            }
        }
        int batchRows = tool.settings().truncateBatchRows();
        List<DeletionPlan.Step> steps = DeletionPlan.batched(tables, jdbcContext.getDialect(), context, batchRows);
        try (DdlTransactionIsolator isolator = tool.getDdlTransactionIsolator(jdbcContext)) {
            Connection connection = isolator.getIsolatedConnection(true);
            try (Statement statement = connection.createStatement()) {
                for (DeletionPlan.Step step : steps) {
                    jdbcContext.getSqlStatementLogger().logStatement(step.sql());
                    int changed;
                    do {
                        changed = run(statement, step.sql());
                    } while (step.repeatWhileFull() && changed >= batchRows);
                }
                for (Table table : tables) {
                    for (var command : table.getResetCommands(context)) {
                        for (String sql : command.initCommands()) {
                            jdbcContext.getSqlStatementLogger().logStatement(sql);
                            statement.execute(sql);
                        }
                    }
                }
            } catch (SQLException e) {
                throw new SchemaManagementException("Truncating the mapped tables failed: " + e.getMessage(), e);
            }
        }
    }

    private static int run(Statement statement, String sql) {
        try {
            return statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new CommandAcceptanceException("Error executing \"" + sql + "\" via JDBC [" + e.getMessage() + "]", e);
        }
    }

    private static TargetDescriptor descriptor(EnumSet<TargetType> types, ScriptTargetOutput output) {
        return new TargetDescriptor() {
            @Override
            public EnumSet<TargetType> getTargetTypes() {
                return types;
            }

            @Override
            public ScriptTargetOutput getScriptTargetOutput() {
                return output;
            }
        };
    }
}
