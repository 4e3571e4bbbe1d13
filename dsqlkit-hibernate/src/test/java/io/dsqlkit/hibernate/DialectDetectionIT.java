package io.dsqlkit.hibernate;

import io.dsqlkit.hibernate.internal.detect.DsqlSignature;
import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.junit.DsqlLocalTest;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto-detection both ways: DSQL Local (a loopback address, so detected by what the server says
 * about itself) gets {@link AuroraDsqlDialect}; the plain PostgreSQL behind it, which even has a
 * {@code sys.jobs}, keeps {@link PostgreSQLDialect}.
 */
@DsqlLocalTest
class DialectDetectionIT {

    @Test
    void dsqlLocalIsDetected(DsqlCluster cluster) throws Exception {
        try (SessionFactoryImplementor factory = Hibernates.build(Hibernates.connection(cluster))) {
            assertThat(factory.getJdbcServices().getDialect()).isExactlyInstanceOf(AuroraDsqlDialect.class);
            assertThat(factory.getJdbcServices().getDialect().getVersion().getMajor()).isEqualTo(16);
        }
        try (Connection connection = cluster.connect()) {
            assertThat(DsqlSignature.isDsql(connection.getMetaData())).isTrue();
            assertThat(connection.getAutoCommit()).isTrue();
        }
    }

    @Test
    void plainPostgresqlKeepsPostgresqlDialect(DsqlCluster cluster) throws Exception {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_JDBC_URL, cluster.backingJdbcUrl());
        try (SessionFactoryImplementor factory = Hibernates.build(settings)) {
            assertThat(factory.getJdbcServices().getDialect()).isExactlyInstanceOf(PostgreSQLDialect.class);
        }
        try (Connection connection = DriverManager.getConnection(cluster.backingJdbcUrl())) {
            assertThat(DsqlSignature.isDsql(connection.getMetaData())).isFalse();
        }
    }

    @Test
    void aProbeInATransactionLeavesNoTransactionOpen(DsqlCluster cluster) throws Exception {
        try (Connection connection = cluster.connect()) {
            connection.setAutoCommit(false);
            assertThat(DsqlSignature.isDsql(connection.getMetaData())).isTrue();
            // DSQL refuses DDL in a transaction that read data: the probe must have ended its own.
            try (var statement = connection.createStatement()) {
                statement.execute("create table after_probe (id bigint primary key)");
            }
            connection.commit();
        }
    }
}
