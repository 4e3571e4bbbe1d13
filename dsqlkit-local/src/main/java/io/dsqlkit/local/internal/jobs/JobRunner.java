package io.dsqlkit.local.internal.jobs;

import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs DSQL's asynchronous jobs (DSQL-FACTS §12) against the backing PostgreSQL.
 *
 * <p>The queue is the table behind {@code sys.jobs} ({@code dsql_local.jobs}). A job enters it as
 * {@code submitted}, either through this class (committed at once) or through
 * {@code dsql_local.submit_index_build} / {@code dsql_local.submit_constraint_validation} called in
 * a client's transaction (visible once that commits, gone if it rolls back). {@link #jobsCommitted}
 * starts the database's queue; its jobs run one at a time in submission order, each on a
 * connection logged in as its submitter, and end {@code completed} or {@code failed} with
 * PostgreSQL's error message in {@code details} (DSQL's own text for a UNIQUE build over
 * duplicates). {@code CALL sys.wait_for_job} polls the same rows.
 *
 * <p>An index is built with {@code CREATE [UNIQUE] INDEX CONCURRENTLY}: a UNIQUE build over
 * duplicate rows then fails and leaves an INVALID index behind, exactly as on DSQL.
 */
public final class JobRunner implements AutoCloseable {
    public static final String INDEX_BUILD = "INDEX_BUILD";
    /** Recorded against DSQL by ministack PR #1567 (sys.jobs shows it for ALTER TABLE ASYNC ... VALIDATE CONSTRAINT). */
    public static final String VALIDATE_CONSTRAINT = "VALIDATE_CONSTRAINT";
    /** {@code sys.jobs.details} of a UNIQUE build over duplicate keys (UG working-with-create-index-async). */
    static final String DUPLICATE_KEY_DETAILS = "Found duplicate key while validating index for UCVs";

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final String INSERT_INDEX_BUILD = """
            insert into dsql_local.jobs (job_id, status, job_type, class_id, object_id, object_name, start_time,
                                         run_as, statement, table_id)
            select dsql_local.new_job_id(), 'submitted', ?, 'pg_catalog.pg_class'::regclass, null,
                   ? || '.' || ?, pg_catalog.statement_timestamp(), ?, ?,
                   pg_catalog.to_regclass(pg_catalog.quote_ident(?) || '.' || pg_catalog.quote_ident(?))
            returning job_id""";
    private static final String INSERT_VALIDATION = """
            insert into dsql_local.jobs (job_id, status, job_type, class_id, object_id, object_name, start_time,
                                         run_as, statement, table_id)
            select dsql_local.new_job_id(), 'submitted', ?, 'pg_catalog.pg_constraint'::regclass,
                   (select k.oid from pg_catalog.pg_constraint k where k.conrelid = t.oid and k.conname = ?),
                   ? || '.' || ?, pg_catalog.statement_timestamp(), ?, ?, t.oid
            from (select pg_catalog.to_regclass(pg_catalog.quote_ident(?) || '.' || pg_catalog.quote_ident(?)) as oid) t
            returning job_id""";
    private static final String NEXT_JOB = """
            select j.job_id, j.job_type, j.object_id, j.object_name, j.run_as, j.statement, j.search_path,
                   j.table_id, case when j.run_as is null then true else coalesce(r.rolsuper, false) end as superuser
            from dsql_local.jobs j left join pg_catalog.pg_roles r on r.rolname = j.run_as
            where j.status = 'submitted'
            order by j.submitted_at, j.job_id
            limit 1""";
    /** UG working-with-create-index-async: the job DSQL works on is {@code processing}. */
    private static final String START = """
            update dsql_local.jobs set status = 'processing', update_time = pg_catalog.clock_timestamp()
            where job_id = ? and status = 'submitted'""";
    /**
     * The job this runner stopped before it ended (closing) runs again on the next pass; one left
     * processing by a DSQL Local that died is requeued by the cluster schema at the next start.
     */
    private static final String REQUEUE = """
            update dsql_local.jobs set status = 'submitted' where job_id = ? and status = 'processing'""";
    /**
     * UG working-with-create-index-async: each time DSQL runs a new job it deletes the jobs that
     * ended (completed or failed) more than 30 minutes ago, so sys.jobs shows mostly recent work.
     */
    private static final String PURGE = """
            delete from dsql_local.jobs where status in ('completed', 'failed')
            and update_time < pg_catalog.clock_timestamp() - interval '30 minutes'""";
    private static final String FINISH = """
            update dsql_local.jobs
            set status = ?, details = ?, object_id = coalesce(?::oid, object_id), update_time = pg_catalog.clock_timestamp()
            where job_id = ?""";

    private final JobDatabase database;
    private final ExecutorService workers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "dsql-local-jobs");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Queue> queues = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public JobRunner(JobDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Queues an index build and starts the queue: {@code CREATE INDEX ASYNC} on DSQL.
     *
     * @param database    the cluster's backing database
     * @param role        the submitting client's role; the build runs logged in as it
     * @param indexName   the index's name, or {@code null} when PostgreSQL chooses it
     * @param postgresSql the build, {@code CREATE [UNIQUE] INDEX CONCURRENTLY ...}; it runs in a new
     *                    session with {@code role}'s default search_path, so qualify the table
     * @return the job id: 26 lowercase RFC 4648 base32 characters of 128 random bits
     * @throws SQLException if the job could not be recorded
     */
    public String submitIndexBuild(String database, String role, String tableSchema, String tableName,
                                   String indexName, String postgresSql) throws SQLException {
        String jobId = insert(database, INSERT_INDEX_BUILD, INDEX_BUILD, tableSchema, indexName, role,
                postgresSql, tableSchema, tableName);
        jobsCommitted(database);
        return jobId;
    }

    /**
     * Queues a constraint validation and starts the queue: {@code ALTER TABLE ASYNC ... VALIDATE
     * CONSTRAINT} on DSQL. {@code postgresSql} is the synchronous {@code ALTER TABLE ... VALIDATE
     * CONSTRAINT}; the other parameters are as for {@link #submitIndexBuild}.
     */
    public String submitConstraintValidation(String database, String role, String tableSchema, String tableName,
                                             String constraint, String postgresSql) throws SQLException {
        String jobId = insert(database, INSERT_VALIDATION, VALIDATE_CONSTRAINT, constraint, tableSchema, constraint,
                role, postgresSql, tableSchema, tableName);
        jobsCommitted(database);
        return jobId;
    }

    private String insert(String db, String sql, String... parameters) throws SQLException {
        requireOpen();
        try (Connection c = database.superuserConnection(db); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /**
     * Jobs of {@code database} may have been committed (a client transaction that submitted some
     * ended): run every submitted job, in submission order, one at a time. Returns at once.
     */
    public void jobsCommitted(String database) {
        if (closed) {
            return;
        }
        Queue queue = queues.computeIfAbsent(database, Queue::new);
        if (queue.wake()) {
            try {
                workers.execute(() -> drain(queue));
            } catch (RejectedExecutionException e) {
                queue.stop();
            }
        }
    }

    private void drain(Queue queue) {
        do {
            queue.beginPass();
            String previous = null;
            try (Connection bookkeeping = database.superuserConnection(queue.database)) {
                Job job;
                while (!closed && (job = next(bookkeeping)) != null) {
                    if (job.id().equals(previous)) {
                        // Its outcome did not stick; leave it for the next pass rather than spin.
                        log.warn("job {} in {} is still submitted after it ran", job.id(), queue.database);
                        break;
                    }
                    previous = job.id();
                    run(queue, bookkeeping, job);
                }
            } catch (SQLException | RuntimeException e) {
                // A later wake retries what is left.
                if (closed || isGone(e)) {
                    log.debug("async jobs of {} stopped: {}", queue.database, e.getMessage());
                } else {
                    log.warn("async jobs of {} stopped: {}", queue.database, e.getMessage());
                }
            }
        } while (queue.endPass(closed));
    }

    /** The cluster was closed (its database dropped, sessions terminated) or the server is stopping. */
    private static boolean isGone(Exception e) {
        String state = e instanceof SQLException sql ? sql.getSQLState() : null;
        return state != null && (state.startsWith("57P") || state.startsWith("08") || state.equals("3D000"));
    }

    private static Job next(Connection bookkeeping) throws SQLException {
        try (Statement s = bookkeeping.createStatement(); ResultSet rs = s.executeQuery(NEXT_JOB)) {
            if (!rs.next()) {
                return null;
            }
            return new Job(rs.getString("job_id"), rs.getString("job_type"), (Long) rs.getObject("object_id"),
                    rs.getString("object_name"), rs.getString("run_as"), rs.getString("statement"),
                    rs.getString("search_path"), (Long) rs.getObject("table_id"), rs.getBoolean("superuser"));
        }
    }

    private void run(Queue queue, Connection bookkeeping, Job job) throws SQLException {
        update(bookkeeping, PURGE);
        update(bookkeeping, START, job.id());
        List<Long> indexesBefore = INDEX_BUILD.equals(job.type()) ? indexesOf(bookkeeping, job.tableId()) : List.of();
        String failure = execute(queue, job);
        if (closed) {
            try {
                update(bookkeeping, REQUEUE, job.id());
            } catch (SQLException e) {
                // The next pass of the next runner requeues it.
                log.debug("job {} left processing: {}", job.id(), e.getMessage());
            }
            return;
        }
        Long objectId = job.objectId();
        if (objectId == null && INDEX_BUILD.equals(job.type())) {
            objectId = builtIndex(bookkeeping, job, indexesBefore);
        }
        try (PreparedStatement ps = bookkeeping.prepareStatement(FINISH)) {
            ps.setString(1, failure == null ? "completed" : "failed");
            ps.setString(2, failure);
            ps.setObject(3, objectId, Types.BIGINT);
            ps.setString(4, job.id());
            ps.executeUpdate();
        }
    }

    private static void update(Connection bookkeeping, String sql, String... parameters) throws SQLException {
        try (PreparedStatement ps = bookkeeping.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        }
    }

    /** Runs the job's statement; returns {@code null} on success, else PostgreSQL's message. */
    private String execute(Queue queue, Job job) {
        if (job.statement() == null) {
            return "job has no statement";
        }
        try (Connection c = job.superuser() ? database.superuserConnection(queue.database)
                : database.connectionAs(queue.database, job.runAs());
             Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            if (job.searchPath() != null) {
                try (PreparedStatement ps = c.prepareStatement("select pg_catalog.set_config('search_path', ?, false)")) {
                    ps.setString(1, job.searchPath());
                    ps.execute();
                }
            }
            queue.running = s;
            try {
                s.execute(job.statement());
            } finally {
                queue.running = null;
            }
            return null;
        } catch (SQLException e) {
            if (INDEX_BUILD.equals(job.type()) && "23505".equals(e.getSQLState())) {
                return DUPLICATE_KEY_DETAILS;
            }
            return e instanceof PSQLException p && p.getServerErrorMessage() != null
                    ? p.getServerErrorMessage().getMessage() : e.getMessage();
        }
    }

    private static List<Long> indexesOf(Connection bookkeeping, Long tableId) throws SQLException {
        List<Long> indexes = new ArrayList<>();
        if (tableId == null) {
            return indexes;
        }
        try (PreparedStatement ps = bookkeeping.prepareStatement(
                "select indexrelid::bigint from pg_catalog.pg_index where indrelid = ?::oid")) {
            ps.setLong(1, tableId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.add(rs.getLong(1));
                }
            }
        }
        return indexes;
    }

    /** The index the build made (valid or not), or the existing one IF NOT EXISTS kept; {@code null} if none. */
    private static Long builtIndex(Connection bookkeeping, Job job, List<Long> before) throws SQLException {
        if (job.tableId() == null) {
            return null;
        }
        if (job.objectName() != null) {
            try (PreparedStatement ps = bookkeeping.prepareStatement("""
                    select c.oid::bigint
                    from pg_catalog.pg_index i
                    join pg_catalog.pg_class c on c.oid = i.indexrelid
                    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                    where i.indrelid = ?::oid and n.nspname || '.' || c.relname = ?""")) {
                ps.setLong(1, job.tableId());
                ps.setString(2, job.objectName());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
            }
        }
        // Unnamed: PostgreSQL chose the name; builds of a database run one at a time, so the new index is the one.
        List<Long> added = indexesOf(bookkeeping, job.tableId());
        added.removeAll(before);
        return added.size() == 1 ? added.get(0) : null;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the job runner is closed");
        }
    }

    /** Cancels running jobs (they go back to {@code submitted}) and stops the workers. Idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Queue queue : queues.values()) {
            Statement running = queue.running;
            if (running != null) {
                try {
                    running.cancel();
                } catch (SQLException ignored) {
                    // the statement finished or its connection is gone: nothing left to cancel
                }
            }
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Job(String id, String type, Long objectId, String objectName, String runAs, String statement,
                       String searchPath, Long tableId, boolean superuser) {
    }

    /** One database's queue: at most one worker drains it; a wake during a pass earns another pass. */
    private static final class Queue {
        final String database;
        volatile Statement running;
        private boolean draining;
        private boolean wakeRequested;

        Queue(String database) {
            this.database = database;
        }

        /** Returns whether the caller must start a worker. */
        synchronized boolean wake() {
            wakeRequested = true;
            if (draining) {
                return false;
            }
            draining = true;
            return true;
        }

        synchronized void beginPass() {
            wakeRequested = false;
        }

        /** Returns whether to make another pass. */
        synchronized boolean endPass(boolean closed) {
            if (wakeRequested && !closed) {
                return true;
            }
            draining = false;
            return false;
        }

        synchronized void stop() {
            draining = false;
        }
    }
}
