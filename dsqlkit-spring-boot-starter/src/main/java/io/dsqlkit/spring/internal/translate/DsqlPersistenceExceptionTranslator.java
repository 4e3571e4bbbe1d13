package io.dsqlkit.spring.internal.translate;

import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * First in the chain that {@code @Repository} proxies consult, so a conflict raised inside a
 * repository call (a statement DSQL rejects with {@code 40001}, e.g. a stale schema's OC001) becomes
 * a {@link io.dsqlkit.spring.DsqlConflictFailureException} before the generic translators see it.
 */
public final class DsqlPersistenceExceptionTranslator implements PersistenceExceptionTranslator, Ordered {
    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        return ConflictTranslation.translateIfConflict("Repository", ex);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
