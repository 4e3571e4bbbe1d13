package io.dsqlkit.local.internal.jobs;

import io.dsqlkit.local.internal.postgres.BackingPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link JobDatabase#of} against the embedded PostgreSQL itself, as DsqlLocal wires it. */
class JobDatabaseIT {
    private static BackingPostgres backing;

    @BeforeAll
    static void start() throws Exception {
        backing = BackingPostgres.start(null, 20);
    }

    @AfterAll
    static void stop() {
        backing.close();
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    @Test
    void jobsRunLoggedInAsTheirSubmitter() throws Exception {
        JobDatabase database = JobDatabase.of(backing);
        String db = BackingPostgres.DEFAULT_CLUSTER_DATABASE;
        try (Connection admin = database.connectionAs(db, BackingPostgres.ADMIN_ROLE)) {
            assertThat(scalar(admin, "select session_user")).isEqualTo("admin");
            try (Statement s = admin.createStatement()) {
                s.execute("create table wired (id bigint primary key, v int)");
            }
        }
        try (JobRunner runner = new JobRunner(database);
             Connection su = database.superuserConnection(db)) {
            assertThat(scalar(su, "select current_setting('is_superuser')")).isEqualTo("on");
            String jobId = runner.submitIndexBuild(db, BackingPostgres.ADMIN_ROLE, "public", "wired", "wired_v",
                    "CREATE INDEX CONCURRENTLY wired_v ON public.wired (v)");
            try (Statement s = su.createStatement()) {
                s.execute("call sys.wait_for_job('" + jobId + "')");
            }
            assertThat(scalar(su, "select status from sys.jobs where job_id = '" + jobId + "'")).isEqualTo("completed");
            assertThat(scalar(su, "select indisvalid from pg_index where indexrelid = 'wired_v'::regclass")).isEqualTo("t");
        }
    }
}
