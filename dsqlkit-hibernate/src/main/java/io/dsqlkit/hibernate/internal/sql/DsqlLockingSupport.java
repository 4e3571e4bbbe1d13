package io.dsqlkit.hibernate.internal.sql;

import jakarta.persistence.Timeout;
import org.hibernate.dialect.RowLockStrategy;
import org.hibernate.dialect.lock.spi.ConnectionLockTimeoutStrategy;
import org.hibernate.dialect.lock.spi.LockTimeoutType;
import org.hibernate.dialect.lock.spi.LockingSupport;
import org.hibernate.dialect.lock.spi.OuterJoinLockingType;

/**
 * Locking on DSQL: no lock ever waits, conflicts surface at COMMIT (DSQL-FACTS §6), so lock
 * timeouts, {@code NOWAIT} and {@code SKIP LOCKED} have nothing to act on and are not rendered;
 * {@code FOR UPDATE} names no tables ({@code OF} is unobserved on DSQL, §17) and joins are never
 * locked (single table only, §13).
 */
public final class DsqlLockingSupport implements LockingSupport, LockingSupport.Metadata {
    public static final DsqlLockingSupport INSTANCE = new DsqlLockingSupport();

    private DsqlLockingSupport() {
    }

    @Override
    public Metadata getMetadata() {
        return this;
    }

    @Override
    public ConnectionLockTimeoutStrategy getConnectionLockTimeoutStrategy() {
        return ConnectionLockTimeoutStrategy.NONE;
    }

    @Override
    public RowLockStrategy getWriteRowLockStrategy() {
        return RowLockStrategy.NONE;
    }

    @Override
    public LockTimeoutType getLockTimeoutType(Timeout timeout) {
        return LockTimeoutType.NONE;
    }

    @Override
    public OuterJoinLockingType getOuterJoinLockingType() {
        return OuterJoinLockingType.UNSUPPORTED;
    }
}
