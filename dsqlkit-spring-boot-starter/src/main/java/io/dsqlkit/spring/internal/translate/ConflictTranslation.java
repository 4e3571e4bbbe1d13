package io.dsqlkit.spring.internal.translate;

import io.dsqlkit.jdbc.DsqlErrors;
import io.dsqlkit.spring.DsqlConflictFailureException;

import java.sql.SQLException;

/**
 * The one place that decides whether a failure is a DSQL conflict and words the resulting
 * {@link DsqlConflictFailureException}. Frameworks wrap the driver's exception (Hibernate in a
 * {@code TransactionException} inside a {@code RollbackException} at commit), so the check walks the
 * whole cause chain ({@link DsqlErrors#isConflict}).
 */
public final class ConflictTranslation {
    private ConflictTranslation() {
    }

    /** The translated exception, or {@code null} when {@code failure} is not a DSQL conflict. */
    public static DsqlConflictFailureException translateIfConflict(String task, Throwable failure) {
        if (failure == null || failure instanceof DsqlConflictFailureException || !DsqlErrors.isConflict(failure)) {
            return null;
        }
        String serverMessage = DsqlErrors.findSqlException(failure,
                        e -> DsqlErrors.SERIALIZATION_FAILURE.equals(e.getSQLState()))
                .map(SQLException::getMessage)
                .orElse(failure.getMessage());
        return new DsqlConflictFailureException(task + ": " + serverMessage
                + " [DSQL optimistic concurrency conflict: run the whole transaction again, e.g. with @RetryOnConflict]",
                failure);
    }
}
