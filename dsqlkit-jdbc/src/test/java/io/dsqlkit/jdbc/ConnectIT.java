package io.dsqlkit.jdbc;

import io.dsqlkit.jdbc.internal.token.SdkTokenProvider;
import io.dsqlkit.jdbc.testing.LocalDsql;
import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.DsqlLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static io.dsqlkit.jdbc.testing.LocalDsql.exec;
import static io.dsqlkit.jdbc.testing.LocalDsql.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Connecting with IAM tokens to a DSQL Local that verifies token signatures against a static test
 * key pair, over TLS verify-full against its CA.
 */
class ConnectIT {
    private static DsqlLocal local;
    private static DsqlCluster cluster;

    @BeforeAll
    static void start() {
        local = LocalDsql.server().start();
        cluster = local.defaultCluster();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void builderConnectsAsAdminWithASignedToken() throws SQLException {
        DataSource ds = LocalDsql.builder(local, cluster).credentialsProvider(LocalDsql.TEST_KEY).buildUnpooled();
        try (Connection c = ds.getConnection()) {
            assertThat(scalar(c, "select current_user")).isEqualTo("admin");
            assertThat(scalar(c, "select current_database()")).isEqualTo("postgres");
            assertThat(scalar(c, "show application_name")).isEqualTo("dsqlkit-jdbc");
            assertThat(c.isWrapperFor(org.postgresql.PGConnection.class)).isTrue();
        }
    }

    @Test
    void driverConnectsThroughDriverManager() throws SQLException {
        Properties info = new Properties();
        info.put(DsqlDriver.CREDENTIALS_PROVIDER_PROPERTY, LocalDsql.TEST_KEY);
        try (Connection c = DriverManager.getConnection(LocalDsql.url(local, cluster) + "&applicationName=orders-service", info)) {
            assertThat(scalar(c, "select current_user")).isEqualTo("admin");
            assertThat(scalar(c, "show application_name")).isEqualTo("orders-service");
        }
    }

    @Test
    void otherRolesConnectWithDbConnectTokens() throws SQLException {
        try (Connection admin = cluster.connect()) {
            exec(admin, "drop role if exists reporting");
            exec(admin, "create role reporting with login");
        }
        List<TokenRequest> requests = Collections.synchronizedList(new ArrayList<>());
        List<String> tokens = Collections.synchronizedList(new ArrayList<>());
        SdkTokenProvider signer = SdkTokenProvider.resolve(LocalDsql.TEST_KEY, null);
        DataSource ds = LocalDsql.builder(local, cluster).user("reporting").tokenProvider(r -> {
            requests.add(r);
            String token = signer.token(r);
            tokens.add(token);
            return token;
        }).buildUnpooled();
        try (Connection c = ds.getConnection()) {
            assertThat(scalar(c, "select current_user")).isEqualTo("reporting");
        }
        assertThat(requests).containsExactly(new TokenRequest("127.0.0.1", cluster.region(), "reporting",
                DsqlDataSourceBuilder.DEFAULT_TOKEN_DURATION));
        assertThat(tokens.get(0)).startsWith("127.0.0.1/?Action=DbConnect&");
    }

    @Test
    void aWronglySignedTokenIsRefused() {
        DataSource ds = LocalDsql.builder(local, cluster).credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LocalDsql.ACCESS_KEY_ID, "not-the-secret-the-server-trusts"))).buildUnpooled();
        assertThatThrownBy(ds::getConnection)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("IAM authentication failed for user \"admin\"")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void aTokenForAnotherRoleIsRefused() {
        SdkTokenProvider signer = SdkTokenProvider.resolve(LocalDsql.TEST_KEY, null);
        // A DbConnect token presented for admin, who needs DbConnectAdmin.
        DataSource ds = LocalDsql.builder(local, cluster)
                .tokenProvider(r -> signer.token(new TokenRequest(r.host(), r.region(), "someone", r.expiresIn())))
                .buildUnpooled();
        assertThatThrownBy(ds::getConnection).hasMessageContaining("IAM authentication failed for user \"admin\"");
    }

    @Test
    void anExpiredTokenIsRefused() {
        // This server's clock runs an hour ahead, so a token that lives 60 s is long expired for it.
        try (DsqlLocal ahead = LocalDsql.server().clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1))).start()) {
            DataSource ds = LocalDsql.builder(ahead, ahead.defaultCluster()).credentialsProvider(LocalDsql.TEST_KEY)
                    .tokenDuration(Duration.ofSeconds(60)).buildUnpooled();
            assertThatThrownBy(ds::getConnection)
                    .hasMessageContaining("IAM authentication failed for user \"admin\"")
                    .satisfies(e -> assertThat(String.valueOf(((org.postgresql.util.PSQLException) e).getServerErrorMessage()
                            .getDetail())).contains("expired"));
        }
    }

    @Test
    void verifyFullRefusesAServerItDoesNotTrust() {
        // Without DSQL Local's CA the JVM trust store is used, which does not know the local CA: no trust-all.
        DataSource ds = DsqlDataSourceBuilder.builder().endpoint(cluster.host()).port(cluster.port())
                .region(cluster.region().id()).credentialsProvider(LocalDsql.TEST_KEY).buildUnpooled();
        assertThatThrownBy(ds::getConnection)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("SSL error")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08006"));
    }

    @Test
    void everyPhysicalConnectionGetsItsOwnToken() throws SQLException {
        List<TokenRequest> requests = Collections.synchronizedList(new ArrayList<>());
        SdkTokenProvider signer = SdkTokenProvider.resolve(LocalDsql.TEST_KEY, null);
        TokenProvider counting = r -> {
            requests.add(r);
            return signer.token(r);
        };
        DataSource unpooled = LocalDsql.builder(local, cluster).tokenProvider(counting).buildUnpooled();
        Set<String> backends = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            try (Connection c = unpooled.getConnection()) {
                backends.add(scalar(c, "select pg_backend_pid()"));
            }
        }
        assertThat(backends).hasSize(3);
        assertThat(requests).hasSize(3);

        requests.clear();
        try (com.zaxxer.hikari.HikariDataSource pool = (com.zaxxer.hikari.HikariDataSource) LocalDsql.builder(local, cluster)
                .tokenProvider(counting).maximumPoolSize(3).build()) {
            Set<String> pooledBackends = new HashSet<>();
            List<Connection> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Connection c = pool.getConnection();
                held.add(c);
                pooledBackends.add(scalar(c, "select pg_backend_pid()"));
            }
            for (Connection c : held) {
                c.close();
            }
            // Borrowing again reuses the pooled connections: no new tokens.
            for (int i = 0; i < 5; i++) {
                try (Connection c = pool.getConnection()) {
                    pooledBackends.add(scalar(c, "select pg_backend_pid()"));
                }
            }
            assertThat(pooledBackends).hasSize(3);
            assertThat(requests).hasSize(3);
        }
    }
}
