package io.dsqlkit.local.internal.session;

import java.util.List;

/**
 * What some of DSQL's rules need from the cluster's catalog because the statement text alone cannot
 * show it.
 */
public interface ClusterCatalog {

    /**
     * The primary-key columns of a table: DSQL allows {@code FOR UPDATE} only with an equality
     * predicate on every key column (DSQL-FACTS §13), and a key column cannot be dropped (§9).
     *
     * @param schema null for the session's search path
     * @return the key columns, empty if the table has no primary key, or {@code null} if the table
     *     cannot be found (PostgreSQL then reports it)
     */
    List<String> primaryKey(String database, String schema, String table);

    /**
     * Whether an async build of an index with this name was submitted and has not run yet. On DSQL
     * the index exists, INVALID, from submission on (DSQL-FACTS §12); DSQL Local's build creates it.
     */
    boolean indexBuildPending(String database, String index);
}
