package io.dsqlkit.local.internal.session;

import java.util.List;

/**
 * The primary-key columns of a table, from the cluster's catalog: DSQL allows {@code FOR UPDATE}
 * only with an equality predicate on every key column (DSQL-FACTS §13), which the statement text
 * alone cannot show.
 */
@FunctionalInterface
public interface PrimaryKeys {

    /**
     * @param schema null for the session's search path
     * @return the key columns, empty if the table has no primary key, or {@code null} if the table
     *     cannot be found (PostgreSQL then reports it)
     */
    List<String> of(String database, String schema, String table);
}
