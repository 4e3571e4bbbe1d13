package io.dsqlkit.local.internal.txn;

/** Which transaction control statement a {@link StatementKind#TRANSACTION} statement is. */
public enum TransactionCommand {
    /** The statement is not transaction control. */
    NONE,
    /** BEGIN or START TRANSACTION, with any modes. */
    BEGIN,
    /** COMMIT or END. */
    COMMIT,
    /** ROLLBACK or ABORT (not ROLLBACK TO). */
    ROLLBACK,
    SAVEPOINT,
    /** RELEASE [SAVEPOINT]. */
    RELEASE,
    /** ROLLBACK [WORK|TRANSACTION] TO [SAVEPOINT]. */
    ROLLBACK_TO,
    /** Other transaction statements, such as PREPARE TRANSACTION or COMMIT PREPARED. */
    OTHER
}
