package io.dsqlkit.hibernate.internal.schema;

import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How to empty a set of tables without {@code TRUNCATE} (DSQL refuses it, DSQL-FACTS §13) and
 * under the 3,000-row transaction limit (§4): children before parents so foreign keys never stop
 * a delete; self-references and cycles first cut by setting their nullable foreign-key columns to
 * null; each statement limited to a batch of rows by primary key and repeated while it fills its
 * batch. Tables without a primary key are emptied by one plain delete.
 */
public final class DeletionPlan {

    /** One statement; {@code repeatWhileFull}: run it again while it changes {@code batchRows} rows. */
    public record Step(String sql, boolean repeatWhileFull) {
    }

    private DeletionPlan() {
    }

    /** Steps for the database, in batches of {@code batchRows}. */
    public static List<Step> batched(Collection<Table> tables, Dialect dialect, SqlStringGenerationContext context,
                                     int batchRows) {
        return plan(tables, dialect, context, batchRows);
    }

    /** Steps for a script: the same order, one unbounded statement each. */
    public static List<String> unbatched(Collection<Table> tables, Dialect dialect, SqlStringGenerationContext context) {
        List<String> statements = new ArrayList<>();
        for (Step step : plan(tables, dialect, context, 0)) {
            statements.add(step.sql());
        }
        return statements;
    }

    private static List<Step> plan(Collection<Table> tables, Dialect dialect, SqlStringGenerationContext context,
                                   int batchRows) {
        Set<Table> members = new LinkedHashSet<>(tables);
        // child -> foreign keys to other member tables that still constrain the order
        Map<Table, List<ForeignKey>> edges = new LinkedHashMap<>();
        List<Step> nullOuts = new ArrayList<>();
        for (Table table : members) {
            List<ForeignKey> keys = new ArrayList<>();
            for (ForeignKey foreignKey : table.getForeignKeyCollection()) {
                Table parent = foreignKey.getReferencedTable();
                if (parent == null || !members.contains(parent)) {
                    continue;
                }
                if (parent == table) {
                    // Rows of one table reference each other: cut the references before batching.
                    if (nullable(foreignKey)) {
                        nullOuts.add(nullOut(table, foreignKey, dialect, context, batchRows));
                    }
                    continue;
                }
                keys.add(foreignKey);
            }
            edges.put(table, keys);
        }

        List<Table> order = new ArrayList<>();
        Set<Table> remaining = new LinkedHashSet<>(members);
        while (!remaining.isEmpty()) {
            Table next = null;
            for (Table candidate : remaining) {
                if (!isReferencedByRemaining(candidate, remaining, edges)) {
                    next = candidate;
                    break;
                }
            }
            if (next != null) {
                order.add(next);
                remaining.remove(next);
                continue;
            }
            // A cycle: cut its nullable references; if none is nullable, delete in any order and
            // let DSQL report the violation.
            boolean cut = false;
            for (Table table : remaining) {
                List<ForeignKey> keep = new ArrayList<>();
                for (ForeignKey foreignKey : edges.get(table)) {
                    if (remaining.contains(foreignKey.getReferencedTable()) && nullable(foreignKey)) {
                        nullOuts.add(nullOut(table, foreignKey, dialect, context, batchRows));
                        cut = true;
                    } else {
                        keep.add(foreignKey);
                    }
                }
                edges.put(table, keep);
            }
            if (!cut) {
                order.addAll(remaining);
                remaining.clear();
            }
        }

        List<Step> steps = new ArrayList<>(nullOuts);
        for (Table table : order) {
            steps.add(delete(table, dialect, context, batchRows));
        }
        return steps;
    }

    private static boolean isReferencedByRemaining(Table parent, Set<Table> remaining, Map<Table, List<ForeignKey>> edges) {
        for (Table child : remaining) {
            if (child == parent) {
                continue;
            }
            for (ForeignKey foreignKey : edges.get(child)) {
                if (foreignKey.getReferencedTable() == parent) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean nullable(ForeignKey foreignKey) {
        for (Column column : foreignKey.getColumns()) {
            if (!column.isNullable()) {
                return false;
            }
        }
        return true;
    }

    private static Step delete(Table table, Dialect dialect, SqlStringGenerationContext context, int batchRows) {
        String name = context.format(table.getQualifiedTableName());
        List<Column> key = primaryKey(table);
        if (batchRows <= 0 || key.isEmpty()) {
            return new Step("delete from " + name, false);
        }
        String keyList = columnList(key, dialect);
        return new Step("delete from " + name + " where " + keyTuple(key, keyList) + " in (select " + keyList
                + " from " + name + " limit " + batchRows + ")", true);
    }

    private static Step nullOut(Table table, ForeignKey foreignKey, Dialect dialect, SqlStringGenerationContext context,
                                int batchRows) {
        String name = context.format(table.getQualifiedTableName());
        StringBuilder set = new StringBuilder();
        StringBuilder notNull = new StringBuilder();
        for (Column column : foreignKey.getColumns()) {
            if (!set.isEmpty()) {
                set.append(", ");
                notNull.append(" or ");
            }
            set.append(column.getQuotedName(dialect)).append(" = null");
            notNull.append(column.getQuotedName(dialect)).append(" is not null");
        }
        List<Column> key = primaryKey(table);
        if (batchRows <= 0 || key.isEmpty()) {
            return new Step("update " + name + " set " + set + " where " + notNull, false);
        }
        String keyList = columnList(key, dialect);
        return new Step("update " + name + " set " + set + " where " + keyTuple(key, keyList) + " in (select "
                + keyList + " from " + name + " where " + notNull + " limit " + batchRows + ")", true);
    }

    private static List<Column> primaryKey(Table table) {
        return table.getPrimaryKey() == null ? List.of() : table.getPrimaryKey().getColumns();
    }

    private static String columnList(List<Column> columns, Dialect dialect) {
        StringBuilder list = new StringBuilder();
        for (Column column : columns) {
            if (!list.isEmpty()) {
                list.append(", ");
            }
            list.append(column.getQuotedName(dialect));
        }
        return list.toString();
    }

    private static String keyTuple(List<Column> key, String keyList) {
        return key.size() == 1 ? keyList : "(" + keyList + ")";
    }
}
