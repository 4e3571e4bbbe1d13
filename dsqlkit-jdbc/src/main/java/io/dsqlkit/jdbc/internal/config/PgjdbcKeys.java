package io.dsqlkit.jdbc.internal.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pgjdbc properties the connector sets itself, and the check that keeps callers from setting
 * them to values DSQL cannot work with.
 */
public final class PgjdbcKeys {
    public static final String USER = "user";
    public static final String PASSWORD = "password";
    public static final String APPLICATION_NAME = "ApplicationName";
    public static final String ASSUME_MIN_SERVER_VERSION = "assumeMinServerVersion";
    public static final String AUTOSAVE = "autosave";
    public static final String READ_ONLY_MODE = "readOnlyMode";
    public static final String SSL_MODE = "sslmode";
    public static final String SSL_NEGOTIATION = "sslNegotiation";
    public static final String SSL_FACTORY = "sslfactory";
    public static final String SSL_ROOT_CERT = "sslrootcert";

    private static final String TLS_IS_OURS = "TLS is set by the connector: verify-full with direct negotiation"
            + " against the JVM trust store (real DSQL); use sslrootcert=<pem file> to trust a private CA such as"
            + " DSQL Local's, or tls=false for DSQL Local started without TLS";
    /** Values equal to the connector's own are accepted silently, so URLs copied from AWS's connector work. */
    private static final Map<String, Set<String>> HARMLESS_VALUES = Map.of(
            SSL_MODE, Set.of("verify-full"),
            SSL_NEGOTIATION, Set.of("direct"),
            SSL_FACTORY, Set.of(ConnectionSettings.JAVA_TRUST_STORE_FACTORY),
            AUTOSAVE, Set.of("never"),
            READ_ONLY_MODE, Set.of("transaction", "ignore"));
    private static final Set<String> LOCATION_KEYS = Set.of("pghost", "pgport", "pgdbname", "dbname", "database");

    private PgjdbcKeys() {
    }

    /**
     * Why {@code name=value} may not be passed to pgjdbc, or empty when it may.
     */
    public static Optional<String> refusal(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals(PASSWORD)) {
            return Optional.of("password: the connector signs a new IAM token for every connection; remove the password");
        }
        if (LOCATION_KEYS.contains(key)) {
            if ((key.equals("dbname") || key.equals("pgdbname") || key.equals("database")) && "postgres".equals(value)) {
                return Optional.empty();
            }
            return Optional.of(name + ": DSQL has one database, postgres, and the endpoint and port are set with"
                    + " endpoint(...)/port(...) or in the jdbc:dsql:// URL");
        }
        for (Map.Entry<String, Set<String>> owned : HARMLESS_VALUES.entrySet()) {
            if (owned.getKey().equalsIgnoreCase(name)) {
                if (owned.getValue().contains(value)) {
                    return Optional.empty();
                }
                String why = switch (owned.getKey()) {
                    case AUTOSAVE -> "pgjdbc's autosave sends SAVEPOINT, which DSQL refuses (DSQL-FACTS §4); only 'never' works";
                    case READ_ONLY_MODE -> "readOnlyMode=always sends SET SESSION CHARACTERISTICS, which DSQL refuses"
                            + " (DSQL-FACTS §3); use 'transaction' (BEGIN READ ONLY) or 'ignore'";
                    default -> TLS_IS_OURS;
                };
                return Optional.of(name + "=" + value + ": " + why);
            }
        }
        if (key.equals("ssl") || key.equals("sslfactoryarg") || key.equals("sslhostnameverifier")) {
            return Optional.of(name + ": " + TLS_IS_OURS);
        }
        return Optional.empty();
    }
}
