package io.dsqlkit.local.internal.txn;

import io.dsqlkit.local.internal.classify.StatementKind;
import io.dsqlkit.local.internal.classify.TransactionCommand;
/** Test shorthand: a classified statement as the relay would hand it over. */
enum Stmt {
    QUERY(StatementKind.QUERY, TransactionCommand.NONE),
    DML(StatementKind.DML, TransactionCommand.NONE),
    DDL(StatementKind.DDL, TransactionCommand.NONE),
    SESSION(StatementKind.SESSION, TransactionCommand.NONE),
    CALL(StatementKind.CALL, TransactionCommand.NONE),
    UNKNOWN(StatementKind.UNKNOWN, TransactionCommand.NONE),
    BEGIN(StatementKind.TRANSACTION, TransactionCommand.BEGIN),
    COMMIT(StatementKind.TRANSACTION, TransactionCommand.COMMIT),
    ROLLBACK(StatementKind.TRANSACTION, TransactionCommand.ROLLBACK),
    SAVEPOINT(StatementKind.TRANSACTION, TransactionCommand.SAVEPOINT),
    RELEASE(StatementKind.TRANSACTION, TransactionCommand.RELEASE),
    ROLLBACK_TO(StatementKind.TRANSACTION, TransactionCommand.ROLLBACK_TO),
    TXN_OTHER(StatementKind.TRANSACTION, TransactionCommand.OTHER);

    final StatementKind kind;
    final TransactionCommand command;

    Stmt(StatementKind kind, TransactionCommand command) {
        this.kind = kind;
        this.command = command;
    }

    Decision alone(TransactionTracker t) {
        return t.beforeStatement(kind, command, false);
    }

    Decision inBlock(TransactionTracker t) {
        return t.beforeStatement(kind, command, true);
    }
}
