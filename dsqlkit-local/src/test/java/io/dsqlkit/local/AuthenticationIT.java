package io.dsqlkit.local;

import io.dsqlkit.local.junit.DsqlLocalExtension;
import io.dsqlkit.local.junit.DsqlLocalTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DSQL-FACTS §2: the password must be a valid IAM auth token for the right action, host and time. */
@DsqlLocalTest
class AuthenticationIT {

    private static Connection connect(DsqlCluster cluster, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection(cluster.jdbcUrl(), props);
    }

    private static void assertRefused(DsqlCluster cluster, String user, String password, String detail) {
        assertThatThrownBy(() -> connect(cluster, user, password).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("IAM authentication failed for user \"" + user + "\"")
                .hasMessageContaining(detail)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
    }

    private static String signedWith(String akid, String secret, String host, String user) {
        return AuthTokens.generate(StaticCredentialsProvider.create(AwsBasicCredentials.create(akid, secret)),
                Region.US_EAST_1, host, user, Duration.ofMinutes(15));
    }

    @Test
    void validTokensAreAcceptedForTheEndpointAndForLoopbackNames(DsqlLocal dsql, DsqlCluster cluster) throws SQLException {
        try (Connection c = connect(cluster, "admin", cluster.token("admin"))) {
            assertThat(c.isValid(2)).isTrue();
        }
        for (String host : new String[] {"localhost", "127.0.0.1", "LOCALHOST:5432"}) {
            String token = AuthTokens.generate(dsql.tokenCredentials(), Region.US_EAST_1, host, "admin", Duration.ofMinutes(1));
            try (Connection c = connect(cluster, "admin", token)) {
                assertThat(c.isValid(2)).as(host).isTrue();
            }
        }
    }

    @Test
    void plainPasswordIsRefused(DsqlCluster cluster) {
        assertRefused(cluster, "admin", "hunter2", "not a DSQL auth token");
    }

    @Test
    void dbConnectTokenForAdminIsRefused(DsqlCluster cluster) {
        // A DbConnect token (as made for any non-admin role) presented for admin.
        String dbConnect = cluster.token("someone_else");
        assertRefused(cluster, "admin", dbConnect, "DbConnectAdmin");
    }

    @Test
    void dbConnectAdminTokenForAnotherRoleIsRefused(DsqlCluster cluster) throws SQLException {
        try (Connection admin = cluster.connect()) {
            admin.createStatement().execute("create role app_user with login");
        }
        assertRefused(cluster, "app_user", cluster.token("admin"), "DbConnect");
    }

    @Test
    void wrongSignatureIsRefusedWhenKeysAreTrusted(DsqlCluster cluster) {
        String forged = signedWith(DsqlLocalExtension.TEST_ACCESS_KEY_ID, "not-the-secret", cluster.endpoint(), "admin");
        assertRefused(cluster, "admin", forged, "signature");
    }

    @Test
    void untrustedKeyIsRefused(DsqlCluster cluster) {
        String other = signedWith("AKIAOTHERKEY00000000", "secret", cluster.endpoint(), "admin");
        assertRefused(cluster, "admin", other, "AKIAOTHERKEY00000000");
    }

    @Test
    void tokenForAnotherClusterIsRefused(DsqlLocal dsql, DsqlCluster cluster) {
        try (DsqlCluster other = dsql.newCluster()) {
            assertRefused(cluster, "admin", other.token("admin"), other.endpoint());
        }
    }

    @Test
    void nonTlsClientIsRefusedWithAClearError(DsqlCluster cluster) {
        Properties props = new Properties();
        props.setProperty("user", "admin");
        props.setProperty("password", cluster.token("admin"));
        String url = "jdbc:postgresql://" + cluster.host() + ":" + cluster.port() + "/postgres?sslmode=disable";
        assertThatThrownBy(() -> DriverManager.getConnection(url, props).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("DSQL requires an encrypted connection")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28000"));
    }

    @Test
    void expiredTokenIsRefused() throws SQLException {
        // The server's clock runs an hour ahead, so a fresh 15-minute token is already expired for it.
        try (DsqlLocal ahead = DsqlLocal.builder().clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1))).start()) {
            DsqlCluster cluster = ahead.defaultCluster();
            assertRefused(cluster, "admin", cluster.token("admin"), "expired");
            try (Connection c = connect(cluster, "admin", cluster.token("admin", Duration.ofHours(2)))) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
    }
}
