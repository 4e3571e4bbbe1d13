package io.dsqlkit.local.internal.postgres;

import io.dsqlkit.local.internal.classify.QualifiedName;
import io.dsqlkit.local.internal.session.ClusterCatalog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Starts and owns the embedded PostgreSQL that stores every local cluster.
 *
 * <p>Clients never talk to it directly: the front end connects over a Unix-domain socket (cheaper
 * than loopback TCP, which is what keeps the proxy overhead small) as the client's role, after it
 * has checked the IAM token itself. Management work (templates, clusters) uses a superuser JDBC
 * connection over loopback TCP.
 */
public final class BackingPostgres implements AutoCloseable {
    /** The role DSQL creates for every cluster; tokens for it must be {@code DbConnectAdmin}. */
    public static final String ADMIN_ROLE = "admin";
    /** Template every new cluster database is cloned from. */
    public static final String TEMPLATE_DATABASE = "dsql_template";
    /** Prefix of the databases behind clusters made by {@code newCluster()}. */
    public static final String CLUSTER_DATABASE_PREFIX = "dsql_cluster_";
    /** The default cluster lives in PostgreSQL's own {@code postgres} database, so data dirs persist it. */
    public static final String DEFAULT_CLUSTER_DATABASE = "postgres";
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path socketDirectory;
    private final String fullVersionString;

    private BackingPostgres(EmbeddedPostgres postgres, Path socketDirectory) throws SQLException {
        this.postgres = postgres;
        this.socketDirectory = socketDirectory;
        try (Connection c = superuserConnection(DEFAULT_CLUSTER_DATABASE);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version()")) {
            rs.next();
            this.fullVersionString = rs.getString(1);
        }
    }

    /**
     * Starts PostgreSQL. With a {@code dataDirectory} the data survives restarts (initdb runs only
     * the first time); without one a temporary directory is used and removed on close.
     *
     * @param maxBackendConnections PostgreSQL's {@code max_connections}: the front end's limit plus management headroom
     */
    public static BackingPostgres start(Path dataDirectory, int maxBackendConnections) throws IOException {
        // Unix socket paths are limited to ~107 bytes, so the socket lives in a short /tmp directory.
        Path socketDirectory = Files.createTempDirectory(Path.of("/tmp"), "dsqll");
        // When started as root, zonky runs PostgreSQL as another user (unshare -U): it must be able to bind here.
        Files.setPosixFilePermissions(socketDirectory, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                // DSQL-FACTS §3: UTF-8 and collation C only.
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("unix_socket_directories", socketDirectory.toString())
                .setServerConfig("max_connections", Integer.toString(maxBackendConnections))
                // DSQL-FACTS §3: the session presents UTC.
                .setServerConfig("timezone", "UTC")
                .setServerConfig("log_timezone", "UTC")
                // A local development store: durability is traded for speed.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_prepared_transactions", "0")
                .setServerConfig("log_min_messages", "fatal")
                .setServerConfig("log_min_error_statement", "panic");
        if (dataDirectory != null) {
            Files.createDirectories(dataDirectory);
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        EmbeddedPostgres postgres = builder.start();
        try {
            BackingPostgres backing = new BackingPostgres(postgres, socketDirectory);
            backing.prepare();
            return backing;
        } catch (SQLException | RuntimeException e) {
            postgres.close();
            throw new IOException("could not prepare the backing PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** The Unix-domain socket file PostgreSQL listens on. */
    public Path socketFile() {
        return socketDirectory.resolve(".s.PGSQL." + postgres.getPort());
    }

    /** Loopback TCP port of the backing PostgreSQL (management and benchmarks only). */
    public int port() {
        return postgres.getPort();
    }

    /** The backing server's own {@code version()} text, which the front end replaces with DSQL's. */
    public String fullVersionString() {
        return fullVersionString;
    }

    /** A superuser connection to one database, for management work. */
    public Connection superuserConnection(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", SUPERUSER);
        props.setProperty("ApplicationName", "dsql-local-management");
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database, props);
    }

    /** A direct, unproxied JDBC URL for the given database (benchmarks compare against it). */
    public String directJdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /**
     * Makes the admin role and the template idempotently, so a reused data directory is upgraded in
     * place; stale cluster databases from an earlier run (unreachable now) are dropped.
     */
    private void prepare() throws SQLException {
        try (Connection c = superuserConnection(DEFAULT_CLUSTER_DATABASE); Statement s = c.createStatement()) {
            if (!exists(s, "select 1 from pg_roles where rolname = '" + ADMIN_ROLE + "'")) {
                // DSQL's admin manages roles but is not a PostgreSQL superuser.
                s.execute("create role " + ADMIN_ROLE + " with login createrole");
            }
            s.execute("alter database " + DEFAULT_CLUSTER_DATABASE + " owner to " + ADMIN_ROLE);
            // DSQL-FACTS §4: REPEATABLE READ is the only level. Set here, not on the command line,
            // because zonky cannot quote a server option value that contains a space.
            s.execute("alter system set default_transaction_isolation = 'repeatable read'");
            s.execute("select pg_reload_conf()");
            for (String stale : names(s, "select datname from pg_database where datname like '"
                    + CLUSTER_DATABASE_PREFIX + "%'")) {
                s.execute("drop database if exists " + stale + " with (force)");
            }
            if (!exists(s, "select 1 from pg_database where datname = '" + TEMPLATE_DATABASE + "'")) {
                s.execute("create database " + TEMPLATE_DATABASE + " owner " + ADMIN_ROLE
                        + " template template0 encoding 'UTF8' locale 'C'");
                s.execute("alter database " + TEMPLATE_DATABASE + " with is_template true allow_connections false");
            }
        }
        try (Connection c = superuserConnection(DEFAULT_CLUSTER_DATABASE)) {
            ClusterSchema.apply(c);
        }
        try (Connection c = superuserConnection(DEFAULT_CLUSTER_DATABASE); Statement s = c.createStatement()) {
            s.execute("alter database " + TEMPLATE_DATABASE + " with allow_connections true");
        }
        try (Connection c = superuserConnection(TEMPLATE_DATABASE)) {
            ClusterSchema.apply(c);
        } finally {
            try (Connection c = superuserConnection(DEFAULT_CLUSTER_DATABASE); Statement s = c.createStatement()) {
                s.execute("alter database " + TEMPLATE_DATABASE + " with allow_connections false");
            }
        }
    }

    /**
     * The primary-key columns of a table in a cluster database; {@code null} if there is no such
     * table. An unqualified name resolves in {@code public} (DSQL's default schema) or, when there is
     * no such table there, in the one other schema that has it; with several, it is ambiguous (the
     * front end does not track a session's {@code search_path}) and {@code null} is answered too.
     */
    public List<String> primaryKey(String database, String schema, String table) {
        String sql = "select n.nspname, a.attname from pg_catalog.pg_class c"
                + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " left join pg_catalog.pg_index i on i.indrelid = c.oid and i.indisprimary"
                + " left join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)"
                + " where c.relname = ? and c.relkind in ('r', 'p')"
                + (schema == null ? " and n.nspname not in ('pg_catalog', 'information_schema', 'dsql_local')"
                        + " and n.nspname not like 'pg\\_%'" : " and n.nspname = ?");
        try (Connection c = superuserConnection(database);
             java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, table);
            if (schema != null) {
                s.setString(2, schema);
            }
            Map<String, List<String>> bySchema = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<String> columns = bySchema.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                    if (rs.getString(2) != null) {
                        columns.add(rs.getString(2));
                    }
                }
            }
            List<String> columns = bySchema.containsKey("public") ? bySchema.get("public")
                    : bySchema.size() == 1 ? bySchema.values().iterator().next() : null;
            return columns == null ? null : List.copyOf(columns);
        } catch (SQLException e) {
            return null;
        }
    }

    /** How long {@code DROP INDEX} waits for a queued or running build of its index. */
    private static final Duration INDEX_BUILD_WAIT = Duration.ofSeconds(3);
    /**
     * An index build that has not ended: queued or running, its index not yet recorded. object_name
     * is schema-qualified; an unqualified name (schema parameter null) matches in any schema.
     */
    private static final String PENDING_INDEX_BUILD = "select 1 from dsql_local.jobs"
            + " where job_type = 'INDEX_BUILD' and status in ('submitted', 'processing') and object_id is null"
            + " and case when ?::text is null then pg_catalog.right(object_name, pg_catalog.length(?) + 1) = '.' || ?"
            + " else object_name = ? || '.' || ? end";

    /** How long a commit that submitted index builds waits for their indexes to be recorded. */
    private static final Duration INDEX_ENTRY_WAIT = Duration.ofSeconds(2);
    /** A build that has not ended and whose index is not in the catalog yet. */
    private static final String INDEX_ENTRY_MISSING = "select exists (select 1 from dsql_local.jobs j"
            + " where j.job_type = 'INDEX_BUILD' and j.status in ('submitted', 'processing') and j.object_id is null"
            + " and not exists (select 1 from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
            + " where n.nspname || '.' || c.relname = j.object_name))";

    /**
     * Waits, up to a bound, until every index build of {@code database} that has not ended has its
     * index in the catalog: {@code CREATE INDEX CONCURRENTLY} records the index (not yet valid) in
     * its first transaction, so from then on the index can be named, dropped and seen INVALID, as
     * on DSQL from submission on. A build queued behind a long one may outlast the bound.
     */
    public void awaitIndexEntries(String database) {
        awaitWhile(database, INDEX_ENTRY_WAIT, c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(INDEX_ENTRY_MISSING)) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    /** See {@link ClusterCatalog#indexBuildPending}; false when the catalog cannot be read. */
    public boolean indexBuildPending(String database, String index) {
        try (Connection c = superuserConnection(database)) {
            return indexBuildPending(c, new QualifiedName(null, index));
        } catch (SQLException e) {
            return false;
        }
    }

    /** See {@link ClusterCatalog#awaitIndexBuilds}. */
    public void awaitIndexBuilds(String database, List<QualifiedName> indexes) {
        awaitWhile(database, INDEX_BUILD_WAIT, c -> {
            for (QualifiedName index : indexes) {
                if (indexBuildPending(c, index)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** A catalog condition read on one superuser connection. */
    @FunctionalInterface
    private interface CatalogCondition {
        boolean holds(Connection c) throws SQLException;
    }

    /**
     * Polls {@code condition} every few milliseconds until it no longer holds or {@code bound} has
     * passed. The waiting client is answered either way, so a catalog that cannot be read ends the
     * wait rather than failing its statement.
     */
    private void awaitWhile(String database, Duration bound, CatalogCondition condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        try (Connection c = superuserConnection(database)) {
            while (condition.holds(c) && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
        } catch (SQLException e) {
            // PostgreSQL answers the client's statement as things stand.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean indexBuildPending(Connection c, QualifiedName index) throws SQLException {
        try (java.sql.PreparedStatement s = c.prepareStatement(PENDING_INDEX_BUILD)) {
            s.setString(1, index.schema());
            s.setString(2, index.name());
            s.setString(3, index.name());
            s.setString(4, index.schema());
            s.setString(5, index.name());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** This instance's catalog, as the session rules read it. */
    public ClusterCatalog catalog() {
        return new ClusterCatalog() {
            @Override
            public List<String> primaryKey(String database, String schema, String table) {
                return BackingPostgres.this.primaryKey(database, schema, table);
            }

            @Override
            public boolean indexBuildPending(String database, String index) {
                return BackingPostgres.this.indexBuildPending(database, index);
            }

            @Override
            public void awaitIndexBuilds(String database, List<QualifiedName> indexes) {
                BackingPostgres.this.awaitIndexBuilds(database, indexes);
            }
        };
    }

    /** Clones the template into a new database for a cluster. */
    public void createClusterDatabase(String database) throws SQLException {
        try (Connection c = superuserConnection(DEFAULT_CLUSTER_DATABASE); Statement s = c.createStatement()) {
            // FILE_COPY copies the template's few files directly; WAL_LOG would log every block.
            s.execute("create database " + database + " template " + TEMPLATE_DATABASE + " owner " + ADMIN_ROLE
                    + " strategy file_copy");
        }
    }

    public void dropClusterDatabase(String database) throws SQLException {
        try (Connection c = superuserConnection(DEFAULT_CLUSTER_DATABASE); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        }
    }

    private static boolean exists(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    private static List<String> names(Statement s, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(socketDirectory);
            } catch (IOException ignored) {
                // the directory is in /tmp; leaving it behind is harmless
            }
        }
    }
}
