package io.dsqlkit.spring;

import io.dsqlkit.jdbc.DsqlErrors;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A transaction lost DSQL's optimistic concurrency check: SQLSTATE {@code 40001} with {@code OC000}
 * (a row it wrote or locked changed) or {@code OC001} (the schema changed). DSQL never waits for
 * locks, so this is the optimistic kind of {@link org.springframework.dao.ConcurrencyFailureException}:
 * run the whole transaction again ({@link RetryOnConflict} does).
 */
public class DsqlConflictFailureException extends OptimisticLockingFailureException {
    private static final long serialVersionUID = 1L;

    private final String conflictCode;

    public DsqlConflictFailureException(String message, Throwable cause) {
        super(message, cause);
        this.conflictCode = DsqlErrors.conflictCode(cause).orElse(null);
    }

    /** {@code OC000}, {@code OC001}, or {@code null} when the server sent {@code 40001} without an OCC code. */
    public String getConflictCode() {
        return conflictCode;
    }

    /** Always {@value DsqlErrors#SERIALIZATION_FAILURE}. */
    public String getSqlState() {
        return DsqlErrors.SERIALIZATION_FAILURE;
    }
}
