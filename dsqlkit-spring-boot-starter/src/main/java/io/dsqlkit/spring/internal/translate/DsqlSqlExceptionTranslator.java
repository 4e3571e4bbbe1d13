package io.dsqlkit.spring.internal.translate;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.support.SQLExceptionTranslator;

import java.sql.SQLException;

/**
 * Spring's PostgreSQL error codes turn {@code 40001} into a {@code CannotAcquireLockException} (a
 * {@code PessimisticLockingFailureException}); DSQL takes no locks, so its conflicts become {@link io.dsqlkit.spring.DsqlConflictFailureException}
 * (optimistic). Everything else goes to the translator it wraps.
 */
public final class DsqlSqlExceptionTranslator implements SQLExceptionTranslator {
    private final SQLExceptionTranslator delegate;

    public DsqlSqlExceptionTranslator(SQLExceptionTranslator delegate) {
        this.delegate = delegate;
    }

    @Override
    public DataAccessException translate(String task, String sql, SQLException ex) {
        DataAccessException conflict = ConflictTranslation.translateIfConflict(task, ex);
        return conflict != null ? conflict : delegate.translate(task, sql, ex);
    }

    public SQLExceptionTranslator delegate() {
        return delegate;
    }
}
