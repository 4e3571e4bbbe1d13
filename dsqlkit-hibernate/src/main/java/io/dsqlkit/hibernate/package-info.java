/**
 * Aurora DSQL for Hibernate ORM 7: {@link io.dsqlkit.hibernate.AuroraDsqlDialect}, its settings
 * ({@link io.dsqlkit.hibernate.AuroraDsqlSettings}), auto-detection
 * ({@link io.dsqlkit.hibernate.AuroraDsqlDialectResolver}), typed index options
 * ({@link io.dsqlkit.hibernate.DsqlIndexOptions}) and the exceptions DSQL's errors become.
 */
package io.dsqlkit.hibernate;
