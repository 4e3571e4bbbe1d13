/**
 * Aurora DSQL's transaction rules as a pure state machine: {@link io.dsqlkit.local.internal.txn.TransactionTracker}
 * tells the relay, per statement, whether DSQL would run it, and follows the backing PostgreSQL's
 * outcomes and ReadyForQuery status. No I/O, no SQL parsing: callers classify statements.
 */
package io.dsqlkit.local.internal.txn;
