package io.dsqlkit.jdbc;

import io.dsqlkit.jdbc.internal.config.ConnectionSettings;
import io.dsqlkit.jdbc.internal.config.DsqlUrl;
import io.dsqlkit.jdbc.internal.config.PgjdbcKeys;
import io.dsqlkit.jdbc.internal.connect.PhysicalConnections;
import io.dsqlkit.jdbc.internal.token.SdkTokenProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JDBC driver for {@code jdbc:dsql://<endpoint>[:port][/postgres][?name=value&...]} URLs,
 * registered through the service loader. Each {@code connect} opens a pgjdbc connection with a new
 * IAM token, DSQL's TLS settings and the guards described in the module README.
 *
 * <p>Properties come from the {@code Properties} argument and the URL (the URL wins, as in pgjdbc).
 * Two keys take objects rather than strings: {@value #CREDENTIALS_PROVIDER_PROPERTY} (an
 * {@code AwsCredentialsProvider}) and {@value #TOKEN_PROVIDER_PROPERTY} (a {@link TokenProvider}).
 * A {@code password} handed in by a framework is ignored: every connection gets its own token.
 */
public final class DsqlDriver implements Driver {
    public static final String URL_PREFIX = DsqlUrl.PREFIX;
    /** {@code Properties} key for an {@code AwsCredentialsProvider} object (the AWS connector's key too). */
    public static final String CREDENTIALS_PROVIDER_PROPERTY = "credentialsProvider";
    /** {@code Properties} key for a {@link TokenProvider} object. */
    public static final String TOKEN_PROVIDER_PROPERTY = "tokenProvider";
    static final int MAJOR_VERSION = 0;
    static final int MINOR_VERSION = 1;

    private static final Logger log = LoggerFactory.getLogger(DsqlDriver.class);
    private static final AtomicBoolean PASSWORD_WARNED = new AtomicBoolean();

    static {
        try {
            DriverManager.registerDriver(new DsqlDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Token providers per AWS profile ("" = default chain), shared so credentials are resolved once, not per connection. */
    private final Map<String, TokenProvider> sharedTokenProviders = new ConcurrentHashMap<>();

    public DsqlDriver() {
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        ConnectionSettings settings;
        try {
            settings = builderFor(url, info == null ? new Properties() : info).connectionSettings();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new SQLNonTransientConnectionException(e.getMessage(), "08001", e);
        }
        return PhysicalConnections.open(settings, settings.user());
    }

    DsqlDataSourceBuilder builderFor(String url, Properties info) {
        DsqlDataSourceBuilder builder = DsqlDataSourceBuilder.builder()
                .defaultTokenProviders(profile -> sharedTokenProviders.computeIfAbsent(profile == null ? "" : profile,
                        key -> SdkTokenProvider.resolve(null, key.isEmpty() ? null : key)));
        for (String name : info.stringPropertyNames()) {
            String value = info.getProperty(name);
            if (name.equals(PgjdbcKeys.PASSWORD)) {
                if (!value.isEmpty() && PASSWORD_WARNED.compareAndSet(false, true)) {
                    log.warn("Ignoring the password given to the DSQL driver: every connection authenticates with a new IAM token");
                }
                continue;
            }
            builder.property(name, value);
        }
        Object credentials = info.get(CREDENTIALS_PROVIDER_PROPERTY);
        if (credentials instanceof AwsCredentialsProvider provider) {
            builder.credentialsProvider(provider);
        } else if (credentials != null) {
            throw new IllegalArgumentException(CREDENTIALS_PROVIDER_PROPERTY + " must be an AwsCredentialsProvider, was "
                    + credentials.getClass().getName());
        }
        Object tokens = info.get(TOKEN_PROVIDER_PROPERTY);
        if (tokens instanceof TokenProvider provider) {
            builder.tokenProvider(provider);
        } else if (tokens != null) {
            throw new IllegalArgumentException(TOKEN_PROVIDER_PROPERTY + " must be a " + TokenProvider.class.getName()
                    + ", was " + tokens.getClass().getName());
        }
        // URL last: its parameters win over Properties, as in pgjdbc.
        return builder.url(url);
    }

    @Override
    public boolean acceptsURL(String url) {
        return DsqlUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[]{
                describe(DsqlDataSourceBuilder.PROPERTY_USER, info, "database role; admin uses DbConnectAdmin tokens"),
                describe(DsqlDataSourceBuilder.PROPERTY_REGION, info, "AWS region, when the endpoint does not name it"),
                describe(DsqlDataSourceBuilder.PROPERTY_TOKEN_DURATION_SECONDS, info, "token lifetime in seconds (default 900)"),
                describe(DsqlDataSourceBuilder.PROPERTY_PROFILE, info, "AWS profile whose credentials sign tokens"),
                describe(DsqlDataSourceBuilder.PROPERTY_APPLICATION_NAME, info, "application_name (default dsqlkit-jdbc)"),
                describe(DsqlDataSourceBuilder.PROPERTY_SSL_ROOT_CERT, info, "PEM file of a CA to trust instead of the JVM trust store"),
                describe(DsqlDataSourceBuilder.PROPERTY_TLS, info, "false only for DSQL Local without TLS"),
                describe(DsqlDataSourceBuilder.PROPERTY_UNSUPPORTED_ISOLATION, info, "refuse (default) or ignore"),
        };
    }

    private static DriverPropertyInfo describe(String name, Properties info, String description) {
        DriverPropertyInfo property = new DriverPropertyInfo(name, info == null ? null : info.getProperty(name));
        property.description = description;
        return property;
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    /** Not JDBC-compliant in the spec's sense: DSQL lacks savepoints and isolation levels JDBC requires. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("dsqlkit-jdbc logs through SLF4J, not java.util.logging");
    }
}
