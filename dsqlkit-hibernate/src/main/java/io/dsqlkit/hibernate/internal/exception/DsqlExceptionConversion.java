package io.dsqlkit.hibernate.internal.exception;

import io.dsqlkit.hibernate.DsqlConflictException;
import io.dsqlkit.hibernate.DsqlLimitExceededException;
import io.dsqlkit.hibernate.DsqlUnsupportedFeatureException;
import io.dsqlkit.jdbc.DsqlErrors;
import org.hibernate.JDBCException;
import org.hibernate.exception.spi.SQLExceptionConversionDelegate;

import java.sql.SQLException;

/**
 * Turns DSQL's SQLSTATEs into Hibernate exceptions, in one place; everything else is left to
 * Hibernate's chain ({@code null}), which handles constraint violations with the dialect's
 * constraint-name extractor.
 *
 * <ul>
 *   <li>{@code 40001} (OC000/OC001) → {@link DsqlConflictException} (retry the transaction);</li>
 *   <li>{@code 54000}/{@code 54011} → {@link DsqlLimitExceededException} with DSQL's message;</li>
 *   <li>{@code 0A000} → {@link DsqlUnsupportedFeatureException} with DSQL's message.</li>
 * </ul>
 */
public final class DsqlExceptionConversion implements SQLExceptionConversionDelegate {
    /** DSQL's "more than 8 column keys", "at most 255 columns" (DSQL-FACTS §7). */
    static final String TOO_MANY_COLUMNS = "54011";

    @Override
    public JDBCException convert(SQLException sqlException, String message, String sql) {
        String state = sqlException.getSQLState();
        if (state == null) {
            return null;
        }
        return switch (state) {
            case DsqlErrors.SERIALIZATION_FAILURE -> new DsqlConflictException(
                    withDsqlMessage(message, sqlException), sqlException, sql,
                    DsqlErrors.conflictCode(sqlException).orElse(null));
            case DsqlErrors.LIMIT_EXCEEDED, TOO_MANY_COLUMNS ->
                    new DsqlLimitExceededException(withDsqlMessage(message, sqlException), sqlException, sql);
            case DsqlErrors.FEATURE_NOT_SUPPORTED ->
                    new DsqlUnsupportedFeatureException(withDsqlMessage(message, sqlException), sqlException, sql);
            default -> null;
        };
    }

    /** Hibernate's message says what it was doing; DSQL's says why it failed: keep both, once. */
    static String withDsqlMessage(String message, SQLException e) {
        String dsql = firstLine(e.getMessage());
        if (message == null || message.isEmpty()) {
            return dsql;
        }
        return message.contains(dsql) ? message : message + ": " + dsql;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
