package io.dsqlkit.hibernate;

import org.hibernate.JDBCException;

import java.sql.SQLException;

/**
 * A DSQL limit was hit (SQLSTATE {@code 54000}/{@code 54011}, DSQL-FACTS §4, §7): more than 3,000
 * rows or 10 MiB changed in one transaction, a transaction older than 5 minutes, a key or row too
 * large, too many columns or indexes. Retrying the same work fails the same way: split it into
 * smaller transactions. The message carries DSQL's own text.
 */
public class DsqlLimitExceededException extends JDBCException {
    private static final long serialVersionUID = 1L;

    public DsqlLimitExceededException(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
