package io.dsqlkit.local;

import software.amazon.awssdk.regions.Region;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * One local DSQL cluster: an independent, initially empty database reached through its own port of
 * the DSQL Local front end. Looks like DSQL from the client side: database {@code postgres}, user
 * {@code admin}, an IAM token as the password, TLS.
 */
public final class DsqlCluster implements AutoCloseable {
    /** DSQL tokens default to 15 minutes (DSQL-FACTS §2). */
    public static final Duration DEFAULT_TOKEN_DURATION = Duration.ofMinutes(15);

    private final DsqlLocal owner;
    private final String id;
    private final String endpoint;
    private final String host;
    private final int port;
    private final String backingDatabase;
    private final boolean isDefault;

    DsqlCluster(DsqlLocal owner, String id, String endpoint, String host, int port, String backingDatabase,
                boolean isDefault) {
        this.owner = owner;
        this.id = id;
        this.endpoint = endpoint;
        this.host = host;
        this.port = port;
        this.backingDatabase = backingDatabase;
        this.isDefault = isDefault;
    }

    /** The cluster identifier, 26 lowercase base32 characters like a real DSQL cluster id. */
    public String id() {
        return id;
    }

    /** The endpoint name, {@code <id>.dsql.<region>.on.aws}; tokens may be signed for it or for a loopback name. */
    public String endpoint() {
        return endpoint;
    }

    public Region region() {
        return owner.region();
    }

    /** The address clients connect to (a loopback address unless bound elsewhere). */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /**
     * A pgjdbc URL for this cluster, with {@code sslmode=verify-full} against DSQL Local's CA (or
     * {@code sslmode=disable} when TLS is off). The password (a token) is not part of it: see
     * {@link #token(String)} and {@link #connect()}.
     */
    public String jdbcUrl() {
        String tls = owner.tlsEnabled()
                ? "sslmode=verify-full&sslrootcert=" + owner.caCertificateFile().toAbsolutePath()
                : "sslmode=disable";
        return "jdbc:postgresql://" + hostForUrl() + ":" + port + "/postgres?" + tls;
    }

    private String hostForUrl() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** A fresh auth token for {@code user}: {@code DbConnectAdmin} for {@code admin}, {@code DbConnect} otherwise. */
    public String token(String user) {
        return token(user, DEFAULT_TOKEN_DURATION);
    }

    public String token(String user, Duration expiresIn) {
        return AuthTokens.generate(owner.tokenCredentials(), owner.region(), endpoint, user, expiresIn);
    }

    /** Opens a pgjdbc connection as {@code admin} with a fresh token. */
    public Connection connect() throws SQLException {
        return connect(DsqlLocal.ADMIN_USER);
    }

    /** Opens a pgjdbc connection as {@code user} with a fresh token. */
    public Connection connect(String user) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", token(user));
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    /**
     * A JDBC URL that bypasses the front end and talks to the backing PostgreSQL directly, as a
     * superuser, with none of DSQL's rules. For benchmarks and debugging only.
     */
    public String backingJdbcUrl() {
        return owner.backing().directJdbcUrl(backingDatabase) + "?user=postgres";
    }

    /**
     * Makes the next {@code commits} commits on this cluster fail with {@code 40001 change conflicts
     * with another transaction (OC000)}, exactly as a real conflict would, so applications can test
     * their retry code deterministically. A COMMIT of an explicit transaction, or an autocommit
     * write, counts as a commit. {@code 0} clears it.
     */
    public void failNextCommits(int commits) {
        owner.failNextCommits(this, commits);
    }

    public boolean isDefault() {
        return isDefault;
    }

    /** Stops serving this cluster and drops its data. The default cluster lives as long as its server. */
    @Override
    public void close() {
        if (!isDefault) {
            owner.dropCluster(this);
        }
    }

    String backingDatabase() {
        return backingDatabase;
    }

    @Override
    public String toString() {
        return "DsqlCluster[" + endpoint + " at " + host + ":" + port + "]";
    }
}
