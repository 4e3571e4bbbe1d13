package io.dsqlkit.hibernate.internal.exception;

import org.hibernate.exception.spi.ViolatedConstraintNameExtractor;

import java.sql.SQLException;

/**
 * The violated constraint's name from DSQL's messages (DSQL-FACTS §6, §10, §14), which follow
 * PostgreSQL's wording: {@code 23505 duplicate key value violates unique constraint "x"},
 * {@code 23503 ... violates foreign key constraint "x"}, {@code 23514 ... violates check constraint "x"}
 * (also for domains). Walks chained SQLExceptions; {@code null} for other states.
 */
public final class DsqlConstraintNameExtractor implements ViolatedConstraintNameExtractor {
    private static final String MARKER = "constraint \"";

    @Override
    public String extractConstraintName(SQLException sqlException) {
        for (SQLException e = sqlException; e != null; e = e.getNextException()) {
            String state = e.getSQLState();
            if ("23505".equals(state) || "23503".equals(state) || "23514".equals(state)) {
                String name = quotedAfterMarker(e.getMessage());
                if (name != null) {
                    return name;
                }
            }
            if (e.getNextException() == e) {
                break;
            }
        }
        return null;
    }

    static String quotedAfterMarker(String message) {
        if (message == null) {
            return null;
        }
        int start = message.indexOf(MARKER);
        if (start < 0) {
            return null;
        }
        start += MARKER.length();
        int end = message.indexOf('"', start);
        return end > start ? message.substring(start, end) : null;
    }
}
