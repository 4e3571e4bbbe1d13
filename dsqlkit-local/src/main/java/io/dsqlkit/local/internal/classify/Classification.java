package io.dsqlkit.local.internal.classify;

import io.dsqlkit.local.internal.rules.Refusal;

import java.util.List;
import java.util.Objects;

/**
 * What DSQL Local needs to know about one statement before it reaches PostgreSQL.
 *
 * @param refusal non-null when DSQL refuses the statement; send it instead of running the statement
 * @param asyncIndex non-null for an accepted {@code CREATE INDEX ASYNC}
 * @param asyncValidate non-null for an accepted {@code ALTER TABLE ASYNC ... VALIDATE CONSTRAINT}
 * @param dropTable non-null for {@code DROP TABLE}
 * @param droppedIndexes the indexes a {@code DROP INDEX} names; empty for other statements
 * @param locksRows whether the statement takes row locks ({@code SELECT ... FOR ...}); the
 *     statement stays a {@link StatementKind#QUERY}
 * @param rowLock the locked table of an accepted top-level {@code FOR UPDATE}/{@code FOR KEY SHARE}
 *     over a single table, for the primary-key equality check; null otherwise
 * @param alterTable non-null for an accepted {@code ALTER TABLE} (not the ASYNC form)
 * @param noOp DSQL accepts the statement and does nothing ({@code DROP TRIGGER IF EXISTS},
 *     {@code ALTER TABLE t DISABLE TRIGGER ALL}); answer it with its command tag without running it
 */
public record Classification(StatementKind kind, TransactionCommand transactionCommand, Refusal refusal,
        AsyncIndex asyncIndex, AsyncValidate asyncValidate, DropTable dropTable, List<QualifiedName> droppedIndexes,
        boolean locksRows, RowLock rowLock, AlterTable alterTable, boolean noOp) {

    private static final Classification UNKNOWN = new Classification(StatementKind.UNKNOWN, TransactionCommand.NONE,
            null, null, null, null, List.of(), false, null, null, false);

    public Classification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(transactionCommand, "transactionCommand");
        droppedIndexes = List.copyOf(droppedIndexes);
    }

    /** A statement the classifier cannot follow: PostgreSQL answers it, nothing is refused. */
    public static Classification unknown() {
        return UNKNOWN;
    }

    public boolean refused() {
        return refusal != null;
    }
}
