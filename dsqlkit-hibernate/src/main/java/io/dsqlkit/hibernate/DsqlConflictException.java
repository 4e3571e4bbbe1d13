package io.dsqlkit.hibernate;

import io.dsqlkit.jdbc.DsqlErrors;
import org.hibernate.exception.SnapshotIsolationException;

import java.sql.SQLException;

/**
 * DSQL's optimistic concurrency said no: SQLSTATE {@code 40001} with {@code OC000} (a concurrent
 * transaction changed the same rows) or {@code OC001} (the schema changed under this transaction)
 * (DSQL-FACTS §6). Run the whole transaction again. As a {@link SnapshotIsolationException}, JPA
 * reports it as {@code jakarta.persistence.OptimisticLockException} and Spring as an
 * {@code OptimisticLockingFailureException} (a {@code ConcurrencyFailureException}), the
 * exceptions their users already retry on.
 */
public class DsqlConflictException extends SnapshotIsolationException {
    private static final long serialVersionUID = 1L;

    private final String conflictCode;

    public DsqlConflictException(String message, SQLException cause, String sql, String conflictCode) {
        super(message, cause, sql);
        this.conflictCode = conflictCode;
    }

    /** {@code OC000}, {@code OC001}, or {@code null} when DSQL's message named no code. */
    public String conflictCode() {
        return conflictCode;
    }

    /** Whether the conflict is a schema change ({@code OC001}) rather than a data change. */
    public boolean isSchemaConflict() {
        return DsqlErrors.SCHEMA_CONFLICT.equals(conflictCode);
    }
}
