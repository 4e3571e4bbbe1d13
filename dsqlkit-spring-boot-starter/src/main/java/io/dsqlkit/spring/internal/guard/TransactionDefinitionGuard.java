package io.dsqlkit.spring.internal.guard;

import org.springframework.transaction.InvalidIsolationLevelException;
import org.springframework.transaction.NestedTransactionNotSupportedException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;

/**
 * Refuses transaction definitions DSQL cannot honour, before any SQL is sent: DSQL runs every
 * transaction at REPEATABLE READ and refuses other levels, and it has no savepoints, which NESTED
 * propagation needs (DSQL-FACTS §4). Without the guard the first would fail late with a server or
 * connector error on the first statement, the second on the savepoint.
 */
public final class TransactionDefinitionGuard {
    static final String ISOLATION_MESSAGE = "%s asks for isolation %s, but Aurora DSQL runs every transaction at "
            + "REPEATABLE READ and refuses other isolation levels (SQLSTATE 0A000). Remove the isolation attribute "
            + "or use Isolation.REPEATABLE_READ.";
    static final String NESTED_MESSAGE = "%s asks for propagation NESTED, but Aurora DSQL has no savepoints "
            + "(SAVEPOINT is refused with SQLSTATE 0A000), so nested transactions cannot work. Use "
            + "Propagation.REQUIRED to join the surrounding transaction or Propagation.REQUIRES_NEW for a separate one.";

    private TransactionDefinitionGuard() {
    }

    /**
     * @param subject what the definition belongs to, e.g. {@code @Transactional on OwnerService.save(Owner)}
     * @throws InvalidIsolationLevelException         for an isolation other than DEFAULT or REPEATABLE_READ
     * @throws NestedTransactionNotSupportedException for NESTED propagation
     */
    public static void check(TransactionDefinition definition, String subject) {
        int isolation = definition.getIsolationLevel();
        if (isolation != TransactionDefinition.ISOLATION_DEFAULT
                && isolation != TransactionDefinition.ISOLATION_REPEATABLE_READ) {
            throw new InvalidIsolationLevelException(ISOLATION_MESSAGE.formatted(subject, isolationName(isolation)));
        }
        if (definition.getPropagationBehavior() == TransactionDefinition.PROPAGATION_NESTED) {
            throw new NestedTransactionNotSupportedException(NESTED_MESSAGE.formatted(subject));
        }
    }

    private static String isolationName(int level) {
        for (Isolation isolation : Isolation.values()) {
            if (isolation.value() == level) {
                return isolation.name();
            }
        }
        return String.valueOf(level);
    }
}
