package io.dsqlkit.spring.internal.translate;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.ConnectionHandle;
import org.springframework.orm.jpa.JpaDialect;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;

import java.sql.SQLException;

/**
 * Wraps the JPA dialect of a {@code JpaTransactionManager}. A DSQL conflict surfaces at
 * {@code commit()}, where Hibernate reports it as a {@code TransactionException} around the driver's
 * {@code 40001}; Spring 7's Hibernate dialect reads that SQLSTATE as a lock failure
 * ({@code CannotAcquireLockException}, pessimistic). DSQL takes no locks, so this wrapper makes it a
 * {@link io.dsqlkit.spring.DsqlConflictFailureException} (optimistic, carrying OC000/OC001).
 */
public final class DsqlJpaDialect implements JpaDialect {
    private final JpaDialect delegate;

    public DsqlJpaDialect(JpaDialect delegate) {
        this.delegate = delegate;
    }

    @Override
    public Object beginTransaction(EntityManager entityManager, TransactionDefinition definition)
            throws PersistenceException, SQLException, TransactionException {
        return delegate.beginTransaction(entityManager, definition);
    }

    @Override
    public Object prepareTransaction(EntityManager entityManager, boolean readOnly, String name)
            throws PersistenceException {
        return delegate.prepareTransaction(entityManager, readOnly, name);
    }

    @Override
    public void cleanupTransaction(Object transactionData) {
        delegate.cleanupTransaction(transactionData);
    }

    @Override
    public ConnectionHandle getJdbcConnection(EntityManager entityManager, boolean readOnly)
            throws PersistenceException, SQLException {
        return delegate.getJdbcConnection(entityManager, readOnly);
    }

    @Override
    public void releaseJdbcConnection(ConnectionHandle handle, EntityManager entityManager)
            throws PersistenceException, SQLException {
        delegate.releaseJdbcConnection(handle, entityManager);
    }

    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        DataAccessException conflict = ConflictTranslation.translateIfConflict("JPA", ex);
        return conflict != null ? conflict : delegate.translateExceptionIfPossible(ex);
    }

    public JpaDialect delegate() {
        return delegate;
    }
}
