package io.dsqlkit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import io.dsqlkit.jdbc.internal.config.ConnectionSettings;
import io.dsqlkit.jdbc.internal.config.DsqlUrl;
import io.dsqlkit.jdbc.internal.config.Endpoint;
import io.dsqlkit.jdbc.internal.config.PgjdbcKeys;
import io.dsqlkit.jdbc.internal.config.TlsMode;
import io.dsqlkit.jdbc.internal.connect.UnpooledDataSource;
import io.dsqlkit.jdbc.internal.pool.HikariPools;
import io.dsqlkit.jdbc.internal.token.SdkTokenProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds a DataSource for one DSQL cluster: a HikariCP pool with DSQL's defaults (default), or an
 * unpooled DataSource that opens a new physical connection per {@code getConnection()}. Every
 * physical connection authenticates with a token of its own and is guarded (isolation, savepoints,
 * read-only; see the module README).
 *
 * <pre>{@code
 * DataSource ds = DsqlDataSourceBuilder.builder()
 *         .endpoint("abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws")
 *         .build();
 * }</pre>
 *
 * <p>Setters reject impossible values at once with a message naming the setting; {@link #build()}
 * checks what only makes sense together. Not thread-safe; build once.
 */
public final class DsqlDataSourceBuilder {
    /** DSQL's built-in role (DSQL-FACTS §2). */
    public static final String ADMIN_USER = TokenRequest.ADMIN_USER;
    /** The SDK's and the CLI's default token lifetime (DSQL-FACTS §2); only connecting needs a valid token. */
    public static final Duration DEFAULT_TOKEN_DURATION = Duration.ofMinutes(15);
    /** DSQL's longest token lifetime: one week (DSQL-FACTS §2). */
    public static final Duration MAX_TOKEN_DURATION = Duration.ofDays(7);
    /** Shows in DSQL's logs for the connections of this connector. */
    public static final String DEFAULT_APPLICATION_NAME = "dsqlkit-jdbc";
    /** PostgreSQL keeps 63 bytes of application_name. */
    public static final int MAX_APPLICATION_NAME_BYTES = 63;
    /** DSQL closes every connection after 60 minutes (DSQL-FACTS §2). */
    public static final Duration DSQL_MAX_CONNECTION_AGE = Duration.ofMinutes(60);
    /**
     * Pooled connections retire at 55 minutes (HikariCP shortens each by up to 2.5 % more), five
     * minutes before DSQL's cut-off, which covers DSQL's 5-minute transaction limit for a
     * connection borrowed just before retirement.
     */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(55);
    /** HikariCP's smallest max lifetime; it silently replaces shorter values with its 30-minute default. */
    public static final Duration MIN_MAX_LIFETIME = Duration.ofSeconds(30);
    /** Idle pooled connections are pinged every 5 minutes: under common NAT idle timeouts (350 s on AWS NAT gateways). */
    public static final Duration DEFAULT_KEEPALIVE_TIME = Duration.ofMinutes(5);
    /** Connections above {@code minimumIdle} are closed after 10 minutes idle. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    /** HikariCP's default size. */
    public static final int DEFAULT_MAXIMUM_POOL_SIZE = 10;
    public static final String DEFAULT_POOL_NAME = "dsqlkit";

    /** Connection property names, in {@code jdbc:dsql://} URLs, driver {@code Properties} and {@link #property}. */
    public static final String PROPERTY_USER = "user";
    public static final String PROPERTY_REGION = "region";
    public static final String PROPERTY_TOKEN_DURATION_SECONDS = "tokenDurationSeconds";
    public static final String PROPERTY_PROFILE = "profile";
    public static final String PROPERTY_APPLICATION_NAME = "applicationName";
    public static final String PROPERTY_SSL_ROOT_CERT = "sslrootcert";
    public static final String PROPERTY_TLS = "tls";
    public static final String PROPERTY_UNSUPPORTED_ISOLATION = "unsupportedIsolation";
    /** AWS connector spellings accepted as aliases, so its URLs keep working. */
    static final String AWS_TOKEN_DURATION_SECS = "token-duration-secs";

    private String endpoint;
    private String region;
    private Integer port;
    private String user = ADMIN_USER;
    private Duration tokenDuration = DEFAULT_TOKEN_DURATION;
    private String profile;
    private AwsCredentialsProvider credentialsProvider;
    private TokenProvider tokenProvider;
    private String applicationName = DEFAULT_APPLICATION_NAME;
    private Path sslRootCertificate;
    private boolean tls = true;
    private UnsupportedIsolation unsupportedIsolation = UnsupportedIsolation.REFUSE;
    private final Map<String, String> pgjdbcProperties = new LinkedHashMap<>();
    private int maximumPoolSize = DEFAULT_MAXIMUM_POOL_SIZE;
    private Duration maxLifetime = DEFAULT_MAX_LIFETIME;
    private String poolName = DEFAULT_POOL_NAME;
    private boolean pooled = true;
    /** How tokens are made when neither a token provider nor credentials are given (the driver shares these). */
    private Function<String, TokenProvider> defaultTokenProviders = profileName -> SdkTokenProvider.resolve(null, profileName);

    private DsqlDataSourceBuilder() {
    }

    public static DsqlDataSourceBuilder builder() {
        return new DsqlDataSourceBuilder();
    }

    /**
     * Takes endpoint, port and properties from a {@code jdbc:dsql://<endpoint>[:port][/postgres]?...}
     * URL; later setter calls override what it set.
     */
    public DsqlDataSourceBuilder url(String jdbcDsqlUrl) {
        DsqlUrl url = DsqlUrl.parse(jdbcDsqlUrl);
        this.endpoint = url.endpoint();
        this.port = url.port();
        url.parameters().forEach(this::property);
        return this;
    }

    /** A full host name ({@code <id>.dsql.<region>.on.aws}, a loopback address for DSQL Local) or a bare cluster id with {@link #region}. */
    public DsqlDataSourceBuilder endpoint(String hostOrClusterId) {
        this.endpoint = requireText("endpoint", hostOrClusterId);
        return this;
    }

    /** The cluster's region; needed when the endpoint does not name it. */
    public DsqlDataSourceBuilder region(String region) {
        this.region = requireText("region", region);
        return this;
    }

    public DsqlDataSourceBuilder port(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        this.port = port;
        return this;
    }

    /** The database role; {@code admin} (default) connects with a {@code DbConnectAdmin} token, others with {@code DbConnect}. */
    public DsqlDataSourceBuilder user(String user) {
        this.user = requireText("user", user);
        return this;
    }

    /** How long each token stays valid for connecting: positive, at most a week. */
    public DsqlDataSourceBuilder tokenDuration(Duration d) {
        Objects.requireNonNull(d, "tokenDuration");
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_TOKEN_DURATION) > 0) {
            throw new IllegalArgumentException("tokenDuration must be positive and at most " + MAX_TOKEN_DURATION
                    + " (DSQL's limit), was " + d);
        }
        this.tokenDuration = d;
        return this;
    }

    /** Sign tokens with the credentials of this AWS profile (after an explicit credentials provider). */
    public DsqlDataSourceBuilder profile(String awsProfile) {
        this.profile = requireText("profile", awsProfile);
        return this;
    }

    /** Sign tokens with these credentials (before profile and the default chain). */
    public DsqlDataSourceBuilder credentialsProvider(AwsCredentialsProvider p) {
        this.credentialsProvider = Objects.requireNonNull(p, "credentialsProvider");
        return this;
    }

    /** Make tokens some other way (tests, custom signers); excludes credentials provider and profile. */
    public DsqlDataSourceBuilder tokenProvider(TokenProvider p) {
        this.tokenProvider = Objects.requireNonNull(p, "tokenProvider");
        return this;
    }

    /** {@code application_name} of every connection, at most 63 bytes. */
    public DsqlDataSourceBuilder applicationName(String name) {
        requireText("applicationName", name);
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_APPLICATION_NAME_BYTES) {
            throw new IllegalArgumentException("applicationName must be at most " + MAX_APPLICATION_NAME_BYTES
                    + " bytes (PostgreSQL truncates longer names), was '" + name + "'");
        }
        this.applicationName = name;
        return this;
    }

    /**
     * Trust exactly the CA in this PEM file, e.g. DSQL Local's {@code caCertificateFile()}; by
     * default the JVM's trust store is used (real DSQL's certificates chain to Amazon Root CA 1).
     */
    public DsqlDataSourceBuilder sslRootCertificate(Path pemFile) {
        this.sslRootCertificate = Objects.requireNonNull(pemFile, "sslRootCertificate");
        return this;
    }

    /** {@code false} only for DSQL Local started without TLS; real DSQL requires TLS. */
    public DsqlDataSourceBuilder tls(boolean enabled) {
        this.tls = enabled;
        return this;
    }

    /** What isolation levels other than REPEATABLE READ do: refused (default) or ignored with a warning. */
    public DsqlDataSourceBuilder unsupportedIsolation(UnsupportedIsolation behaviour) {
        this.unsupportedIsolation = Objects.requireNonNull(behaviour, "unsupportedIsolation");
        return this;
    }

    /**
     * A connection property: the connector's own ({@code user}, {@code region},
     * {@code tokenDurationSeconds}, {@code profile}, {@code applicationName}, {@code sslrootcert},
     * {@code tls}, {@code unsupportedIsolation}, and the AWS connector's {@code token-duration-secs}
     * and {@code ApplicationName}) or any pgjdbc property, except those DSQL cannot work with.
     *
     * @throws IllegalArgumentException naming the property and what to do instead, for
     *         {@code password}, TLS settings other than the connector's, {@code autosave} other than
     *         {@code never}, {@code readOnlyMode=always}, and databases other than {@code postgres}
     */
    public DsqlDataSourceBuilder property(String pgjdbcProperty, String value) {
        requireText("property name", pgjdbcProperty);
        Objects.requireNonNull(value, () -> "value of property " + pgjdbcProperty);
        switch (pgjdbcProperty) {
            case PROPERTY_USER -> user(value);
            case PROPERTY_REGION -> region(value);
            case PROPERTY_TOKEN_DURATION_SECONDS, AWS_TOKEN_DURATION_SECS ->
                    tokenDuration(Duration.ofSeconds(parseLong(pgjdbcProperty, value)));
            case PROPERTY_PROFILE -> profile(value);
            case PROPERTY_APPLICATION_NAME, PgjdbcKeys.APPLICATION_NAME -> applicationName(value);
            case PROPERTY_SSL_ROOT_CERT -> sslRootCertificate(Path.of(value));
            case PROPERTY_TLS -> tls(parseBoolean(pgjdbcProperty, value));
            case PROPERTY_UNSUPPORTED_ISOLATION -> unsupportedIsolation(UnsupportedIsolation.fromProperty(value));
            default -> {
                PgjdbcKeys.refusal(pgjdbcProperty, value).ifPresent(reason -> {
                    throw new IllegalArgumentException("connection property " + reason);
                });
                pgjdbcProperties.put(pgjdbcProperty, value);
            }
        }
        return this;
    }

    /** Largest number of pooled connections. */
    public DsqlDataSourceBuilder maximumPoolSize(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("maximumPoolSize must be at least 1, was " + n);
        }
        this.maximumPoolSize = n;
        return this;
    }

    /** Age at which the pool retires a connection: at least 30 s (HikariCP's floor), under DSQL's 60 minutes. */
    public DsqlDataSourceBuilder maxLifetime(Duration d) {
        Objects.requireNonNull(d, "maxLifetime");
        if (d.compareTo(MIN_MAX_LIFETIME) < 0 || d.compareTo(DSQL_MAX_CONNECTION_AGE) >= 0) {
            throw new IllegalArgumentException("maxLifetime must be at least " + MIN_MAX_LIFETIME + " (HikariCP's minimum)"
                    + " and under " + DSQL_MAX_CONNECTION_AGE + " (DSQL closes connections at 60 minutes), was " + d);
        }
        this.maxLifetime = d;
        return this;
    }

    /** HikariCP pool name (thread names, JMX, logs). */
    public DsqlDataSourceBuilder poolName(String name) {
        this.poolName = requireText("poolName", name);
        return this;
    }

    /** {@code true} (default): {@link #build()} returns a HikariCP pool; {@code false}: unpooled. */
    public DsqlDataSourceBuilder pooled(boolean pooled) {
        this.pooled = pooled;
        return this;
    }

    /**
     * A HikariCP configuration with the connector's defaults and its unpooled DataSource as the
     * connection source, for frameworks that bind more settings on top before starting the pool.
     *
     * @throws IllegalStateException if HikariCP is not on the classpath, or the settings are inconsistent
     */
    public HikariConfig hikariConfig() {
        requireHikari();
        return HikariPools.config(new UnpooledDataSource(connectionSettings()),
                new HikariPools.PoolSettings(poolName, maximumPoolSize, maxLifetime, DEFAULT_KEEPALIVE_TIME,
                        DEFAULT_IDLE_TIMEOUT));
    }

    /** A HikariCP pool ({@code HikariDataSource}) unless {@link #pooled(boolean) pooled(false)}; close it when done. */
    public DataSource build() {
        if (!pooled) {
            return buildUnpooled();
        }
        requireHikari();
        return HikariPools.dataSource(hikariConfig());
    }

    /** A DataSource that opens a new physical connection, with a fresh token, on every {@code getConnection()}. */
    public DataSource buildUnpooled() {
        return new UnpooledDataSource(connectionSettings());
    }

    /** Validated, immutable settings; the driver connects with these directly. */
    ConnectionSettings connectionSettings() {
        if (endpoint == null) {
            throw new IllegalStateException("endpoint is required: endpoint(\"<cluster-id>.dsql.<region>.on.aws\"),"
                    + " endpoint(\"<cluster-id>\") with region(...), or url(\"jdbc:dsql://...\")");
        }
        Endpoint resolved = Endpoint.resolve(endpoint, port, region);
        TlsMode tlsMode;
        if (!tls) {
            if (sslRootCertificate != null) {
                throw new IllegalStateException("sslRootCertificate " + sslRootCertificate + " is set but tls is off;"
                        + " remove one of them");
            }
            tlsMode = TlsMode.DISABLED;
        } else if (sslRootCertificate != null) {
            if (!Files.isReadable(sslRootCertificate)) {
                throw new IllegalStateException("sslRootCertificate " + sslRootCertificate.toAbsolutePath()
                        + " is not a readable file; give the PEM file of the CA to trust (DSQL Local: caCertificateFile())");
            }
            tlsMode = TlsMode.ROOT_CERTIFICATE;
        } else {
            tlsMode = TlsMode.SYSTEM_TRUST_STORE;
        }
        TokenProvider tokens;
        if (tokenProvider != null) {
            if (credentialsProvider != null || profile != null) {
                throw new IllegalStateException("tokenProvider makes its own tokens; remove credentialsProvider/profile"
                        + " or the tokenProvider");
            }
            tokens = tokenProvider;
        } else if (credentialsProvider != null) {
            tokens = SdkTokenProvider.resolve(credentialsProvider, null);
        } else {
            tokens = defaultTokenProviders.apply(profile);
        }
        return new ConnectionSettings(resolved, user, tokenDuration, tokens, tlsMode, sslRootCertificate,
                applicationName, unsupportedIsolation, pgjdbcProperties);
    }

    /** The driver shares token providers per profile across connections. */
    DsqlDataSourceBuilder defaultTokenProviders(Function<String, TokenProvider> providers) {
        this.defaultTokenProviders = providers;
        return this;
    }

    private static void requireHikari() {
        if (!HikariPools.available()) {
            throw new IllegalStateException("a pooled DataSource needs HikariCP (com.zaxxer:HikariCP) on the classpath;"
                    + " add it, or use pooled(false) / buildUnpooled()");
        }
    }

    private static String requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.trim();
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of seconds, was '" + value + "'");
        }
    }

    private static boolean parseBoolean(String name, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
        };
    }
}
