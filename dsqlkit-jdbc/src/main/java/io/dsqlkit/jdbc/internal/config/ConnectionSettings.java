package io.dsqlkit.jdbc.internal.config;

import io.dsqlkit.jdbc.TokenProvider;
import io.dsqlkit.jdbc.TokenRequest;
import io.dsqlkit.jdbc.UnsupportedIsolation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Everything needed to open a physical connection to one DSQL cluster; validated by whoever built
 * it (the DataSource builder or the driver), immutable after.
 *
 * @param driverProperties further pgjdbc properties, already checked against the ones DSQL forbids
 */
public record ConnectionSettings(Endpoint endpoint, String user, Duration tokenDuration, TokenProvider tokenProvider,
                                 TlsMode tls, Path rootCertificate, String applicationName,
                                 UnsupportedIsolation unsupportedIsolation, Map<String, String> driverProperties) {
    /** pgjdbc sends ApplicationName in the startup packet only when it may assume a 9.0+ server. */
    static final String ASSUMED_SERVER_VERSION = "9.0";
    /** pgjdbc's socket factory over the JVM's default SSL context (its trust store). */
    static final String JAVA_TRUST_STORE_FACTORY = "org.postgresql.ssl.DefaultJavaSSLFactory";

    public ConnectionSettings {
        driverProperties = Collections.unmodifiableMap(new LinkedHashMap<>(driverProperties));
    }

    /** The pgjdbc URL of the cluster; every other setting travels in {@link #pgjdbcProperties}. */
    public String pgjdbcUrl() {
        return "jdbc:postgresql://" + endpoint.hostForUrl() + ":" + endpoint.port() + "/" + DsqlUrl.DATABASE;
    }

    public TokenRequest tokenRequest(String connectingUser) {
        return new TokenRequest(endpoint.host(), endpoint.region(), connectingUser, tokenDuration);
    }

    /** pgjdbc properties without user and password (those are per physical connection). */
    public Properties pgjdbcProperties() {
        Properties properties = new Properties();
        properties.putAll(driverProperties);
        properties.setProperty(PgjdbcKeys.APPLICATION_NAME, applicationName);
        properties.putIfAbsent(PgjdbcKeys.ASSUME_MIN_SERVER_VERSION, ASSUMED_SERVER_VERSION);
        // DSQL refuses SAVEPOINT and SET TRANSACTION (DSQL-FACTS §4, §16): pgjdbc must never send them itself.
        properties.setProperty(PgjdbcKeys.AUTOSAVE, "never");
        properties.putIfAbsent(PgjdbcKeys.READ_ONLY_MODE, "transaction");
        switch (tls) {
            case SYSTEM_TRUST_STORE -> {
                properties.setProperty(PgjdbcKeys.SSL_MODE, "verify-full");
                properties.setProperty(PgjdbcKeys.SSL_NEGOTIATION, "direct");
                properties.setProperty(PgjdbcKeys.SSL_FACTORY, JAVA_TRUST_STORE_FACTORY);
            }
            case ROOT_CERTIFICATE -> {
                properties.setProperty(PgjdbcKeys.SSL_MODE, "verify-full");
                properties.setProperty(PgjdbcKeys.SSL_NEGOTIATION, "direct");
                properties.setProperty(PgjdbcKeys.SSL_ROOT_CERT, rootCertificate.toAbsolutePath().toString());
            }
            case DISABLED -> properties.setProperty(PgjdbcKeys.SSL_MODE, "disable");
        }
        return properties;
    }
}
