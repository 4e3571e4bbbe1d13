package io.dsqlkit.local;

import io.dsqlkit.local.internal.auth.TokenVerifier;
import io.dsqlkit.local.internal.jobs.JobDatabase;
import io.dsqlkit.local.internal.jobs.JobRunner;
import io.dsqlkit.local.internal.postgres.BackingPostgres;
import io.dsqlkit.local.internal.server.ClusterRoute;
import io.dsqlkit.local.internal.server.FrontEndServer;
import io.dsqlkit.local.internal.server.ServerSettings;
import io.dsqlkit.local.internal.session.DsqlSessionGates;
import io.dsqlkit.local.internal.tls.LocalCertificateAuthority;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An embedded Aurora DSQL: PostgreSQL 16.15 behind a front end that speaks like DSQL (TLS, IAM
 * tokens, DSQL's identity and limits).
 *
 * <pre>{@code
 * try (DsqlLocal dsql = DsqlLocal.builder().start()) {
 *     try (Connection c = dsql.defaultCluster().connect()) { ... }
 *     DsqlCluster fresh = dsql.newCluster();   // an empty cluster in milliseconds
 * }
 * }</pre>
 */
public final class DsqlLocal implements AutoCloseable {
    public static final String ADMIN_USER = "admin";
    /** DSQL-FACTS §2: the server closes a connection after 60 minutes. */
    public static final Duration DSQL_MAX_CONNECTION_AGE = Duration.ofMinutes(60);
    /** DSQL-FACTS §4: a transaction may last 5 minutes. */
    public static final Duration DSQL_MAX_TRANSACTION_AGE = Duration.ofMinutes(5);
    /** Local default; DSQL allows 10 000 per cluster, which one embedded PostgreSQL cannot back. */
    public static final int DEFAULT_MAX_CONNECTIONS = 200;
    /**
     * Largest client message accepted (bytes of payload): DSQL's 10 MiB maximum message size (UG
     * quotas); a larger one ends the connection with {@code FATAL 08P01 invalid message length}.
     */
    public static final int DEFAULT_MAX_FRAME_BYTES = 10 * 1024 * 1024;
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(30);
    /** Credentials that sign tokens when no trusted key is configured (signatures are then not checked). */
    public static final AwsCredentialsProvider UNCHECKED_LOCAL_CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIADSQLLOCALUNCHECKED", "dsql-local-signatures-are-not-verified"));
    private static final String CLUSTER_ID_FILE = "dsql-local-cluster-id";

    private final Builder config;
    private BackingPostgres backing;
    private FrontEndServer server;
    private DsqlSessionGates gates;
    private JobRunner jobs;
    private LocalCertificateAuthority certificateAuthority;
    private Path workDirectory;
    private DsqlCluster defaultCluster;
    private final Map<String, DsqlCluster> clusters = Collections.synchronizedMap(new LinkedHashMap<>());
    private final SecureRandom random = new SecureRandom();
    private boolean started;
    private boolean closed;

    private DsqlLocal(Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts PostgreSQL and the front end; returns when the default cluster accepts connections.
     *
     * @throws DsqlLocalException if the port is taken, PostgreSQL cannot start, or TLS material cannot be made
     */
    public synchronized DsqlLocal start() {
        if (started) {
            throw new IllegalStateException("DSQL Local is already started");
        }
        started = true;
        try {
            Path dataDirectory = config.dataDirectory;
            workDirectory = dataDirectory != null ? dataDirectory : Files.createTempDirectory("dsql-local");
            Files.createDirectories(workDirectory);
            if (config.tls) {
                certificateAuthority = LocalCertificateAuthority.loadOrCreate(workDirectory.resolve("tls"),
                        certificateDnsNames(), certificateIpAddresses());
            }
            backing = BackingPostgres.start(dataDirectory == null ? null : dataDirectory.resolve("pgdata"),
                    config.maxConnections + 10);
            ServerSettings settings = new ServerSettings(
                    certificateAuthority == null ? null : certificateAuthority.serverContext(),
                    new TokenVerifier(config.clock, Map.copyOf(config.trustedKeys)),
                    config.maxFrameBytes, config.maxConnectionAge, config.maxConnections, config.startupTimeout,
                    backing.fullVersionString(), config.clock);
            jobs = new JobRunner(JobDatabase.of(backing));
            gates = new DsqlSessionGates(config.clock, config.maxTransactionAge, backing.catalog(), route -> {
                jobs.jobsCommitted(route.database());
                // DSQL-FACTS §12: the index exists from submission on; the client hears of the
                // commit once the build has recorded it (builds start within milliseconds here).
                backing.awaitIndexEntries(route.database());
            });
            server = new FrontEndServer(settings, backing.socketFile(), gates);
            String id = defaultClusterId(dataDirectory);
            defaultCluster = serve(id, BackingPostgres.DEFAULT_CLUSTER_DATABASE, config.port, true);
            return this;
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof DsqlLocalException d ? d
                    : new DsqlLocalException("DSQL Local could not start: " + e.getMessage(), e);
        }
    }

    /**
     * Makes a new, empty cluster (a database cloned from the prepared template) on its own port,
     * reachable through the same front end. Close it, or let {@link #close()} drop it.
     */
    public DsqlCluster newCluster() {
        requireStarted();
        String id = newClusterId();
        String database = BackingPostgres.CLUSTER_DATABASE_PREFIX + id;
        try {
            backing.createClusterDatabase(database);
        } catch (SQLException e) {
            throw new DsqlLocalException("could not create a cluster database: " + e.getMessage(), e);
        }
        try {
            return serve(id, database, 0, false);
        } catch (IOException e) {
            try {
                backing.dropClusterDatabase(database);
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new DsqlLocalException("could not listen for a new cluster: " + e.getMessage(), e);
        }
    }

    private DsqlCluster serve(String id, String database, int port, boolean isDefault) throws IOException {
        String endpoint = id + ".dsql." + config.region.id() + ".on.aws";
        Set<String> hosts = new LinkedHashSet<>(List.of(endpoint, "localhost", "127.0.0.1", "::1"));
        if (!InetAddress.getByName(config.bindAddress).isAnyLocalAddress()) {
            hosts.add(config.bindAddress.toLowerCase(java.util.Locale.ROOT));
        }
        ClusterRoute route = new ClusterRoute(id, endpoint, database, Set.copyOf(hosts));
        int boundPort;
        try {
            boundPort = server.listen(InetAddress.getByName(config.bindAddress), port, route);
        } catch (IOException e) {
            throw new DsqlLocalException("could not listen on " + config.bindAddress + ":" + port + ": " + e.getMessage(), e);
        }
        DsqlCluster cluster = new DsqlCluster(this, id, endpoint, clientHost(), boundPort, database, isDefault);
        clusters.put(id, cluster);
        return cluster;
    }

    void failNextCommits(DsqlCluster cluster, int commits) {
        requireStarted();
        gates.failNextCommits(cluster.id(), commits);
    }

    void dropCluster(DsqlCluster cluster) {
        if (clusters.remove(cluster.id()) == null || closed) {
            return;
        }
        server.stopListening(cluster.id());
        try {
            backing.dropClusterDatabase(cluster.backingDatabase());
        } catch (SQLException e) {
            throw new DsqlLocalException("could not drop cluster " + cluster.id() + ": " + e.getMessage(), e);
        }
    }

    /** The cluster served on the configured port; it lives as long as this server. */
    public DsqlCluster defaultCluster() {
        requireStarted();
        return defaultCluster;
    }

    /** Address clients should connect to. */
    public String host() {
        return defaultCluster().host();
    }

    /** Port of the default cluster. */
    public int port() {
        return defaultCluster().port();
    }

    /** Endpoint name of the default cluster. */
    public String endpoint() {
        return defaultCluster().endpoint();
    }

    /** A pgjdbc URL for the default cluster (see {@link DsqlCluster#jdbcUrl()}). */
    public String jdbcUrl() {
        return defaultCluster().jdbcUrl();
    }

    public Region region() {
        return config.region;
    }

    public boolean tlsEnabled() {
        return config.tls;
    }

    /** The PEM file of the CA that signed the server certificate: give it to clients for {@code verify-full}. */
    public Path caCertificateFile() {
        requireTls();
        return certificateAuthority.caCertificateFile();
    }

    /** The CA certificate in PEM form. */
    public String caCertificatePem() {
        requireTls();
        return certificateAuthority.caCertificatePem();
    }

    /** An SSL context trusting exactly DSQL Local's CA, for Java clients that take one. */
    public javax.net.ssl.SSLContext clientSslContext() {
        requireTls();
        return certificateAuthority.clientContextTrustingCa();
    }

    /** Number of client connections currently past startup. */
    public int openConnections() {
        requireStarted();
        return server.openConnections();
    }

    /** Credentials that sign tokens this server accepts: the first trusted key, or unchecked local ones. */
    public AwsCredentialsProvider tokenCredentials() {
        if (config.trustedKeys.isEmpty()) {
            return UNCHECKED_LOCAL_CREDENTIALS;
        }
        Map.Entry<String, String> first = config.trustedKeys.entrySet().iterator().next();
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(first.getKey(), first.getValue()));
    }

    BackingPostgres backing() {
        return backing;
    }

    private String clientHost() throws IOException {
        InetAddress bind = InetAddress.getByName(config.bindAddress);
        if (bind.isAnyLocalAddress()) {
            return bind instanceof java.net.Inet6Address ? "::1" : "127.0.0.1";
        }
        return config.bindAddress;
    }

    private List<String> certificateDnsNames() {
        List<String> names = new ArrayList<>(List.of("localhost", "*.dsql." + config.region.id() + ".on.aws"));
        if (!isIpLiteral(config.bindAddress) && !names.contains(config.bindAddress)) {
            names.add(config.bindAddress);
        }
        return names;
    }

    private List<String> certificateIpAddresses() {
        List<String> ips = new ArrayList<>(List.of("127.0.0.1", "::1"));
        if (isIpLiteral(config.bindAddress) && !config.bindAddress.equals("0.0.0.0")
                && !config.bindAddress.equals("::") && !ips.contains(config.bindAddress)) {
            ips.add(config.bindAddress);
        }
        return ips;
    }

    private static boolean isIpLiteral(String address) {
        return address.contains(":") || address.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    /** With a data directory the default cluster keeps its id (and so its endpoint) across restarts. */
    private String defaultClusterId(Path dataDirectory) throws IOException {
        if (dataDirectory == null) {
            return newClusterId();
        }
        Path file = dataDirectory.resolve(CLUSTER_ID_FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        String id = newClusterId();
        Files.writeString(file, id + "\n", StandardCharsets.US_ASCII);
        return id;
    }

    /** 26 lowercase RFC 4648 base32 characters (128 random bits), the shape of a DSQL cluster id. */
    private String newClusterId() {
        final String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder id = new StringBuilder(26);
        for (int i = 0; i < 26; i++) {
            id.append(alphabet.charAt(random.nextInt(32)));
        }
        return id.toString();
    }

    private void requireStarted() {
        if (!started || closed || defaultCluster == null) {
            throw new IllegalStateException("DSQL Local is not running; call start() first");
        }
    }

    private void requireTls() {
        requireStarted();
        if (certificateAuthority == null) {
            throw new IllegalStateException("TLS is off for this DSQL Local (built with tls(false))");
        }
    }

    /** Stops the front end and PostgreSQL; a temporary data directory is removed. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        if (server != null) {
            server.close();
        }
        if (jobs != null) {
            jobs.close();
        }
        if (backing != null) {
            try {
                backing.close();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (config.dataDirectory == null && workDirectory != null) {
            deleteRecursively(workDirectory);
        }
        if (failure != null) {
            throw new DsqlLocalException("DSQL Local did not stop cleanly: " + failure.getMessage(), failure);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory left behind is not worth failing a shutdown for
        }
    }

    /** Configuration for {@link DsqlLocal}; every setter rejects impossible values at once. */
    public static final class Builder {
        private int port = 0;
        private String bindAddress = "127.0.0.1";
        private boolean tls = true;
        private final Map<String, String> trustedKeys = new LinkedHashMap<>();
        private Path dataDirectory;
        private Duration maxConnectionAge = DSQL_MAX_CONNECTION_AGE;
        private Duration maxTransactionAge = DSQL_MAX_TRANSACTION_AGE;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private Region region = Region.US_EAST_1;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Port of the default cluster; 0 picks any free port (the default). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Address to listen on; default {@code 127.0.0.1}. */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /** TLS is on by default, as on DSQL; off accepts only unencrypted clients. */
        public Builder tls(boolean enabled) {
            this.tls = enabled;
            return this;
        }

        /**
         * Trusts an access key pair: from then on token signatures are verified (with the AWS SDK's
         * signer) and only tokens signed by a trusted key are accepted.
         */
        public Builder trustedKey(String accessKeyId, String secretAccessKey) {
            if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isEmpty()) {
                throw new IllegalArgumentException("a trusted key needs an access key id and a secret access key");
            }
            trustedKeys.put(accessKeyId, secretAccessKey);
            return this;
        }

        /** Keeps data (and the CA, and the default cluster's id) in this directory across restarts. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** DSQL closes connections after 60 minutes; tests may use seconds. */
        public Builder maxConnectionAge(Duration maxConnectionAge) {
            if (maxConnectionAge == null || maxConnectionAge.isNegative() || maxConnectionAge.isZero()) {
                throw new IllegalArgumentException("maxConnectionAge must be positive");
            }
            this.maxConnectionAge = maxConnectionAge;
            return this;
        }

        /** DSQL ends transactions older than 5 minutes ({@code 54000}); tests may use seconds. */
        public Builder maxTransactionAge(Duration maxTransactionAge) {
            if (maxTransactionAge == null || maxTransactionAge.isNegative() || maxTransactionAge.isZero()) {
                throw new IllegalArgumentException("maxTransactionAge must be positive");
            }
            this.maxTransactionAge = maxTransactionAge;
            return this;
        }

        /** Open connections across all clusters before new ones get {@code 53300}. */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1 || maxConnections > 5000) {
                throw new IllegalArgumentException("maxConnections must be 1..5000, was " + maxConnections);
            }
            this.maxConnections = maxConnections;
            return this;
        }

        public Builder maxFrameBytes(int maxFrameBytes) {
            if (maxFrameBytes < 1024) {
                throw new IllegalArgumentException("maxFrameBytes must be at least 1024, was " + maxFrameBytes);
            }
            this.maxFrameBytes = maxFrameBytes;
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
                throw new IllegalArgumentException("startupTimeout must be positive");
            }
            this.startupTimeout = startupTimeout;
            return this;
        }

        /** Region in endpoint names and tokens; default {@code us-east-1}. */
        public Builder region(Region region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** Time source for token expiry and connection age (tests). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public DsqlLocal build() {
            return new DsqlLocal(this);
        }

        /** Builds and starts. */
        public DsqlLocal start() {
            return build().start();
        }
    }
}
