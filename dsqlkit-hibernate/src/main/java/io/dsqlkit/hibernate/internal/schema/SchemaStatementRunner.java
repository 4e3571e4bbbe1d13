package io.dsqlkit.hibernate.internal.schema;

import io.dsqlkit.hibernate.AuroraDsqlSettings;
import io.dsqlkit.jdbc.DsqlErrors;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one schema statement as DSQL needs it: again after a schema conflict
 * ({@code 40001 ... (OC001)}, DSQL-FACTS §5), and, when it started async jobs
 * ({@code create index async} and {@code alter table async} answer with a {@code job_id}, §12),
 * waits for them with {@code CALL sys.wait_for_job} before the next statement, so the application
 * starts with usable indexes and validated constraints. A failed job fails the statement with its
 * {@code sys.jobs} details, the way any refused DDL statement fails.
 */
final class SchemaStatementRunner {
    private static final Logger LOG = Logger.getLogger(SchemaStatementRunner.class);
    static final String JOB_ID_COLUMN = "job_id";
    static final String WAIT_FOR_JOB = "call sys.wait_for_job(?)";
    static final String JOB_DETAILS = "select status, job_type, object_name, details from sys.jobs where job_id = ?";

    private final Connection connection;
    private final Statement statement;
    private final AuroraDsqlSettings settings;

    SchemaStatementRunner(Connection connection, Statement statement, AuroraDsqlSettings settings) {
        this.connection = connection;
        this.statement = statement;
        this.settings = settings;
    }

    /** Runs {@code sql}; returns what {@link Statement#execute(String)} returned for it. */
    boolean execute(String sql) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try {
                boolean firstIsResultSet = statement.execute(sql);
                List<String> jobs = jobIds(firstIsResultSet);
                if (settings.waitForJobs() && connection.getAutoCommit()) {
                    for (String job : jobs) {
                        waitFor(job);
                    }
                }
                return firstIsResultSet;
            } catch (SQLException e) {
                if (attempt < settings.ddlConflictRetries() && isSchemaConflict(e)) {
                    LOG.debugf("Schema conflict (OC001) running \"%s\"; running it again", sql);
                    continue;
                }
                throw e;
            }
        }
    }

    private List<String> jobIds(boolean isResultSet) throws SQLException {
        List<String> jobs = new ArrayList<>();
        while (true) {
            if (isResultSet) {
                try (ResultSet rows = statement.getResultSet()) {
                    int column = jobIdColumn(rows.getMetaData());
                    while (rows.next()) {
                        if (column > 0 && rows.getString(column) != null) {
                            jobs.add(rows.getString(column));
                        }
                    }
                }
            } else if (statement.getUpdateCount() == -1) {
                return jobs;
            }
            isResultSet = statement.getMoreResults();
        }
    }

    private static int jobIdColumn(ResultSetMetaData metaData) throws SQLException {
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            if (JOB_ID_COLUMN.equalsIgnoreCase(metaData.getColumnLabel(i))) {
                return i;
            }
        }
        return 0;
    }

    private static boolean isSchemaConflict(SQLException e) {
        return DsqlErrors.isConflict(e)
                && DsqlErrors.conflictCode(e).filter(DsqlErrors.SCHEMA_CONFLICT::equals).isPresent();
    }

    private void waitFor(String job) throws SQLException {
        boolean succeeded;
        try (PreparedStatement wait = connection.prepareStatement(WAIT_FOR_JOB)) {
            wait.setString(1, job);
            try (ResultSet row = wait.executeQuery()) {
                succeeded = row.next() && row.getBoolean(1);
            }
        }
        if (!succeeded) {
            throw new SQLException(describeFailure(job));
        }
    }

    private String describeFailure(String job) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(JOB_DETAILS)) {
            query.setString(1, job);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return "DSQL async job " + job + " did not complete and is not in sys.jobs";
                }
                String details = row.getString("details");
                return "DSQL async job " + job + " (" + row.getString("job_type") + " of "
                        + row.getString("object_name") + ") ended " + row.getString("status")
                        + (details == null ? "" : ": " + details)
                        + "; a failed index or constraint stays invalid: fix the data, drop it and run the schema update again";
            }
        }
    }
}
