package io.dsqlkit.local.internal.session;

import io.dsqlkit.local.internal.server.ClusterRoute;
import io.dsqlkit.local.internal.server.SessionGates;
import io.dsqlkit.local.internal.server.StatementGate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Makes each session's {@link DsqlSessionGate} and holds what clusters share: commits a test asked to
 * fail, and the hook that starts async jobs once the transaction that submitted them commits.
 */
public final class DsqlSessionGates implements SessionGates {
    private final Map<String, AtomicInteger> forcedConflicts = new ConcurrentHashMap<>();
    private final Consumer<ClusterRoute> jobsCommitted;

    /** @param jobsCommitted told (on the session's thread) when a session committed async job submissions */
    public DsqlSessionGates(Consumer<ClusterRoute> jobsCommitted) {
        this.jobsCommitted = jobsCommitted;
    }

    @Override
    public StatementGate newGate(ClusterRoute route) {
        return new DsqlSessionGate(this, route);
    }

    @Override
    public void jobsCommitted(ClusterRoute route) {
        jobsCommitted.accept(route);
    }

    /** The next {@code commits} commits on this cluster fail with OC000, so applications can test their retries. */
    public void failNextCommits(String clusterId, int commits) {
        if (commits < 0) {
            throw new IllegalArgumentException("commits must not be negative, was " + commits);
        }
        forcedConflicts.computeIfAbsent(clusterId, k -> new AtomicInteger()).set(commits);
    }

    /** Takes one forced conflict, if any are left for this cluster. */
    boolean takeForcedConflict(String clusterId) {
        AtomicInteger left = forcedConflicts.get(clusterId);
        return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
