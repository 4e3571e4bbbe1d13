package io.dsqlkit.local.internal.txn;

/** What a statement is, as far as DSQL's transaction rules care. */
public enum StatementKind {
    /** A read: SELECT, VALUES, TABLE, SHOW-like queries, EXPLAIN. Neither DDL nor DML for DSQL's mixing rule. */
    QUERY,
    /** A data change: INSERT, UPDATE, DELETE, MERGE. */
    DML,
    /** A schema change: CREATE, ALTER, DROP, GRANT, COMMENT and the like, CREATE INDEX ASYNC included. */
    DDL,
    /** Transaction control; the {@link TransactionCommand} says which. */
    TRANSACTION,
    /** Session settings: SET, RESET, SHOW, DISCARD. */
    SESSION,
    /** CALL of a procedure. */
    CALL,
    /** Anything the classifier could not place. */
    UNKNOWN
}
