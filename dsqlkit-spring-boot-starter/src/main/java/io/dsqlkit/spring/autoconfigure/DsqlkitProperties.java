package io.dsqlkit.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Configuration of the dsqlkit starter (dsqlkit.*). The connection can instead be given as
 * spring.datasource.url=jdbc:dsql://...; spring.datasource.hikari.* binds on top of
 * the connector's pool defaults either way.
 */
@ConfigurationProperties(prefix = DsqlkitProperties.PREFIX)
public class DsqlkitProperties {
    public static final String PREFIX = "dsqlkit";
    /** DSQL's administrative role; tokens for it are DbConnectAdmin tokens (DSQL-FACTS §2). */
    public static final String DEFAULT_USER = "admin";
    /** DSQL Local's default port: 0 lets the operating system pick a free one, so runs never collide. */
    public static final int ANY_FREE_PORT = 0;

    /**
     * Cluster endpoint (<id>.dsql.<region>.on.aws) or bare cluster id (then dsqlkit.region
     * is required). When neither this nor spring.datasource.url is set and dsqlkit-local is on
     * the classpath, an embedded DSQL Local is started instead.
     */
    private String endpoint;
    /** AWS region; by default the third label of the endpoint host. */
    private String region;
    /** Port of the endpoint; by default DSQL's 5432. */
    private Integer port;
    /** Database role to connect as. */
    private String user = DEFAULT_USER;
    /** Named profile of the AWS shared configuration files whose credentials sign the tokens; by default an AwsCredentialsProvider bean, else the SDK's default chain. */
    private String profile;
    /** Lifetime of each IAM auth token (one is made per physical connection); by default the connector's. */
    private Duration tokenDuration;
    /** ApplicationName sent in the startup packet. */
    private String applicationName;
    /** PEM file of the CA to trust instead of the system trust store (DSQL itself chains to Amazon Root CA 1). */
    private Path sslRootCertificate;

    private final Datasource datasource = new Datasource();
    private final Retry retry = new Retry();
    private final Guards guards = new Guards();
    private final ExceptionTranslation exceptionTranslation = new ExceptionTranslation();
    private final Local local = new Local();

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        if (port != null && (port < 1 || port > 65_535)) {
            throw new IllegalArgumentException("dsqlkit.port must be between 1 and 65535, was " + port);
        }
        this.port = port;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("dsqlkit.user must not be blank");
        }
        this.user = user;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public Duration getTokenDuration() {
        return tokenDuration;
    }

    public void setTokenDuration(Duration tokenDuration) {
        if (tokenDuration != null && (tokenDuration.isNegative() || tokenDuration.isZero())) {
            throw new IllegalArgumentException("dsqlkit.token-duration must be positive, was " + tokenDuration);
        }
        this.tokenDuration = tokenDuration;
    }

    public String getApplicationName() {
        return applicationName;
    }

    public void setApplicationName(String applicationName) {
        this.applicationName = applicationName;
    }

    public Path getSslRootCertificate() {
        return sslRootCertificate;
    }

    public void setSslRootCertificate(Path sslRootCertificate) {
        this.sslRootCertificate = sslRootCertificate;
    }

    public Datasource getDatasource() {
        return datasource;
    }

    public Retry getRetry() {
        return retry;
    }

    public Guards getGuards() {
        return guards;
    }

    public ExceptionTranslation getExceptionTranslation() {
        return exceptionTranslation;
    }

    public Local getLocal() {
        return local;
    }

    public static class Datasource {
        /** Whether the starter builds the DataSource (with the connector's pool defaults and exception override). */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    public static class Retry {
        /** Whether methods annotated with @RetryOnConflict are run again on DSQL conflicts (40001 OC000/OC001). */
        private boolean enabled = true;
        /** Whether every @Transactional method is retried as if annotated with @RetryOnConflict (outermost transaction only). */
        private boolean allTransactional = false;
        /** Attempts in total, the first included; by default the connector's RetryPolicy default. */
        private Integer maxAttempts;
        /** Upper bound of the first backoff (full jitter); by default the connector's. */
        private Duration initialBackoff;
        /** Upper bound of any single backoff; by default the connector's. */
        private Duration maxBackoff;
        /** Time after which no further attempt starts; by default the connector's. */
        private Duration maxElapsed;
        /** Whether "server unavailable" (XX000) is retried too; only safe for idempotent transactions (DSQL-FACTS §4). */
        private Boolean retryServerUnavailable;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isAllTransactional() {
            return allTransactional;
        }

        public void setAllTransactional(boolean allTransactional) {
            this.allTransactional = allTransactional;
        }

        public Integer getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(Integer maxAttempts) {
            if (maxAttempts != null && maxAttempts < 1) {
                throw new IllegalArgumentException("dsqlkit.retry.max-attempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = requireNotNegative("dsqlkit.retry.initial-backoff", initialBackoff);
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = requireNotNegative("dsqlkit.retry.max-backoff", maxBackoff);
        }

        public Duration getMaxElapsed() {
            return maxElapsed;
        }

        public void setMaxElapsed(Duration maxElapsed) {
            this.maxElapsed = requireNotNegative("dsqlkit.retry.max-elapsed", maxElapsed);
        }

        public Boolean getRetryServerUnavailable() {
            return retryServerUnavailable;
        }

        public void setRetryServerUnavailable(Boolean retryServerUnavailable) {
            this.retryServerUnavailable = retryServerUnavailable;
        }

        private static Duration requireNotNegative(String property, Duration value) {
            if (value != null && value.isNegative()) {
                throw new IllegalArgumentException(property + " must not be negative, was " + value);
            }
            return value;
        }
    }

    public static class Guards {
        /**
         * Whether transactions DSQL cannot run fail fast: @Transactional isolation other than DEFAULT or
         * REPEATABLE_READ, and NESTED propagation (checked at startup and again when a transaction begins).
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    public static class ExceptionTranslation {
        /** Whether DSQL conflicts are translated to DsqlConflictFailureException (a ConcurrencyFailureException) by JPA, JDBC and repositories. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    public static class Local {
        /**
         * Whether to start an embedded DSQL Local and point the DataSource at it. By default on when
         * dsqlkit-local is on the classpath and no endpoint or spring.datasource.url is configured.
         */
        private Boolean enabled;
        /** Directory that keeps DSQL Local's data, CA and cluster id across runs; by default a temporary directory removed at shutdown. */
        private Path dataDirectory;
        /** Port DSQL Local listens on; 0 picks a free one. */
        private int port = ANY_FREE_PORT;

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        public Path getDataDirectory() {
            return dataDirectory;
        }

        public void setDataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("dsqlkit.local.port must be between 0 and 65535, was " + port);
            }
            this.port = port;
        }
    }
}
