package io.dsqlkit.local.internal.classify;

import io.dsqlkit.local.internal.rules.Refusal;
import io.dsqlkit.local.internal.rules.RuleBook;
import io.dsqlkit.local.internal.sql.SqlLexer.Token;
import io.dsqlkit.local.internal.sql.SqlStatements.StatementText;

import java.util.List;

/** The mutable classification of one statement while recognizers work on it. */
final class Draft {

    /** Ends recognition at the first refusal: DSQL answers the first violation it meets. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(null, null, false, false);
        }
    }

    private static final Refused REFUSED = new Refused();

    final RuleBook rules;
    final StatementText statement;
    final List<Token> tokens;

    StatementKind kind = StatementKind.UNKNOWN;
    TransactionCommand command = TransactionCommand.NONE;
    Refusal refusal;
    AsyncIndex asyncIndex;
    AsyncValidate asyncValidate;
    DropTable dropTable;
    List<QualifiedName> droppedIndexes = List.of();
    boolean locksRows;
    RowLock rowLock;
    AlterTable alterTable;
    boolean noOp;

    Draft(RuleBook rules, StatementText statement) {
        this.rules = rules;
        this.statement = statement;
        this.tokens = statement.tokens();
    }

    /** Records the refusal; callers {@code throw} the result so recognition stops here. */
    Refused refuse(String ruleId, Object... args) {
        refusal = rules.rule(ruleId).refuse(args);
        return REFUSED;
    }

    /** The statement text of {@code [from, to)} in input offsets, relative to the statement. */
    String text(int fromOffset, int toOffset) {
        int base = statement.start();
        return statement.sql().substring(fromOffset - base, toOffset - base);
    }

    Classification build() {
        return new Classification(kind, command, refusal, asyncIndex, asyncValidate, dropTable, droppedIndexes,
                locksRows, rowLock, alterTable, noOp);
    }
}
