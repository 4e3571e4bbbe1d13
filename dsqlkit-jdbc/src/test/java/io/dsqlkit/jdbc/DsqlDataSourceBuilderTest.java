package io.dsqlkit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import io.dsqlkit.jdbc.internal.config.ConnectionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DsqlDataSourceBuilderTest {
    private static final String HOST = "abcdefghijklmnopqrstuvwx12.dsql.us-east-1.on.aws";
    private static final TokenProvider FIXED = request -> "token-for-" + request.user();

    private static Map<String, String> pgjdbc(ConnectionSettings settings) {
        Map<String, String> sorted = new TreeMap<>();
        settings.pgjdbcProperties().forEach((k, v) -> sorted.put((String) k, (String) v));
        return sorted;
    }

    @Test
    void realDsqlDefaults() {
        ConnectionSettings s = DsqlDataSourceBuilder.builder().endpoint(HOST).tokenProvider(FIXED).connectionSettings();
        assertThat(s.pgjdbcUrl()).isEqualTo("jdbc:postgresql://" + HOST + ":5432/postgres");
        assertThat(s.user()).isEqualTo("admin");
        assertThat(s.tokenDuration()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.tokenRequest("admin")).isEqualTo(new TokenRequest(HOST, software.amazon.awssdk.regions.Region.US_EAST_1,
                "admin", Duration.ofMinutes(15)));
        assertThat(pgjdbc(s)).isEqualTo(Map.of(
                "ApplicationName", "dsqlkit-jdbc",
                "assumeMinServerVersion", "9.0",
                "autosave", "never",
                "readOnlyMode", "transaction",
                "sslmode", "verify-full",
                "sslNegotiation", "direct",
                "sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory"));
    }

    @Test
    void dsqlLocalTrustsItsCaFile(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        ConnectionSettings s = DsqlDataSourceBuilder.builder()
                .url("jdbc:dsql://127.0.0.1:15433/postgres?region=us-east-1&user=app&tokenDurationSeconds=60&sslrootcert=" + ca)
                .tokenProvider(FIXED).connectionSettings();
        assertThat(s.pgjdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:15433/postgres");
        assertThat(s.user()).isEqualTo("app");
        assertThat(s.tokenDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(pgjdbc(s)).containsEntry("sslmode", "verify-full").containsEntry("sslNegotiation", "direct")
                .containsEntry("sslrootcert", ca.toAbsolutePath().toString()).doesNotContainKey("sslfactory");
    }

    @Test
    void tlsOffIsOnlyForLocalWithoutTls() {
        ConnectionSettings s = DsqlDataSourceBuilder.builder().endpoint("localhost").region("us-east-1").tls(false)
                .tokenProvider(FIXED).connectionSettings();
        assertThat(pgjdbc(s)).containsEntry("sslmode", "disable").doesNotContainKeys("sslNegotiation", "sslfactory");
        assertThatThrownBy(() -> DsqlDataSourceBuilder.builder().endpoint("localhost").region("us-east-1").tls(false)
                .sslRootCertificate(Path.of("ca.pem")).tokenProvider(FIXED).connectionSettings())
                .isInstanceOf(IllegalStateException.class).hasMessage("sslRootCertificate ca.pem is set but tls is off; remove one of them");
    }

    @Test
    void awsConnectorSpellingsAreAccepted() {
        ConnectionSettings s = DsqlDataSourceBuilder.builder()
                .url("jdbc:dsql://" + HOST + "/postgres?user=admin&token-duration-secs=300&ApplicationName=hibernate"
                        + "&sslmode=verify-full&sslNegotiation=direct&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory")
                .tokenProvider(FIXED).connectionSettings();
        assertThat(s.tokenDuration()).isEqualTo(Duration.ofSeconds(300));
        assertThat(s.applicationName()).isEqualTo("hibernate");
    }

    @Test
    void pgjdbcPropertiesPassThrough() {
        ConnectionSettings s = DsqlDataSourceBuilder.builder().endpoint(HOST).tokenProvider(FIXED)
                .property("prepareThreshold", "0").property("readOnlyMode", "ignore").connectionSettings();
        assertThat(pgjdbc(s)).containsEntry("prepareThreshold", "0").containsEntry("readOnlyMode", "ignore");
    }

    @Test
    void propertiesDsqlCannotWorkWithAreRefusedWithTheFix() {
        DsqlDataSourceBuilder b = DsqlDataSourceBuilder.builder();
        assertThatThrownBy(() -> b.property("password", "x"))
                .hasMessage("connection property password: the connector signs a new IAM token for every connection; remove the password");
        assertThatThrownBy(() -> b.property("autosave", "conservative"))
                .hasMessage("connection property autosave=conservative: pgjdbc's autosave sends SAVEPOINT, which DSQL refuses"
                        + " (DSQL-FACTS §4); only 'never' works");
        assertThatThrownBy(() -> b.property("readOnlyMode", "always"))
                .hasMessageContaining("readOnlyMode=always sends SET SESSION CHARACTERISTICS");
        assertThatThrownBy(() -> b.property("sslmode", "require")).hasMessageContaining("TLS is set by the connector");
        assertThatThrownBy(() -> b.property("sslfactory", "org.postgresql.ssl.NonValidatingFactory"))
                .hasMessageContaining("TLS is set by the connector");
        assertThatThrownBy(() -> b.property("PGDBNAME", "mydb")).hasMessageContaining("DSQL has one database, postgres");
        assertThatThrownBy(() -> b.property("tls", "maybe")).hasMessage("tls must be true or false, was 'maybe'");
        assertThatThrownBy(() -> b.property("unsupportedIsolation", "warn"))
                .hasMessage("unsupportedIsolation must be 'refuse' or 'ignore', was 'warn'");
        assertThatThrownBy(() -> b.property("tokenDurationSeconds", "abc"))
                .hasMessage("tokenDurationSeconds must be a whole number of seconds, was 'abc'");
    }

    @Test
    void impossibleValuesAreRejectedAtOnce() {
        DsqlDataSourceBuilder b = DsqlDataSourceBuilder.builder();
        assertThatThrownBy(() -> b.maxLifetime(Duration.ofMinutes(60)))
                .hasMessage("maxLifetime must be at least PT30S (HikariCP's minimum) and under PT1H (DSQL closes connections"
                        + " at 60 minutes), was PT1H");
        assertThatThrownBy(() -> b.maxLifetime(Duration.ofSeconds(5))).hasMessageContaining("at least PT30S");
        assertThatThrownBy(() -> b.tokenDuration(Duration.ofDays(8)))
                .hasMessage("tokenDuration must be positive and at most PT168H (DSQL's limit), was PT192H");
        assertThatThrownBy(() -> b.tokenDuration(Duration.ZERO)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> b.maximumPoolSize(0)).hasMessage("maximumPoolSize must be at least 1, was 0");
        assertThatThrownBy(() -> b.user(" ")).hasMessage("user must not be blank");
        assertThatThrownBy(() -> b.applicationName("x".repeat(64)))
                .hasMessageStartingWith("applicationName must be at most 63 bytes");
    }

    @Test
    void inconsistentSettingsFailAtBuild(@TempDir Path dir) {
        assertThatThrownBy(() -> DsqlDataSourceBuilder.builder().connectionSettings())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("endpoint is required");
        assertThatThrownBy(() -> DsqlDataSourceBuilder.builder().endpoint(HOST).tokenProvider(FIXED).profile("prod").connectionSettings())
                .hasMessage("tokenProvider makes its own tokens; remove credentialsProvider/profile or the tokenProvider");
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> DsqlDataSourceBuilder.builder().endpoint(HOST).sslRootCertificate(missing).connectionSettings())
                .hasMessageContaining("is not a readable file");
        assertThatThrownBy(() -> DsqlDataSourceBuilder.builder().endpoint("localhost").tokenProvider(FIXED).build())
                .hasMessageContaining("set region");
    }

    @Test
    void hikariConfigCarriesThePoolDefaults() {
        HikariConfig config = DsqlDataSourceBuilder.builder().endpoint(HOST).tokenProvider(FIXED).maximumPoolSize(4).hikariConfig();
        assertThat(config.getMaxLifetime()).isEqualTo(Duration.ofMinutes(55).toMillis());
        assertThat(config.getKeepaliveTime()).isEqualTo(Duration.ofMinutes(5).toMillis());
        assertThat(config.getIdleTimeout()).isEqualTo(Duration.ofMinutes(10).toMillis());
        assertThat(config.getMaximumPoolSize()).isEqualTo(4);
        assertThat(config.getPoolName()).isEqualTo("dsqlkit");
        assertThat(config.getExceptionOverride()).isInstanceOf(DsqlExceptionOverride.class);
        assertThat(config.getDataSource()).hasToString("dsqlkit UnpooledDataSource[admin@" + HOST + ":5432]");
    }
}
