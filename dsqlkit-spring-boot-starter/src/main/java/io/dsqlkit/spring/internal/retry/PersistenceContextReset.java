package io.dsqlkit.spring.internal.retry;

import io.dsqlkit.jdbc.RetryListener;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Clears the persistence contexts bound to the thread before the next attempt. A transaction-scoped
 * context is gone once the failed transaction rolled back, but one bound for the whole request
 * (open-in-view) would otherwise hand the next attempt the entities the failed one loaded and
 * changed, so it would write stale state again.
 */
public final class PersistenceContextReset implements RetryListener {
    private final Supplier<Iterable<EntityManagerFactory>> factories;

    public PersistenceContextReset(Supplier<Iterable<EntityManagerFactory>> factories) {
        this.factories = factories;
    }

    @Override
    public void onRetry(int failedAttempt, Throwable cause, Duration backoff) {
        for (EntityManagerFactory factory : factories.get()) {
            if (TransactionSynchronizationManager.getResource(factory) instanceof EntityManagerHolder holder
                    && holder.getEntityManager().isOpen()) {
                holder.getEntityManager().clear();
            }
        }
    }
}
