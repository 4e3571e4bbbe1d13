package io.dsqlkit.hibernate.internal.schema;

import io.dsqlkit.hibernate.AuroraDsqlSettings;
import org.hibernate.resource.transaction.spi.DdlTransactionIsolator;
import org.hibernate.tool.schema.internal.exec.JdbcContext;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;

/**
 * The connection every schema action of Hibernate's tool runs on (create, drop, update, populate,
 * truncate), with DSQL's way of running statements ({@link SchemaStatementRunner}) behind
 * {@link Statement#execute(String)}. Hibernate asks for it in autocommit, so each DDL statement
 * is its own transaction and never shares one with DML (DSQL-FACTS §5).
 */
final class DsqlDdlTransactionIsolator implements DdlTransactionIsolator {
    private final DdlTransactionIsolator delegate;
    private final AuroraDsqlSettings settings;

    DsqlDdlTransactionIsolator(DdlTransactionIsolator delegate, AuroraDsqlSettings settings) {
        this.delegate = delegate;
        this.settings = settings;
    }

    @Override
    public JdbcContext getJdbcContext() {
        return delegate.getJdbcContext();
    }

    @Override
    public Connection getIsolatedConnection() {
        return wrap(delegate.getIsolatedConnection());
    }

    @Override
    public Connection getIsolatedConnection(boolean autocommit) {
        return wrap(delegate.getIsolatedConnection(autocommit));
    }

    @Override
    public void release() {
        delegate.release();
    }

    private Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new ConnectionHandler(connection, settings));
    }

    private record ConnectionHandler(Connection connection, AuroraDsqlSettings settings) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result = invokeOn(connection, method, args);
            if (method.getName().equals("createStatement") && (args == null || args.length == 0)) {
                Statement statement = (Statement) result;
                SchemaStatementRunner runner = new SchemaStatementRunner(connection, statement, settings);
                return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                        new StatementHandler(statement, runner));
            }
            return result;
        }
    }

    private record StatementHandler(Statement statement, SchemaStatementRunner runner) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("execute") && args != null && args.length == 1 && args[0] instanceof String sql) {
                return runner.execute(sql);
            }
            return invokeOn(statement, method, args);
        }
    }

    private static Object invokeOn(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
