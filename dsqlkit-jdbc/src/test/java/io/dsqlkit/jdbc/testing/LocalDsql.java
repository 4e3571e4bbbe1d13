package io.dsqlkit.jdbc.testing;

import io.dsqlkit.jdbc.DsqlDataSourceBuilder;
import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.DsqlLocal;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** DSQL Local wiring shared by the integration tests. */
public final class LocalDsql {
    /** A static key pair that dedicated DSQL Local servers trust, so token signatures are verified. */
    public static final String ACCESS_KEY_ID = "AKIADSQLKITJDBCTEST1";
    public static final String SECRET_ACCESS_KEY = "dsqlkit-jdbc-integration-test-secret-key";
    public static final AwsCredentialsProvider TEST_KEY = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));

    private LocalDsql() {
    }

    /** A DSQL Local builder trusting {@link #TEST_KEY}. */
    public static DsqlLocal.Builder server() {
        return DsqlLocal.builder().trustedKey(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
    }

    /** The connector configured for {@code cluster}: loopback endpoint, its region, its CA; no credentials yet. */
    public static DsqlDataSourceBuilder builder(DsqlLocal local, DsqlCluster cluster) {
        return DsqlDataSourceBuilder.builder()
                .endpoint(cluster.host())
                .port(cluster.port())
                .region(cluster.region().id())
                .sslRootCertificate(local.caCertificateFile());
    }

    /** {@link #builder} with tokens signed by the key {@code local} trusts. */
    public static DsqlDataSourceBuilder signedBuilder(DsqlLocal local, DsqlCluster cluster) {
        return builder(local, cluster).credentialsProvider(local.tokenCredentials());
    }

    /** The {@code jdbc:dsql://} URL of {@code cluster} (credentials go in Properties). */
    public static String url(DsqlLocal local, DsqlCluster cluster) {
        return "jdbc:dsql://" + cluster.host() + ":" + cluster.port() + "/postgres?region=" + cluster.region().id()
                + "&sslrootcert=" + local.caCertificateFile().toAbsolutePath();
    }

    public static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    public static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
