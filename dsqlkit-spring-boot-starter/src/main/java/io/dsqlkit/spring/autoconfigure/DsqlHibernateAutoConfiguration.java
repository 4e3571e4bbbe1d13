package io.dsqlkit.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import java.util.Map;

/**
 * Hibernate on the starter's DSQL DataSource. The dialect is not named: dsqlkit-hibernate's
 * {@code DialectResolver} recognises DSQL from the connection and picks {@code AuroraDsqlDialect}.
 * This configuration only refuses settings that would defeat that: another dialect named through
 * {@code spring.jpa.database-platform} or {@code hibernate.dialect} (PostgreSQL's would emit DDL
 * and locking DSQL refuses), and it names the DSQL dialect itself when JDBC metadata access is
 * switched off, since detection needs a connection.
 */
@AutoConfiguration(after = DsqlDataSourceAutoConfiguration.class, before = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass(name = {DsqlHibernateAutoConfiguration.DSQL_DIALECT,
        "org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer"})
@ConditionalOnBean(DsqlConnectionDetails.class)
public class DsqlHibernateAutoConfiguration {
    static final String DSQL_DIALECT = "io.dsqlkit.hibernate.AuroraDsqlDialect";
    static final String DIALECT = "hibernate.dialect";
    static final String ALLOW_METADATA_ACCESS = "hibernate.boot.allow_jdbc_metadata_access";

    @Bean
    HibernatePropertiesCustomizer dsqlDialectCheck(Environment environment) {
        String platform = environment.getProperty("spring.jpa.database-platform");
        return properties -> check(properties, platform);
    }

    static void check(Map<String, Object> properties, String databasePlatform) {
        checkNamedDialect("spring.jpa.database-platform", databasePlatform);
        Object dialect = properties.get(DIALECT);
        checkNamedDialect("spring.jpa.properties." + DIALECT, dialect == null ? null : dialectName(dialect));
        boolean metadataAccess = !"false".equalsIgnoreCase(String.valueOf(properties.get(ALLOW_METADATA_ACCESS)));
        if (!metadataAccess && dialect == null && !StringUtils.hasText(databasePlatform)) {
            properties.put(DIALECT, DSQL_DIALECT);
        }
    }

    private static String dialectName(Object dialect) {
        return dialect instanceof Class<?> type ? type.getName()
                : dialect instanceof String name ? name : dialect.getClass().getName();
    }

    private static void checkNamedDialect(String property, String dialectName) {
        if (!StringUtils.hasText(dialectName)) {
            return;
        }
        ClassLoader loader = DsqlHibernateAutoConfiguration.class.getClassLoader();
        try {
            Class<?> dsql = ClassUtils.forName(DSQL_DIALECT, loader);
            Class<?> named = ClassUtils.forName(dialectName.trim(), loader);
            if (dsql.isAssignableFrom(named)) {
                return;
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // An unknown class is Hibernate's to report; only a known non-DSQL dialect is ours.
            return;
        }
        throw new IllegalStateException(property + "=" + dialectName + " names a dialect other than Aurora DSQL's, "
                + "but the DataSource is Aurora DSQL: DSQL refuses DDL and locking that dialect emits. Remove "
                + property + " so dsqlkit-hibernate detects " + DSQL_DIALECT + " from the connection, or name "
                + DSQL_DIALECT + " (or a subclass).");
    }
}
