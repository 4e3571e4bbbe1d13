package io.dsqlkit.local.internal.jobs;

import io.dsqlkit.local.DsqlCluster;
import io.dsqlkit.local.DsqlLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.dsqlkit.local.testing.Sql.exec;
import static io.dsqlkit.local.testing.Sql.scalar;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Job lifecycle against a real DSQL Local: jobs are submitted here, observed and awaited as a
 * client would, through the front end ({@code sys.jobs}, {@code CALL sys.wait_for_job}).
 */
class JobRunnerIT {
    private static final String JOB_ID = "[a-z2-7]{25}[aeimquy4]";
    private static DsqlLocal dsql;
    private static DsqlCluster cluster;
    private static String database;
    private static JobRunner runner;

    @BeforeAll
    static void start() {
        dsql = DsqlLocal.builder().start();
        cluster = dsql.defaultCluster();
        // jdbc:postgresql://localhost:<port>/<database>?user=postgres
        String url = cluster.backingJdbcUrl();
        String base = url.substring(0, url.lastIndexOf('/') + 1);
        database = url.substring(base.length(), url.indexOf('?'));
        runner = new JobRunner(new JobDatabase() {
            @Override
            public Connection superuserConnection(String db) throws SQLException {
                return connect(base + db, "postgres");
            }

            @Override
            public Connection connectionAs(String db, String role) throws SQLException {
                return connect(base + db, role);
            }
        });
    }

    private static Connection connect(String url, String user) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        return DriverManager.getConnection(url, props);
    }

    @AfterAll
    static void stop() {
        runner.close();
        dsql.close();
    }

    private static boolean waitForJob(Connection c, String jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("CALL sys.wait_for_job(?)")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBoolean(1);
            }
        }
    }

    private static String status(Connection c, String jobId) throws SQLException {
        return scalar(c, "select status from sys.jobs where job_id = '" + jobId + "'");
    }

    /** Blocks every build on {@code table} (CREATE INDEX CONCURRENTLY waits for this lock) until closed. */
    private static Connection holdBuildLock(String table) throws SQLException {
        Connection holder = DriverManager.getConnection(cluster.backingJdbcUrl());
        holder.setAutoCommit(false);
        exec(holder, "LOCK TABLE " + table + " IN SHARE UPDATE EXCLUSIVE MODE");
        return holder;
    }

    private static void awaitWaiting(String table) throws SQLException, InterruptedException {
        try (Connection su = DriverManager.getConnection(cluster.backingJdbcUrl())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!scalar(su, "select exists (select 1 from pg_locks where relation = '" + table
                    + "'::regclass and not granted)").equals("t")) {
                assertThat(System.nanoTime()).as("the build waits for the lock").isLessThan(deadline);
                Thread.sleep(10);
            }
        }
    }

    @Test
    void anIndexBuildGoesFromSubmittedToCompleted() throws Exception {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE TABLE build_me (id bigint PRIMARY KEY, v text)");
            exec(c, "INSERT INTO build_me SELECT g, 'v' || g FROM generate_series(1, 100) g");
            CompletableFuture<Boolean> waiter;
            String jobId;
            Connection lock = holdBuildLock("build_me");
            try {
                jobId = runner.submitIndexBuild(database, "admin", "public", "build_me", "build_me_v_idx",
                        "CREATE INDEX CONCURRENTLY build_me_v_idx ON public.build_me (v)");
                assertThat(jobId).matches(JOB_ID);
                awaitWaiting("build_me");
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT * FROM sys.jobs WHERE job_id = '" + jobId + "'")) {
                    assertThat(rs.next()).isTrue();
                    // The build has started and waits: DSQL shows such a job as processing.
                    assertThat(rs.getString("status")).isEqualTo("processing");
                    assertThat(rs.getString("details")).isNull();
                    assertThat(rs.getString("job_type")).isEqualTo("INDEX_BUILD");
                    assertThat(rs.getLong("class_id")).isEqualTo(1259);
                    assertThat(rs.getString("object_name")).isEqualTo("public.build_me_v_idx");
                    assertThat(rs.getTimestamp("start_time")).isNotNull();
                    assertThat(rs.getTimestamp("update_time")).isAfterOrEqualTo(rs.getTimestamp("start_time"));
                }
                // A waiter started now sees the outcome the runner commits later: it commits between polls.
                String awaited = jobId;
                waiter = CompletableFuture.supplyAsync(() -> {
                    try (Connection w = cluster.connect()) {
                        return waitForJob(w, awaited);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(300);
                assertThat(waiter).isNotDone();
            } finally {
                lock.close();
            }
            assertThat(waiter.get(30, TimeUnit.SECONDS)).isTrue();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT j.*, i.indisvalid, c.relowner::regrole AS owner FROM sys.jobs j "
                         + "JOIN pg_index i ON i.indexrelid = j.object_id JOIN pg_class c ON c.oid = i.indexrelid "
                         + "WHERE j.job_id = '" + jobId + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("status")).isEqualTo("completed");
                assertThat(rs.getString("details")).isNull();
                assertThat(rs.getString("object_name")).isEqualTo("public.build_me_v_idx");
                assertThat(rs.getTimestamp("update_time")).isAfterOrEqualTo(rs.getTimestamp("start_time"));
                assertThat(rs.getBoolean("indisvalid")).isTrue();
                assertThat(rs.getString("owner")).isEqualTo("admin");
            }
        }
    }

    @Test
    void aUniqueBuildOverDuplicatesFailsAndLeavesAnInvalidIndex() throws SQLException {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE TABLE dupes (id bigint PRIMARY KEY, v int)");
            exec(c, "INSERT INTO dupes VALUES (1, 7), (2, 7)");
            String jobId = runner.submitIndexBuild(database, "admin", "public", "dupes", "dupes_v_key",
                    "CREATE UNIQUE INDEX CONCURRENTLY dupes_v_key ON public.dupes (v)");
            assertThat(waitForJob(c, jobId)).isFalse();
            assertThat(status(c, jobId)).isEqualTo("failed");
            assertThat(scalar(c, "select details from sys.jobs where job_id = '" + jobId + "'"))
                    .isEqualTo("Found duplicate key while validating index for UCVs");
            assertThat(scalar(c, "select i.indisvalid from sys.jobs j join pg_index i on i.indexrelid = j.object_id "
                    + "where j.job_id = '" + jobId + "'")).isEqualTo("f");
            assertThat(scalar(c, "select object_name from sys.jobs where job_id = '" + jobId + "'"))
                    .isEqualTo("public.dupes_v_key");
        }
    }

    @Test
    void anUnnamedIndexGetsPostgresqlsNameAndItsObject() throws SQLException {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE TABLE unnamed (id bigint PRIMARY KEY, v int)");
            String jobId = runner.submitIndexBuild(database, "admin", "public", "unnamed", null,
                    "CREATE INDEX CONCURRENTLY ON public.unnamed (v)");
            assertThat(waitForJob(c, jobId)).isTrue();
            assertThat(scalar(c, "select object_name from sys.jobs where job_id = '" + jobId + "'"))
                    .isEqualTo("public.unnamed_v_idx");
        }
    }

    @Test
    void jobsOfADatabaseRunOneAtATimeInSubmissionOrder() throws Exception {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE TABLE first_table (id bigint PRIMARY KEY, v int)");
            exec(c, "CREATE TABLE second_table (id bigint PRIMARY KEY, v int)");
            String first;
            String second;
            Connection lock = holdBuildLock("first_table");
            try {
                first = runner.submitIndexBuild(database, "admin", "public", "first_table", "first_v",
                        "CREATE INDEX CONCURRENTLY first_v ON public.first_table (v)");
                second = runner.submitIndexBuild(database, "admin", "public", "second_table", "second_v",
                        "CREATE INDEX CONCURRENTLY second_v ON public.second_table (v)");
                awaitWaiting("first_table");
                Thread.sleep(200);
                assertThat(status(c, first)).as("the blocked build").isEqualTo("processing");
                assertThat(status(c, second)).as("queued behind the blocked build").isEqualTo("submitted");
                assertThat(scalar(c, "select to_regclass('second_v')")).isNull();
            } finally {
                lock.close();
            }
            assertThat(waitForJob(c, second)).isTrue();
            assertThat(status(c, first)).isEqualTo("completed");
            assertThat(scalar(c, "select (select update_time from sys.jobs where job_id = '" + first + "') "
                    + "<= (select update_time from sys.jobs where job_id = '" + second + "')")).isEqualTo("t");
        }
    }

    @Test
    void aConstraintValidationFailsOverViolatingRowsAndCompletesOverCleanOnes() throws SQLException {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE TABLE checked (id bigint PRIMARY KEY, qty int)");
            exec(c, "INSERT INTO checked VALUES (1, 5), (2, -1)");
            exec(c, "ALTER TABLE checked ADD CONSTRAINT qty_positive CHECK (qty > 0) NOT VALID");
            String failing = runner.submitConstraintValidation(database, "admin", "public", "checked", "qty_positive",
                    "ALTER TABLE public.checked VALIDATE CONSTRAINT qty_positive");
            assertThat(failing).matches(JOB_ID);
            assertThat(waitForJob(c, failing)).isFalse();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM sys.jobs WHERE job_id = '" + failing + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("status")).isEqualTo("failed");
                assertThat(rs.getString("job_type")).isEqualTo("VALIDATE_CONSTRAINT");
                assertThat(rs.getString("details"))
                        .isEqualTo("check constraint \"qty_positive\" of relation \"checked\" is violated by some row");
                assertThat(rs.getString("class_id")).isEqualTo(scalar(c, "select 'pg_constraint'::regclass::oid"));
                assertThat(rs.getString("object_id")).isEqualTo(scalar(c, "select oid from pg_constraint where conname = 'qty_positive'"));
                assertThat(rs.getString("object_name")).isEqualTo("public.qty_positive");
            }
            assertThat(scalar(c, "select convalidated from pg_constraint where conname = 'qty_positive'")).isEqualTo("f");

            exec(c, "DELETE FROM checked WHERE qty <= 0");
            String passing = runner.submitConstraintValidation(database, "admin", "public", "checked", "qty_positive",
                    "ALTER TABLE public.checked VALIDATE CONSTRAINT qty_positive");
            assertThat(waitForJob(c, passing)).isTrue();
            assertThat(scalar(c, "select convalidated from pg_constraint where conname = 'qty_positive'")).isEqualTo("t");
        }
    }

    @Test
    void aJobRunsWithItsSubmittersRightsOnly() throws SQLException {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE ROLE reader WITH LOGIN");
            exec(c, "CREATE TABLE not_readers (id bigint PRIMARY KEY, v int)");
            String jobId = runner.submitIndexBuild(database, "reader", "public", "not_readers", "not_readers_v",
                    "CREATE INDEX CONCURRENTLY not_readers_v ON public.not_readers (v)");
            assertThat(waitForJob(c, jobId)).isFalse();
            assertThat(scalar(c, "select details from sys.jobs where job_id = '" + jobId + "'"))
                    .isEqualTo("must be owner of table not_readers");
        }
    }

    /**
     * DSQL-FACTS §12: the index exists, INVALID, from submission on. A writer's open transaction
     * holds the build after it has recorded the index, so the client that submitted it through the
     * front end finds it at once: not valid, its job processing; valid once the writer ends.
     */
    @Test
    void anIndexSubmittedThroughTheFrontEndExistsInvalidUntilItsBuildEnds() throws Exception {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE TABLE visible_build (id bigint PRIMARY KEY, v int)");
            String jobId;
            try (Connection writer = DriverManager.getConnection(cluster.backingJdbcUrl())) {
                writer.setAutoCommit(false);
                exec(writer, "INSERT INTO visible_build VALUES (1, 1)");
                jobId = scalar(c, "CREATE INDEX ASYNC visible_build_v ON visible_build (v)");
                assertThat(scalar(c, "select indisvalid from pg_index where indexrelid = 'visible_build_v'::regclass"))
                        .isEqualTo("f");
                assertThat(status(c, jobId)).isEqualTo("processing");
                assertThat(scalar(c, "select object_id = 'visible_build_v'::regclass::oid from sys.jobs where job_id = '"
                        + jobId + "'")).isEqualTo("t");
                writer.commit();
            }
            assertThat(waitForJob(c, jobId)).isTrue();
            assertThat(scalar(c, "select indisvalid from pg_index where indexrelid = 'visible_build_v'::regclass"))
                    .isEqualTo("t");
        }
    }

    /**
     * On DSQL the index exists from submission and DROP INDEX cancels its build. Here the index
     * appears when the build runs, so DROP INDEX waits for a build that has not ended, then drops it.
     */
    @Test
    void dropIndexOfAPendingBuildWaitsForItAndDropsTheIndex() throws Exception {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE SCHEMA pending");
            exec(c, "CREATE TABLE pending.dropped (id bigint PRIMARY KEY, v int)");
            String jobId;
            CompletableFuture<Void> drop;
            Connection lock = holdBuildLock("pending.dropped");
            try {
                jobId = runner.submitIndexBuild(database, "admin", "pending", "dropped", "dropped_v",
                        "CREATE INDEX CONCURRENTLY dropped_v ON pending.dropped (v)");
                awaitWaiting("pending.dropped");
                drop = CompletableFuture.runAsync(() -> {
                    try (Connection d = cluster.connect()) {
                        exec(d, "DROP INDEX pending.dropped_v");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(300);
                assertThat(drop).as("DROP INDEX waits for the running build").isNotDone();
            } finally {
                lock.close();
            }
            drop.get(30, TimeUnit.SECONDS);
            assertThat(status(c, jobId)).isEqualTo("completed");
            assertThat(scalar(c, "select to_regclass('pending.dropped_v')")).isNull();
        }
    }

    /** UG working-with-create-index-async: each new job deletes the jobs that ended over 30 minutes ago. */
    @Test
    void runningAJobPurgesJobsThatEndedOverThirtyMinutesAgo() throws SQLException {
        try (Connection c = cluster.connect(); Connection su = DriverManager.getConnection(cluster.backingJdbcUrl())) {
            exec(c, "CREATE TABLE purged (id bigint PRIMARY KEY, v int)");
            String old = runner.submitIndexBuild(database, "admin", "public", "purged", "purged_a",
                    "CREATE INDEX CONCURRENTLY purged_a ON public.purged (v)");
            String recent = runner.submitIndexBuild(database, "admin", "public", "purged", "purged_b",
                    "CREATE INDEX CONCURRENTLY purged_b ON public.purged (id, v)");
            String failed = runner.submitIndexBuild(database, "admin", "public", "purged", "purged_c",
                    "CREATE INDEX CONCURRENTLY purged_c ON public.purged (missing)");
            assertThat(waitForJob(c, old)).isTrue();
            assertThat(waitForJob(c, recent)).isTrue();
            assertThat(waitForJob(c, failed)).isFalse();
            exec(su, "UPDATE dsql_local.jobs SET update_time = clock_timestamp() - interval '31 minutes' "
                    + "WHERE job_id IN ('" + old + "', '" + failed + "')");
            exec(su, "UPDATE dsql_local.jobs SET update_time = clock_timestamp() - interval '29 minutes' "
                    + "WHERE job_id = '" + recent + "'");
            assertThat(scalar(c, "select count(*) from sys.jobs where job_id in ('" + old + "', '" + recent + "', '"
                    + failed + "')")).as("nothing is purged until a job runs").isEqualTo("3");

            String next = runner.submitIndexBuild(database, "admin", "public", "purged", "purged_d",
                    "CREATE INDEX CONCURRENTLY purged_d ON public.purged (v, id)");
            assertThat(waitForJob(c, next)).isTrue();
            assertThat(scalar(c, "select string_agg(job_id, ',' order by job_id) from sys.jobs where job_id in ('"
                    + old + "', '" + recent + "', '" + failed + "', '" + next + "')"))
                    .isEqualTo(Stream.of(recent, next).sorted().collect(Collectors.joining(",")));
        }
    }

    @Test
    void aJobSubmittedInAClientTransactionRunsOnlyOnceItCommits() throws SQLException {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE SCHEMA app");
            exec(c, "CREATE TABLE app.orders (id bigint PRIMARY KEY, customer bigint)");
            exec(c, "SET search_path = app");
            String submit = "SELECT dsql_local.submit_index_build('orders', 'orders_customer_idx', "
                    + "'CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer)', "
                    + "pg_catalog.current_setting('search_path')) AS job_id";

            c.setAutoCommit(false);
            String rolledBack = scalar(c, submit);
            c.rollback();
            runner.jobsCommitted(database);
            assertThat(scalar(c, "select count(*) from sys.jobs where job_id = '" + rolledBack + "'")).isEqualTo("0");
            c.commit();

            String committed = scalar(c, submit);
            assertThat(committed).matches(JOB_ID);
            assertThat(status(c, committed)).as("in the submitting transaction").isEqualTo("submitted");
            c.commit();
            c.setAutoCommit(true);
            runner.jobsCommitted(database);
            assertThat(waitForJob(c, committed)).isTrue();
            // It ran in the submitter's search_path, as the submitter.
            assertThat(scalar(c, "select to_regclass('app.orders_customer_idx')")).isNotNull();
            assertThat(scalar(c, "select object_name from sys.jobs where job_id = '" + committed + "'"))
                    .isEqualTo("app.orders_customer_idx");
        }
    }

    @Test
    void aSubmissionForAMissingTableFailsInTheClientsStatement() throws SQLException {
        try (Connection c = cluster.connect()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> scalar(c,
                            "SELECT dsql_local.submit_index_build('no_such_table', 'x', 'CREATE INDEX CONCURRENTLY x ON no_such_table (v)', "
                                    + "pg_catalog.current_setting('search_path'))"))
                    .isInstanceOfSatisfying(org.postgresql.util.PSQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
        }
    }

    @Test
    void closingTheRunnerCancelsARunningJobWhichStaysSubmitted() throws Exception {
        try (Connection c = cluster.connect()) {
            exec(c, "CREATE TABLE cancelled (id bigint PRIMARY KEY, v int)");
            String base = cluster.backingJdbcUrl().substring(0, cluster.backingJdbcUrl().lastIndexOf('/') + 1);
            JobRunner closing = new JobRunner(new JobDatabase() {
                @Override
                public Connection superuserConnection(String db) throws SQLException {
                    return connect(base + db, "postgres");
                }

                @Override
                public Connection connectionAs(String db, String role) throws SQLException {
                    return connect(base + db, role);
                }
            });
            String jobId;
            Connection lock = holdBuildLock("cancelled");
            try {
                jobId = closing.submitIndexBuild(database, "admin", "public", "cancelled", "cancelled_v",
                        "CREATE INDEX CONCURRENTLY cancelled_v ON public.cancelled (v)");
                awaitWaiting("cancelled");
                closing.close();
                assertThat(scalar(c, "select exists (select 1 from pg_locks where relation = 'cancelled'::regclass "
                        + "and not granted)")).as("the build was cancelled").isEqualTo("f");
                assertThat(status(c, jobId)).isEqualTo("submitted");
            } finally {
                lock.close();
            }
            // Whichever runner wakes the queue next finishes it.
            runner.jobsCommitted(database);
            assertThat(waitForJob(c, jobId)).isTrue();
        }
    }
}
