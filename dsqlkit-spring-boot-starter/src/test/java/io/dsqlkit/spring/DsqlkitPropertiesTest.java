package io.dsqlkit.spring;

import io.dsqlkit.spring.autoconfigure.DsqlkitProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DsqlkitPropertiesTest {
    private static DsqlkitProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate(DsqlkitProperties.PREFIX, DsqlkitProperties.class);
    }

    @Test
    void defaults() {
        DsqlkitProperties properties = bind(Map.of());
        assertThat(properties.getUser()).isEqualTo("admin");
        assertThat(properties.getEndpoint()).isNull();
        assertThat(properties.getDatasource().isEnabled()).isTrue();
        assertThat(properties.getRetry().isEnabled()).isTrue();
        assertThat(properties.getRetry().isAllTransactional()).isFalse();
        assertThat(properties.getRetry().getMaxAttempts()).isNull();
        assertThat(properties.getGuards().isEnabled()).isTrue();
        assertThat(properties.getExceptionTranslation().isEnabled()).isTrue();
        assertThat(properties.getLocal().getEnabled()).isNull();
        assertThat(properties.getLocal().getPort()).isZero();
    }

    @Test
    void bindsEveryProperty() {
        DsqlkitProperties properties = bind(Map.ofEntries(
                Map.entry("dsqlkit.endpoint", "abc.dsql.eu-west-1.on.aws"),
                Map.entry("dsqlkit.region", "eu-west-1"),
                Map.entry("dsqlkit.port", "5433"),
                Map.entry("dsqlkit.user", "app"),
                Map.entry("dsqlkit.profile", "dev"),
                Map.entry("dsqlkit.token-duration", "5m"),
                Map.entry("dsqlkit.application-name", "petclinic"),
                Map.entry("dsqlkit.ssl-root-certificate", "/etc/ssl/ca.pem"),
                Map.entry("dsqlkit.datasource.enabled", "false"),
                Map.entry("dsqlkit.retry.enabled", "false"),
                Map.entry("dsqlkit.retry.all-transactional", "true"),
                Map.entry("dsqlkit.retry.max-attempts", "7"),
                Map.entry("dsqlkit.retry.initial-backoff", "20ms"),
                Map.entry("dsqlkit.retry.max-backoff", "2s"),
                Map.entry("dsqlkit.retry.max-elapsed", "30s"),
                Map.entry("dsqlkit.retry.retry-server-unavailable", "true"),
                Map.entry("dsqlkit.guards.enabled", "false"),
                Map.entry("dsqlkit.exception-translation.enabled", "false"),
                Map.entry("dsqlkit.local.enabled", "true"),
                Map.entry("dsqlkit.local.data-directory", "/var/tmp/dsql"),
                Map.entry("dsqlkit.local.port", "15433")));

        assertThat(properties.getEndpoint()).isEqualTo("abc.dsql.eu-west-1.on.aws");
        assertThat(properties.getRegion()).isEqualTo("eu-west-1");
        assertThat(properties.getPort()).isEqualTo(5433);
        assertThat(properties.getUser()).isEqualTo("app");
        assertThat(properties.getProfile()).isEqualTo("dev");
        assertThat(properties.getTokenDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.getApplicationName()).isEqualTo("petclinic");
        assertThat(properties.getSslRootCertificate()).isEqualTo(Path.of("/etc/ssl/ca.pem"));
        assertThat(properties.getDatasource().isEnabled()).isFalse();
        assertThat(properties.getRetry().isEnabled()).isFalse();
        assertThat(properties.getRetry().isAllTransactional()).isTrue();
        assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(7);
        assertThat(properties.getRetry().getInitialBackoff()).isEqualTo(Duration.ofMillis(20));
        assertThat(properties.getRetry().getMaxBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.getRetry().getMaxElapsed()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.getRetry().getRetryServerUnavailable()).isTrue();
        assertThat(properties.getGuards().isEnabled()).isFalse();
        assertThat(properties.getExceptionTranslation().isEnabled()).isFalse();
        assertThat(properties.getLocal().getEnabled()).isTrue();
        assertThat(properties.getLocal().getDataDirectory()).isEqualTo(Path.of("/var/tmp/dsql"));
        assertThat(properties.getLocal().getPort()).isEqualTo(15433);
    }

    @Test
    void impossibleValuesAreRefusedNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("dsqlkit.port", "70000"))).isInstanceOf(BindException.class)
                .rootCause().hasMessage("dsqlkit.port must be between 1 and 65535, was 70000");
        assertThatThrownBy(() -> bind(Map.of("dsqlkit.retry.max-attempts", "0"))).isInstanceOf(BindException.class)
                .rootCause().hasMessage("dsqlkit.retry.max-attempts must be at least 1, was 0");
        assertThatThrownBy(() -> bind(Map.of("dsqlkit.token-duration", "0s"))).isInstanceOf(BindException.class)
                .rootCause().hasMessage("dsqlkit.token-duration must be positive, was PT0S");
        assertThatThrownBy(() -> bind(Map.of("dsqlkit.retry.max-backoff", "-1s"))).isInstanceOf(BindException.class)
                .rootCause().hasMessage("dsqlkit.retry.max-backoff must not be negative, was PT-1S");
        assertThatThrownBy(() -> bind(Map.of("dsqlkit.local.port", "-1"))).isInstanceOf(BindException.class)
                .rootCause().hasMessage("dsqlkit.local.port must be between 0 and 65535, was -1");
    }
}
