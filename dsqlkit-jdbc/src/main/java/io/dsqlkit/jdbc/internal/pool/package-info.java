/** HikariCP (optional dependency) configured with DSQL's pool defaults; the only code that touches HikariCP. */
package io.dsqlkit.jdbc.internal.pool;
