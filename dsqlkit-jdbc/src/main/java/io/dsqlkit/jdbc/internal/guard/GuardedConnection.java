package io.dsqlkit.jdbc.internal.guard;

import io.dsqlkit.jdbc.DsqlErrors;
import io.dsqlkit.jdbc.UnsupportedIsolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * A pgjdbc connection with DSQL's refusals applied on the client, so they fail early and clearly
 * (or become documented no-ops) instead of sending statements DSQL answers with {@code 0A000}.
 *
 * <ul>
 *   <li>Isolation: DSQL runs every transaction at REPEATABLE READ and refuses {@code SET TRANSACTION}
 *       and isolation settings (DSQL-FACTS §3, §4), while pgjdbc's {@code setTransactionIsolation}
 *       sends {@code SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL ...}. REPEATABLE READ
 *       is therefore accepted locally without a round trip and reported by
 *       {@code getTransactionIsolation}; other levels are refused, or ignored with a warning when
 *       configured with {@link UnsupportedIsolation#IGNORE_WITH_WARNING}.</li>
 *   <li>Savepoints: DSQL refuses {@code SAVEPOINT}, {@code ROLLBACK TO} and {@code RELEASE}
 *       (DSQL-FACTS §4); the methods fail with {@code 0A000} before anything is sent, and the
 *       metadata says savepoints are unsupported so frameworks do not try.</li>
 *   <li>Read-only: passed to pgjdbc, which the connector configures with
 *       {@code readOnlyMode=transaction}: transactions begin with {@code BEGIN READ ONLY}, which
 *       DSQL accepts, never with {@code SET TRANSACTION} (DSQL-FACTS §16).</li>
 * </ul>
 *
 * <p>{@code unwrap} reaches the pgjdbc connection (e.g. {@code PGConnection}); calls made on it
 * bypass these guards.
 */
public final class GuardedConnection implements Connection {
    private static final Logger log = LoggerFactory.getLogger(GuardedConnection.class);
    /** Warn once per JVM and level: frameworks set the isolation on every transaction. */
    private static final Set<Integer> WARNED_LEVELS = ConcurrentHashMap.newKeySet();

    static final String SAVEPOINTS_REFUSED = "DSQL does not support savepoints: it refuses SAVEPOINT, ROLLBACK TO"
            + " SAVEPOINT and RELEASE SAVEPOINT (0A000, DSQL-FACTS §4). Roll back the whole transaction instead, and"
            + " turn off nested transactions (e.g. Spring's NESTED propagation) that rely on savepoints";

    private final Connection delegate;
    private final UnsupportedIsolation unsupportedIsolation;

    public GuardedConnection(Connection delegate, UnsupportedIsolation unsupportedIsolation) {
        this.delegate = delegate;
        this.unsupportedIsolation = unsupportedIsolation;
    }

    /** The message for an isolation level DSQL does not run; stable, tests compare it. */
    public static String isolationRefused(int level) {
        return "DSQL runs every transaction at REPEATABLE READ (snapshot isolation with optimistic concurrency"
                + " control) and refuses other isolation levels (0A000, DSQL-FACTS §4); "
                + isolationName(level) + " was requested. Request REPEATABLE READ or leave the isolation at its"
                + " default, or set unsupportedIsolation=ignore to ignore such requests with a warning";
    }

    static String isolationName(int level) {
        return switch (level) {
            case Connection.TRANSACTION_NONE -> "TRANSACTION_NONE";
            case Connection.TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
            case Connection.TRANSACTION_READ_COMMITTED -> "READ COMMITTED";
            case Connection.TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
            case Connection.TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
            default -> "isolation level " + level;
        };
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        requireOpen();
        if (level == Connection.TRANSACTION_REPEATABLE_READ) {
            return;
        }
        if (unsupportedIsolation == UnsupportedIsolation.IGNORE_WITH_WARNING && isKnownLevel(level)) {
            if (WARNED_LEVELS.add(level)) {
                log.warn("Ignoring a request for {}: DSQL runs every transaction at REPEATABLE READ"
                        + " (unsupportedIsolation=ignore; logged once per level)", isolationName(level));
            }
            return;
        }
        throw new SQLFeatureNotSupportedException(isolationRefused(level), DsqlErrors.FEATURE_NOT_SUPPORTED);
    }

    private static boolean isKnownLevel(int level) {
        return level == Connection.TRANSACTION_READ_UNCOMMITTED || level == Connection.TRANSACTION_READ_COMMITTED
                || level == Connection.TRANSACTION_SERIALIZABLE;
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        requireOpen();
        return Connection.TRANSACTION_REPEATABLE_READ;
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        requireOpen();
        throw savepointsRefused();
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        requireOpen();
        throw savepointsRefused();
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        requireOpen();
        throw savepointsRefused();
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        requireOpen();
        throw savepointsRefused();
    }

    private static SQLFeatureNotSupportedException savepointsRefused() {
        return new SQLFeatureNotSupportedException(SAVEPOINTS_REFUSED, DsqlErrors.FEATURE_NOT_SUPPORTED);
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        delegate.setReadOnly(readOnly);
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        DatabaseMetaData metaData = delegate.getMetaData();
        return (DatabaseMetaData) Proxy.newProxyInstance(GuardedConnection.class.getClassLoader(),
                new Class<?>[]{DatabaseMetaData.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getConnection":
                            return this;
                        case "supportsSavepoints":
                            return false;
                        case "getDefaultTransactionIsolation":
                            return Connection.TRANSACTION_REPEATABLE_READ;
                        case "supportsTransactionIsolationLevel":
                            return ((Integer) args[0]) == Connection.TRANSACTION_REPEATABLE_READ;
                        case "unwrap":
                            if (((Class<?>) args[0]).isInstance(proxy)) {
                                return proxy;
                            }
                            break;
                        case "isWrapperFor":
                            if (((Class<?>) args[0]).isInstance(proxy)) {
                                return true;
                            }
                            break;
                        default:
                            break;
                    }
                    try {
                        return method.invoke(metaData, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public void close() throws SQLException {
        delegate.close();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return delegate.isClosed();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate.isWrapperFor(iface);
    }

    private void requireOpen() throws SQLException {
        if (delegate.isClosed()) {
            throw new SQLException("This connection has been closed.", "08003");
        }
    }

    @Override
    public String toString() {
        return "GuardedConnection[" + delegate + "]";
    }

    // ---------------------------------------------------------------- plain delegation

    @Override
    public Statement createStatement() throws SQLException {
        return delegate.createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return delegate.prepareStatement(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return delegate.prepareCall(sql);
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        return delegate.nativeSQL(sql);
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        delegate.setAutoCommit(autoCommit);
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return delegate.getAutoCommit();
    }

    @Override
    public void commit() throws SQLException {
        delegate.commit();
    }

    @Override
    public void rollback() throws SQLException {
        delegate.rollback();
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return delegate.isReadOnly();
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        delegate.setCatalog(catalog);
    }

    @Override
    public String getCatalog() throws SQLException {
        return delegate.getCatalog();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return delegate.getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        delegate.clearWarnings();
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return delegate.createStatement(resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return delegate.prepareStatement(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return delegate.prepareCall(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return delegate.getTypeMap();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        delegate.setTypeMap(map);
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        delegate.setHoldability(holdability);
    }

    @Override
    public int getHoldability() throws SQLException {
        return delegate.getHoldability();
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return delegate.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return delegate.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return delegate.prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return delegate.prepareStatement(sql, autoGeneratedKeys);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return delegate.prepareStatement(sql, columnIndexes);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return delegate.prepareStatement(sql, columnNames);
    }

    @Override
    public Clob createClob() throws SQLException {
        return delegate.createClob();
    }

    @Override
    public Blob createBlob() throws SQLException {
        return delegate.createBlob();
    }

    @Override
    public NClob createNClob() throws SQLException {
        return delegate.createNClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return delegate.createSQLXML();
    }

    @Override
    public boolean isValid(int timeoutSeconds) throws SQLException {
        return delegate.isValid(timeoutSeconds);
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        delegate.setClientInfo(name, value);
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        delegate.setClientInfo(properties);
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        return delegate.getClientInfo(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return delegate.getClientInfo();
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        return delegate.createArrayOf(typeName, elements);
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        return delegate.createStruct(typeName, attributes);
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        delegate.setSchema(schema);
    }

    @Override
    public String getSchema() throws SQLException {
        return delegate.getSchema();
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        delegate.abort(executor);
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        delegate.setNetworkTimeout(executor, milliseconds);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return delegate.getNetworkTimeout();
    }
}
