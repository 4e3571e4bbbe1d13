package io.dsqlkit.hibernate;

import org.hibernate.exception.SQLGrammarException;

import java.sql.SQLException;

/**
 * DSQL refused a statement it does not support (SQLSTATE {@code 0A000}, DSQL-FACTS §1): the
 * message carries DSQL's own text (for example {@code unsupported statement: Truncate}) so the
 * cause is visible without digging into the SQLException.
 */
public class DsqlUnsupportedFeatureException extends SQLGrammarException {
    private static final long serialVersionUID = 1L;

    public DsqlUnsupportedFeatureException(String message, SQLException cause, String sql) {
        super(message, cause, sql);
    }
}
