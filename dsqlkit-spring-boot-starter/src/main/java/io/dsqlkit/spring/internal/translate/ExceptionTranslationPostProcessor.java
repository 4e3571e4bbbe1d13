package io.dsqlkit.spring.internal.translate;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.support.JdbcAccessor;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.orm.jpa.JpaDialect;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.util.ClassUtils;

/**
 * Puts DSQL's conflict translation in front of the translators of the JDBC and JPA beans the
 * application already has: {@code JdbcTemplate} and friends, {@code JdbcTransactionManager} (commit
 * failures) and {@code JpaTransactionManager} (its JPA dialect translates commit failures).
 */
public final class ExceptionTranslationPostProcessor implements BeanPostProcessor {
    private static final boolean JPA_PRESENT = ClassUtils.isPresent(
            "org.springframework.orm.jpa.JpaTransactionManager", ExceptionTranslationPostProcessor.class.getClassLoader())
            && ClassUtils.isPresent("jakarta.persistence.EntityManager", ExceptionTranslationPostProcessor.class.getClassLoader());

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof JdbcAccessor accessor
                && !(accessor.getExceptionTranslator() instanceof DsqlSqlExceptionTranslator)) {
            accessor.setExceptionTranslator(new DsqlSqlExceptionTranslator(accessor.getExceptionTranslator()));
        } else if (bean instanceof JdbcTransactionManager manager
                && !(manager.getExceptionTranslator() instanceof DsqlSqlExceptionTranslator)) {
            manager.setExceptionTranslator(new DsqlSqlExceptionTranslator(manager.getExceptionTranslator()));
        } else if (JPA_PRESENT) {
            JpaDialects.wrap(bean);
        }
        return bean;
    }

    /** Separate so that JDBC-only applications never load JPA classes. */
    private static final class JpaDialects {
        static void wrap(Object bean) {
            if (bean instanceof JpaTransactionManager manager) {
                JpaDialect dialect = manager.getJpaDialect();
                if (!(dialect instanceof DsqlJpaDialect)) {
                    manager.setJpaDialect(new DsqlJpaDialect(dialect));
                }
            }
        }
    }
}
