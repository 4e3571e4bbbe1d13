package io.dsqlkit.local.internal.session;

import io.dsqlkit.local.internal.classify.QualifiedName;

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

    /**
     * Waits, up to a bound, until no async build of these indexes is queued or running. On DSQL the
     * index exists from submission and {@code DROP INDEX} cancels its build; here the index appears
     * only when the build runs, so {@code DROP INDEX} waits for it (builds take milliseconds) and
     * then drops what it built.
     */
    void awaitIndexBuilds(String database, List<QualifiedName> indexes);
}
