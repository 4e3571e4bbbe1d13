package io.dsqlkit.local.internal.session;

import io.dsqlkit.local.internal.classify.QualifiedName;
import io.dsqlkit.local.internal.classify.StatementClassifier;
import io.dsqlkit.local.internal.rules.RuleBook;
import io.dsqlkit.local.internal.server.ClusterRoute;
import io.dsqlkit.local.internal.server.SessionGates;
import io.dsqlkit.local.internal.server.StatementGate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Makes each session's {@link DsqlSessionGate} and holds what the sessions of a server share: the rule
 * book and classifier, commits a test asked to fail, primary keys read from the catalog, and the hook
 * that starts async jobs once the transaction that submitted them commits.
 */
public final class DsqlSessionGates implements SessionGates {
    private final RuleBook rules = RuleBook.load();
    private final StatementClassifier classifier = new StatementClassifier(rules);
    private final Clock clock;
    private final Duration maxTransactionAge;
    private final ClusterCatalog catalog;
    private final Consumer<ClusterRoute> jobsCommitted;
    private final Map<String, AtomicInteger> forcedConflicts = new ConcurrentHashMap<>();
    /** Per cluster, bumped whenever a transaction with DDL commits (DSQL-FACTS §5: catalog changes are cluster-wide). */
    private final Map<String, java.util.concurrent.atomic.AtomicLong> catalogVersions = new ConcurrentHashMap<>();
    /** Primary keys by database and table; emptied for a database whenever DDL runs in it. */
    private final Map<String, Map<String, List<String>>> keys = new ConcurrentHashMap<>();

    /**
     * @param catalog       reads primary keys and pending index builds from a cluster database
     * @param jobsCommitted told (on the session's thread) when a session committed async job submissions
     */
    public DsqlSessionGates(Clock clock, Duration maxTransactionAge, ClusterCatalog catalog,
                            Consumer<ClusterRoute> jobsCommitted) {
        this.clock = clock;
        this.maxTransactionAge = maxTransactionAge;
        this.catalog = catalog;
        this.jobsCommitted = jobsCommitted;
    }

    @Override
    public StatementGate newGate(ClusterRoute route) {
        return new DsqlSessionGate(this, route, clock, maxTransactionAge);
    }

    @Override
    public void jobsCommitted(ClusterRoute route) {
        jobsCommitted.accept(route);
    }

    RuleBook rules() {
        return rules;
    }

    StatementClassifier classifier() {
        return classifier;
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

    long catalogVersion(String clusterId) {
        return catalogVersions.computeIfAbsent(clusterId, k -> new java.util.concurrent.atomic.AtomicLong()).get();
    }

    /** A transaction with DDL committed: every transaction that started before it is now stale. */
    void catalogCommitted(String clusterId) {
        catalogVersions.computeIfAbsent(clusterId, k -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
    }

    List<String> primaryKey(String database, String schema, String table) {
        String key = (schema == null ? "" : schema) + '.' + table;
        Map<String, List<String>> tables = keys.computeIfAbsent(database, d -> new ConcurrentHashMap<>());
        List<String> cached = tables.get(key);
        if (cached != null) {
            return cached;
        }
        List<String> found = catalog.primaryKey(database, schema, table);
        if (found != null) {
            tables.put(key, found);
        }
        return found;
    }

    boolean indexBuildPending(String database, String index) {
        return catalog.indexBuildPending(database, index);
    }

    void awaitIndexBuilds(String database, List<QualifiedName> indexes) {
        catalog.awaitIndexBuilds(database, indexes);
    }

    /** DDL ran in this database: cached keys may be stale. */
    void catalogChanged(String database) {
        keys.remove(database);
    }
}
