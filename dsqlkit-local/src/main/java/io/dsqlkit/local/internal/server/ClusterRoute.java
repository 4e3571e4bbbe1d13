package io.dsqlkit.local.internal.server;

import java.util.Set;

/**
 * Where a listener's connections go: the cluster's endpoint name, the backing database that
 * stores it, and the host names a token for this cluster may be signed for.
 */
public record ClusterRoute(String clusterId, String endpoint, String database, Set<String> acceptedTokenHosts) {
}
