package io.dsqlkit.local.internal.jobs;

import io.dsqlkit.local.internal.postgres.BackingPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Where {@link JobRunner} gets its connections to a cluster's backing database. */
public interface JobDatabase {

    /** A superuser connection to {@code database}, for job bookkeeping in {@code dsql_local.jobs}. */
    Connection superuserConnection(String database) throws SQLException;

    /**
     * A connection to {@code database} logged in as {@code role}. Jobs run on it, so a job can do
     * exactly what its submitter could, whatever its SQL says.
     */
    Connection connectionAs(String database, String role) throws SQLException;

    /** Connections to the embedded PostgreSQL, which trusts loopback logins. */
    static JobDatabase of(BackingPostgres backing) {
        return new JobDatabase() {
            @Override
            public Connection superuserConnection(String database) throws SQLException {
                return backing.superuserConnection(database);
            }

            @Override
            public Connection connectionAs(String database, String role) throws SQLException {
                Properties props = new Properties();
                props.setProperty("user", role);
                props.setProperty("ApplicationName", "dsql-local-jobs");
                return DriverManager.getConnection(backing.directJdbcUrl(database), props);
            }
        };
    }
}
