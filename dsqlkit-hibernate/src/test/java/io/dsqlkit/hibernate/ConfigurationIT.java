package io.dsqlkit.hibernate;

import io.dsqlkit.hibernate.model.Model;
import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.junit.DsqlLocalTest;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code hibernate.dialect.aurora_dsql.*} settings through hibernate.properties (this module's
 * test resources set {@code truncate_batch_rows=700}), programmatic settings and a dialect
 * instance; persistence.xml is covered by {@link ShopApplicationIT}.
 */
@DsqlLocalTest
class ConfigurationIT {

    @Test
    void hibernatePropertiesReachTheDialect(DsqlCluster cluster) {
        try (SessionFactoryImplementor factory = Hibernates.build(Hibernates.connection(cluster))) {
            AuroraDsqlDialect dialect = (AuroraDsqlDialect) factory.getJdbcServices().getDialect();
            assertThat(dialect.getSettings().truncateBatchRows()).isEqualTo(700);
            assertThat(dialect.getSettings().sequenceCacheSize()).isEqualTo(65_536);
        }
    }

    @Test
    void programmaticSettingsTurnForeignKeysOff(DsqlCluster cluster) {
        Map<String, Object> settings = Hibernates.connection(cluster);
        settings.put(AuroraDsqlSettings.FOREIGN_KEYS, false);
        settings.put(AuroraDsqlSettings.SEQUENCE_CACHE_SIZE, "1");
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "drop-and-create");
        settings.put(AvailableSettings.HBM2DDL_HALT_ON_ERROR, "true");
        try (SessionFactoryImplementor factory = Hibernates.build(settings, Model.ENTITIES)) {
            assertThat(Sql.scalar(cluster, "select count(*) from pg_constraint where contype = 'f'")).isEqualTo("0");
            assertThat(Sql.scalar(cluster, "select seqcache from pg_sequence s join pg_class c on c.oid = s.seqrelid"
                    + " where c.relname = 'product_seq'")).isEqualTo("1");
        }
    }

    @Test
    void aDialectInstanceCarriesItsSettings(DsqlCluster cluster) {
        Map<String, Object> settings = Hibernates.connection(cluster);
        settings.put(AvailableSettings.DIALECT,
                new AuroraDsqlDialect(AuroraDsqlSettings.builder().sequenceCacheSize(131_072).build()));
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "drop-and-create");
        settings.put(AvailableSettings.HBM2DDL_HALT_ON_ERROR, "true");
        try (SessionFactoryImplementor factory = Hibernates.build(settings, Model.ENTITIES)) {
            assertThat(Sql.scalar(cluster, "select seqcache from pg_sequence s join pg_class c on c.oid = s.seqrelid"
                    + " where c.relname = 'product_seq'")).isEqualTo("131072");
        }
    }

    @Test
    void aCacheSizeDsqlRefusesFailsBootstrapNamingTheSetting(DsqlCluster cluster) {
        Map<String, Object> settings = Hibernates.connection(cluster);
        settings.put(AuroraDsqlSettings.SEQUENCE_CACHE_SIZE, "100");
        assertThatThrownBy(() -> Hibernates.build(settings, Model.ENTITIES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hibernate.dialect.aurora_dsql.sequence_cache_size must be 1 or at least 65536"
                        + " (DSQL refuses other CACHE values), was 100");
    }
}
