package io.dsqlkit.jdbc.internal.config;

import software.amazon.awssdk.regions.Region;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a DSQL cluster is: the host name clients connect to (and sign tokens for), its port and
 * its region.
 *
 * <p>DSQL endpoints are {@code <cluster-id>.dsql.<region>.on.aws} (DSQL-FACTS §2), so the region is
 * the third DNS label. A bare cluster id becomes that host name once a region is known. Any other
 * host (a loopback address for DSQL Local, a private DNS alias) is used as given and needs an
 * explicit region.
 */
public record Endpoint(String host, int port, Region region) {
    /** DSQL listens on PostgreSQL's port (DSQL-FACTS §2). */
    public static final int DEFAULT_PORT = 5432;
    /** DSQL cluster ids are 26 lowercase base32 characters. */
    static final int CLUSTER_ID_LENGTH = 26;
    private static final String DSQL_LABEL = "dsql";
    private static final String DSQL_SUFFIX = ".on.aws";

    public Endpoint {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
    }

    /**
     * Resolves {@code hostOrClusterId} (a full host name, or a cluster id with {@code explicitRegion})
     * and the region (explicit, else from the host name).
     *
     * @throws IllegalArgumentException naming the setting to fix when no region can be found, or
     *         when the explicit region contradicts the one in the host name
     */
    public static Endpoint resolve(String hostOrClusterId, Integer port, String explicitRegion) {
        if (hostOrClusterId == null || hostOrClusterId.isBlank()) {
            throw new IllegalArgumentException("endpoint is required: a DSQL host name such as"
                    + " <cluster-id>.dsql.<region>.on.aws, or a cluster id together with region");
        }
        String host = hostOrClusterId.trim().toLowerCase(Locale.ROOT);
        Optional<String> hostRegion = regionOfDsqlHost(host);
        Region region;
        if (explicitRegion != null && !explicitRegion.isBlank()) {
            String explicit = explicitRegion.trim().toLowerCase(Locale.ROOT);
            if (hostRegion.isPresent() && !hostRegion.get().equals(explicit)) {
                throw new IllegalArgumentException("region '" + explicit + "' contradicts the endpoint " + host
                        + ", which is in region '" + hostRegion.get() + "': tokens are signed per region, so"
                        + " remove the region setting or fix the endpoint");
            }
            region = Region.of(explicit);
        } else if (hostRegion.isPresent()) {
            region = Region.of(hostRegion.get());
        } else {
            throw new IllegalArgumentException("cannot tell the region of endpoint '" + host + "' (it is not"
                    + " <cluster-id>.dsql.<region>.on.aws): set region, e.g. region=us-east-1");
        }
        if (isClusterId(host)) {
            host = host + "." + DSQL_LABEL + "." + region.id() + DSQL_SUFFIX;
        }
        return new Endpoint(host, port == null ? DEFAULT_PORT : port, region);
    }

    /** The region label of {@code <id>.dsql.<region>.on.aws}, if {@code host} has that shape. */
    static Optional<String> regionOfDsqlHost(String host) {
        if (!host.endsWith(DSQL_SUFFIX)) {
            return Optional.empty();
        }
        String[] labels = host.substring(0, host.length() - DSQL_SUFFIX.length()).split("\\.", -1);
        if (labels.length != 3 || labels[0].isEmpty() || !labels[1].equals(DSQL_LABEL) || labels[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(labels[2]);
    }

    /** A bare cluster id: 26 characters of lowercase letters and digits, no dots. */
    static boolean isClusterId(String candidate) {
        if (candidate.length() != CLUSTER_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** The host as it appears in a URL (IPv6 literals bracketed). */
    public String hostForUrl() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }
}
