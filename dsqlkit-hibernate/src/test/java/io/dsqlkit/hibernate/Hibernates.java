package io.dsqlkit.hibernate;

import io.dsqlkit.hibernate.model.Model;
import io.dsqlkit.local.DsqlCluster;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds session factories for tests: against a DSQL Local cluster, or offline with the dialect named. */
public final class Hibernates {
    private Hibernates() {
    }

    /** Connection settings for {@code cluster} as {@code admin} with a fresh token; no dialect named. */
    public static Map<String, Object> connection(DsqlCluster cluster) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_JDBC_URL, cluster.jdbcUrl());
        settings.put(AvailableSettings.JAKARTA_JDBC_USER, "admin");
        settings.put(AvailableSettings.JAKARTA_JDBC_PASSWORD, cluster.token("admin"));
        settings.put(AvailableSettings.POOL_SIZE, "4");
        return settings;
    }

    public static SessionFactoryImplementor build(Map<String, Object> settings, Class<?>... entities) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (Class<?> entity : entities) {
                sources.addAnnotatedClass(entity);
            }
            SessionFactory factory = sources.buildMetadata().buildSessionFactory();
            return (SessionFactoryImplementor) factory;
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /**
     * A factory over the broad test model on a schema created from scratch ({@code create}, halting
     * on the first DDL error, so a statement DSQL refuses fails the test class).
     */
    static SessionFactoryImplementor createModel(Map<String, Object> connection) {
        Map<String, Object> settings = new HashMap<>(connection);
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "create");
        settings.put(AvailableSettings.HBM2DDL_HALT_ON_ERROR, "true");
        return build(settings, Model.ENTITIES);
    }

    /** Settings plus {@code hbm2ddl.auto}. */
    static Map<String, Object> with(Map<String, Object> settings, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(settings);
        copy.put(key, value);
        return copy;
    }

    /** Records every SQL statement Hibernate prepares through sessions. */
    static final class SqlLog implements StatementInspector {
        private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String inspect(String sql) {
            statements.add(sql);
            return sql;
        }

        List<String> statements() {
            synchronized (statements) {
                return List.copyOf(statements);
            }
        }

        void clear() {
            statements.clear();
        }

        Map<String, Object> install(Map<String, Object> settings) {
            return with(settings, AvailableSettings.STATEMENT_INSPECTOR, this);
        }
    }
}
