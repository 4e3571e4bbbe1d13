package io.dsqlkit.hibernate.internal.detect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What tells a DSQL connection from a plain PostgreSQL one.
 *
 * <ol>
 *   <li>The endpoint: DSQL clusters are reached at {@code <cluster-id>.dsql.<region>.on.aws}
 *       (DSQL-FACTS §2), so a JDBC URL naming such a host is DSQL, without a query.</li>
 *   <li>What the server says about itself, for connections through a tunnel, a proxy or DSQL
 *       Local on a loopback address: DSQL's {@code version()} is exactly {@code PostgreSQL 16}
 *       (DSQL-FACTS §3) where every PostgreSQL build adds its full version, platform and
 *       compiler; and DSQL has the {@code sys.jobs} view of its async jobs (DSQL-FACTS §12, §15).
 *       Both must hold, so neither a PostgreSQL that happens to have a {@code sys} schema nor a
 *       proxy that shortens {@code version()} is mistaken for DSQL.</li>
 * </ol>
 */
public final class DsqlSignature {
    /** {@code pg_class} and {@code pg_namespace} are readable on DSQL (DSQL-FACTS §15). */
    static final String PROBE_SQL = "select version(), (select count(*) from pg_catalog.pg_class c"
            + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
            + " where n.nspname = 'sys' and c.relname = 'jobs')";

    private static final String PRODUCT_NAME = "PostgreSQL";
    private static final String HOST_SUFFIX = ".on.aws";
    private static final String SERVICE_LABEL_PREFIX = "dsql";

    private DsqlSignature() {
    }

    /** Whether the JDBC product name is PostgreSQL's; DSQL speaks the PostgreSQL protocol (DSQL-FACTS §2). */
    public static boolean isPostgreSqlProduct(String databaseProductName) {
        return PRODUCT_NAME.equalsIgnoreCase(databaseProductName);
    }

    /** Whether {@code host} is a DSQL endpoint name: {@code <id>.dsql[-suffix].<region>.on.aws}. */
    public static boolean isDsqlHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (!name.endsWith(HOST_SUFFIX)) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        // id . dsql . region . on . aws
        return labels.length == 5 && !labels[0].isEmpty() && !labels[2].isEmpty()
                && (labels[1].equals(SERVICE_LABEL_PREFIX) || labels[1].startsWith(SERVICE_LABEL_PREFIX + "-"));
    }

    /**
     * The host names in a JDBC URL ({@code jdbc:postgresql://h1:5432,h2/db?..}, {@code jdbc:dsql://h/..},
     * {@code jdbc:aws-dsql:postgresql://h/..}); empty when the URL names none.
     */
    public static List<String> hostsOf(String jdbcUrl) {
        List<String> hosts = new ArrayList<>();
        if (jdbcUrl == null) {
            return hosts;
        }
        int authorityStart = jdbcUrl.indexOf("//");
        if (authorityStart < 0) {
            return hosts;
        }
        int end = jdbcUrl.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int at = jdbcUrl.indexOf(stop, authorityStart + 2);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String authority = jdbcUrl.substring(authorityStart + 2, end);
        int userInfo = authority.lastIndexOf('@');
        if (userInfo >= 0) {
            authority = authority.substring(userInfo + 1);
        }
        for (String hostAndPort : authority.split(",")) {
            String host = hostAndPort;
            if (host.startsWith("[")) {
                int close = host.indexOf(']');
                host = close > 0 ? host.substring(1, close) : host;
            } else {
                int colon = host.indexOf(':');
                if (colon >= 0) {
                    host = host.substring(0, colon);
                }
            }
            if (!host.isEmpty()) {
                hosts.add(host);
            }
        }
        return hosts;
    }

    /** Whether a {@code version()} text is DSQL's: {@code PostgreSQL} and a major version, nothing else. */
    public static boolean isDsqlVersionText(String versionText) {
        if (versionText == null || !versionText.startsWith(PRODUCT_NAME + " ")) {
            return false;
        }
        String rest = versionText.substring(PRODUCT_NAME.length() + 1);
        return !rest.isEmpty() && rest.chars().allMatch(Character::isDigit);
    }

    /**
     * Decides from the connection behind {@code metadata}: its URL first, then one read-only query.
     * A failing query means "not DSQL": the standard resolution then applies.
     */
    public static boolean isDsql(DatabaseMetaData metadata) {
        if (metadata == null) {
            return false;
        }
        try {
            if (!isPostgreSqlProduct(metadata.getDatabaseProductName())) {
                return false;
            }
            for (String host : hostsOf(metadata.getURL())) {
                if (isDsqlHost(host)) {
                    return true;
                }
            }
            return answersLikeDsql(metadata.getConnection());
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean answersLikeDsql(Connection connection) throws SQLException {
        if (connection == null) {
            return false;
        }
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(PROBE_SQL)) {
            return row.next() && isDsqlVersionText(row.getString(1)) && row.getLong(2) > 0;
        } finally {
            // A probe in a connection without autocommit must not leave a transaction open:
            // DSQL refuses DDL in a transaction that has read data (DSQL-FACTS §5).
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        }
    }
}
