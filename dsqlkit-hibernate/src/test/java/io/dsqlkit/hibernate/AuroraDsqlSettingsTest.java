package io.dsqlkit.hibernate;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuroraDsqlSettingsTest {

    @Test
    void defaultsMatchDsqlAndAwssDialect() {
        AuroraDsqlSettings settings = AuroraDsqlSettings.defaults();
        assertThat(settings.sequenceCacheSize()).isEqualTo(65_536);
        assertThat(settings.foreignKeys()).isTrue();
        assertThat(settings.validateConstraints()).isTrue();
        assertThat(settings.waitForJobs()).isTrue();
        assertThat(settings.truncateBatchRows()).isEqualTo(1_000);
        assertThat(settings.ddlConflictRetries()).isEqualTo(3);
        assertThat(AuroraDsqlSettings.from(Map.of())).usingRecursiveComparison().isEqualTo(settings);
    }

    @Test
    void keepsAwssSettingName() {
        assertThat(AuroraDsqlSettings.SEQUENCE_CACHE_SIZE).isEqualTo("hibernate.dialect.aurora_dsql.sequence_cache_size");
        assertThat(AuroraDsqlSettings.from(Map.of(AuroraDsqlSettings.SEQUENCE_CACHE_SIZE, "1")).sequenceCacheSize())
                .isEqualTo(1);
    }

    @Test
    void readsStringsNumbersAndBooleans() {
        AuroraDsqlSettings settings = AuroraDsqlSettings.from(Map.of(
                AuroraDsqlSettings.SEQUENCE_CACHE_SIZE, 100_000,
                AuroraDsqlSettings.FOREIGN_KEYS, "false",
                AuroraDsqlSettings.VALIDATE_CONSTRAINTS, Boolean.FALSE,
                AuroraDsqlSettings.WAIT_FOR_JOBS, " FALSE ",
                AuroraDsqlSettings.TRUNCATE_BATCH_ROWS, "3000",
                AuroraDsqlSettings.DDL_CONFLICT_RETRIES, "0"));
        assertThat(settings.sequenceCacheSize()).isEqualTo(100_000);
        assertThat(settings.foreignKeys()).isFalse();
        assertThat(settings.validateConstraints()).isFalse();
        assertThat(settings.waitForJobs()).isFalse();
        assertThat(settings.truncateBatchRows()).isEqualTo(3_000);
        assertThat(settings.ddlConflictRetries()).isZero();
    }

    @Test
    void rejectsCacheSizesDsqlRefuses() {
        for (int refused : new int[] {0, 2, 1_000, 65_535, -1}) {
            assertThatThrownBy(() -> AuroraDsqlSettings.builder().sequenceCacheSize(refused))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("hibernate.dialect.aurora_dsql.sequence_cache_size must be 1 or at least 65536"
                            + " (DSQL refuses other CACHE values), was " + refused);
        }
        assertThat(AuroraDsqlSettings.builder().sequenceCacheSize(65_536).build().sequenceCacheSize()).isEqualTo(65_536);
    }

    @Test
    void rejectsMalformedValuesNamingTheSetting() {
        assertThatThrownBy(() -> AuroraDsqlSettings.from(Map.of(AuroraDsqlSettings.FOREIGN_KEYS, "yes")))
                .hasMessage("hibernate.dialect.aurora_dsql.foreign_keys must be true or false, was 'yes'");
        assertThatThrownBy(() -> AuroraDsqlSettings.from(Map.of(AuroraDsqlSettings.TRUNCATE_BATCH_ROWS, "many")))
                .hasMessage("hibernate.dialect.aurora_dsql.truncate_batch_rows must be an integer, was 'many'");
        assertThatThrownBy(() -> AuroraDsqlSettings.from(Map.of(AuroraDsqlSettings.TRUNCATE_BATCH_ROWS, "3001")))
                .hasMessage("hibernate.dialect.aurora_dsql.truncate_batch_rows must be between 1 and 3000, was 3001");
        assertThatThrownBy(() -> AuroraDsqlSettings.builder().ddlConflictRetries(21))
                .hasMessage("hibernate.dialect.aurora_dsql.ddl_conflict_retries must be between 0 and 20, was 21");
    }

    @Test
    void toBuilderKeepsValues() {
        AuroraDsqlSettings settings = AuroraDsqlSettings.builder().foreignKeys(false).sequenceCacheSize(1).build();
        AuroraDsqlSettings copy = settings.toBuilder().waitForJobs(false).build();
        assertThat(copy.foreignKeys()).isFalse();
        assertThat(copy.sequenceCacheSize()).isEqualTo(1);
        assertThat(copy.waitForJobs()).isFalse();
        assertThat(settings.waitForJobs()).isTrue();
    }
}
