/**
 * Optimistic concurrency the way DSQL does it, on top of PostgreSQL's locking: a statement that
 * would wait for another transaction's row lock (or meets a row changed since its snapshot) does
 * not wait; it answers from its snapshot and dooms its transaction, which then fails at COMMIT with
 * {@code 40001 ... (OC000)}.
 */
package io.dsqlkit.local.internal.occ;
