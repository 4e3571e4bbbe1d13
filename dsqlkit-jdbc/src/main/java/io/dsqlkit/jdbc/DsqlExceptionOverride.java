package io.dsqlkit.jdbc;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;

/**
 * Keeps HikariCP from closing healthy connections on DSQL's ordinary errors. HikariCP evicts a
 * connection whose statement failed with {@code 0A000}, which DSQL answers for every unsupported
 * statement (DSQL-FACTS §3–§14), so one refused statement would cost a physical connection (and a
 * new token and TLS handshake). Refusals, OCC conflicts ({@code 40001}), limits ({@code 54xxx}) and
 * {@code XX000 server unavailable} (no reconnect needed, DSQL-FACTS §4) leave the session usable.
 * Anything else, including every {@code 08xxx} connection failure, goes to HikariCP's own rules.
 *
 * <p>Public with a no-argument constructor, so it can also be named in
 * {@code exceptionOverrideClassName}.
 */
public final class DsqlExceptionOverride implements SQLExceptionOverride {
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    public DsqlExceptionOverride() {
    }

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException sqlException) {
        String state = sqlException.getSQLState();
        if (state != null && state.startsWith(CONNECTION_EXCEPTION_CLASS)) {
            return SQLExceptionOverride.Override.CONTINUE_EVICT;
        }
        if (DsqlErrors.isRefusal(sqlException) || DsqlErrors.isConflict(sqlException)
                || DsqlErrors.isLimitExceeded(sqlException) || DsqlErrors.isServerUnavailable(sqlException)) {
            return SQLExceptionOverride.Override.DO_NOT_EVICT;
        }
        return SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
