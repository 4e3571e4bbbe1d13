package io.dsqlkit.spring.autoconfigure;

import io.dsqlkit.hibernate.AuroraDsqlDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DsqlHibernateAutoConfigurationTest {
    @Test
    void nothingNamedLeavesTheDialectToDetection() {
        Map<String, Object> properties = new HashMap<>();
        DsqlHibernateAutoConfiguration.check(properties, null);
        assertThat(properties).doesNotContainKey("hibernate.dialect");
    }

    @Test
    void theDsqlDialectOrASubclassMayBeNamed() {
        Map<String, Object> properties = new HashMap<>(Map.of("hibernate.dialect", AuroraDsqlDialect.class.getName()));
        DsqlHibernateAutoConfiguration.check(properties, AuroraDsqlDialect.class.getName());
        assertThat(properties).containsEntry("hibernate.dialect", AuroraDsqlDialect.class.getName());
    }

    @Test
    void postgresDialectAsHibernatePropertyIsRefusedNamingTheProperty() {
        Map<String, Object> properties = new HashMap<>(Map.of("hibernate.dialect", PostgreSQLDialect.class));
        assertThatThrownBy(() -> DsqlHibernateAutoConfiguration.check(properties, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("spring.jpa.properties.hibernate.dialect=org.hibernate.dialect.PostgreSQLDialect"
                        + " names a dialect other than Aurora DSQL's");
    }

    @Test
    void withoutMetadataAccessTheDsqlDialectIsNamedBecauseDetectionNeedsAConnection() {
        Map<String, Object> properties = new HashMap<>(Map.of("hibernate.boot.allow_jdbc_metadata_access", "false"));
        DsqlHibernateAutoConfiguration.check(properties, null);
        assertThat(properties).containsEntry("hibernate.dialect", AuroraDsqlDialect.class.getName());
    }

    @Test
    void anUnknownClassIsLeftForHibernateToReport() {
        Map<String, Object> properties = new HashMap<>();
        DsqlHibernateAutoConfiguration.check(properties, "com.example.NoSuchDialect");
        assertThat(properties).doesNotContainKey("hibernate.dialect");
    }
}
