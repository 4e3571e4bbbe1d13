package io.dsqlkit.local.internal.classify;

/**
 * What a statement does, as DSQL's transaction rules see it (DSQL-FACTS §5: one DDL statement per
 * transaction, no DDL and DML together).
 */
public enum StatementKind {
    /** Reads only: SELECT, VALUES, TABLE, WITH ... SELECT, SHOW, EXPLAIN without ANALYZE of DML, COPY ... TO. */
    QUERY,
    /** Changes rows: INSERT, UPDATE, DELETE, MERGE, TRUNCATE, COPY ... FROM, data-modifying WITH, EXPLAIN ANALYZE of DML. */
    DML,
    /** Changes the catalog: CREATE, ALTER, DROP, COMMENT, GRANT, REVOKE, CREATE INDEX ASYNC, SELECT INTO. */
    DDL,
    /** BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, ABORT, savepoints and two-phase commit. */
    TRANSACTION,
    /** Session state and maintenance: SET, RESET, DISCARD, DEALLOCATE, LISTEN, NOTIFY, LOCK, VACUUM, ANALYZE. */
    SESSION,
    /** CALL, and DO blocks. */
    CALL,
    /** Not recognised or not lexically valid; PostgreSQL answers it. */
    UNKNOWN
}
