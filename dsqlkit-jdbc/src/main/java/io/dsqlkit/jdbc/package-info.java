/**
 * dsqlkit's JDBC connector for Aurora DSQL (public API).
 *
 * <ul>
 *   <li>Connections: {@link io.dsqlkit.jdbc.DsqlDriver} ({@code jdbc:dsql://}) and
 *       {@link io.dsqlkit.jdbc.DsqlDataSourceBuilder} (HikariCP pool with DSQL-safe defaults, or
 *       unpooled); one IAM token per physical connection through {@link io.dsqlkit.jdbc.TokenProvider}.</li>
 *   <li>Errors and retry: {@link io.dsqlkit.jdbc.DsqlErrors}, {@link io.dsqlkit.jdbc.RetryPolicy},
 *       {@link io.dsqlkit.jdbc.TransactionRetry}, {@link io.dsqlkit.jdbc.RetryListener},
 *       {@link io.dsqlkit.jdbc.DsqlExceptionOverride} for HikariCP.</li>
 *   <li>DSQL's 3 000-row transaction limit: {@link io.dsqlkit.jdbc.RowLimitedWrites}.</li>
 * </ul>
 *
 * Implementation lives in {@code io.dsqlkit.jdbc.internal.*}.
 */
package io.dsqlkit.jdbc;
