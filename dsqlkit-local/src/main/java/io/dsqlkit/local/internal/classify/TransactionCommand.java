package io.dsqlkit.local.internal.classify;

/** The transaction-control effect of a {@link StatementKind#TRANSACTION} statement. */
public enum TransactionCommand {
    /** Not a transaction-control statement. */
    NONE,
    /** BEGIN, START TRANSACTION. */
    BEGIN,
    /** COMMIT, END. */
    COMMIT,
    /** ROLLBACK, ABORT. */
    ROLLBACK,
    SAVEPOINT,
    /** RELEASE [SAVEPOINT]. */
    RELEASE,
    /** ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT]. */
    ROLLBACK_TO,
    /** Two-phase commit: PREPARE TRANSACTION, COMMIT PREPARED, ROLLBACK PREPARED. */
    OTHER
}
