package io.dsqlkit.jdbc.internal.connect;

import io.dsqlkit.jdbc.internal.config.ConnectionSettings;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * A DataSource whose every {@code getConnection()} opens a new physical connection with a fresh
 * token; HikariCP pools on top of it, and it serves alone when pooling is not wanted.
 */
public final class UnpooledDataSource implements DataSource {
    private final ConnectionSettings settings;
    private volatile PrintWriter logWriter;
    private volatile int loginTimeoutSeconds;

    public UnpooledDataSource(ConnectionSettings settings) {
        this.settings = settings;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return PhysicalConnections.open(settings, settings.user());
    }

    /**
     * Connects as {@code username}; the password is ignored because every connection is
     * authenticated with a new IAM token for that user.
     */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return PhysicalConnections.open(settings, username == null ? settings.user() : username);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    /** Recorded for callers that read it back; pgjdbc's connectTimeout/loginTimeout properties govern connecting. */
    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("dsqlkit-jdbc logs through SLF4J, not java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("UnpooledDataSource is not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "dsqlkit UnpooledDataSource[" + settings.user() + "@" + settings.endpoint().host() + ":"
                + settings.endpoint().port() + "]";
    }
}
