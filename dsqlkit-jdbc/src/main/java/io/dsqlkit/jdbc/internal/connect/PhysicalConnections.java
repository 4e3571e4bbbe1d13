package io.dsqlkit.jdbc.internal.connect;

import io.dsqlkit.jdbc.internal.config.ConnectionSettings;
import io.dsqlkit.jdbc.internal.config.PgjdbcKeys;
import io.dsqlkit.jdbc.internal.guard.GuardedConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens one physical pgjdbc connection with a token of its own and hands it out guarded. The
 * token is made immediately before connecting, so it is as fresh as it can be, and it is never
 * reused: an expired or revoked token can only ever cost one connection attempt.
 */
public final class PhysicalConnections {
    /** One pgjdbc driver instance, used directly so DriverManager's driver choice plays no part. */
    private static final org.postgresql.Driver PGJDBC = new org.postgresql.Driver();

    private PhysicalConnections() {
    }

    public static Connection open(ConnectionSettings settings, String user) throws SQLException {
        Properties properties = settings.pgjdbcProperties();
        properties.setProperty(PgjdbcKeys.USER, user);
        String token;
        try {
            token = settings.tokenProvider().token(settings.tokenRequest(user));
        } catch (RuntimeException e) {
            // 28000 (invalid authorization): the connection was never attempted.
            throw new SQLException("could not make a DSQL auth token for user '" + user + "' on "
                    + settings.endpoint().host() + " with " + settings.tokenProvider() + ": " + e.getMessage(),
                    "28000", e);
        }
        if (token == null || token.isEmpty()) {
            throw new SQLException("the token provider " + settings.tokenProvider() + " returned no token for user '"
                    + user + "'", "28000");
        }
        properties.setProperty(PgjdbcKeys.PASSWORD, token);
        Connection connection = PGJDBC.connect(settings.pgjdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("pgjdbc did not accept " + settings.pgjdbcUrl(), "08001");
        }
        return new GuardedConnection(connection, settings.unsupportedIsolation());
    }
}
