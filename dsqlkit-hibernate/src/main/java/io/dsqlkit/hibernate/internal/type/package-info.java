/** JDBC type bindings for DSQL's column types (LOBs as bytea and text). */
package io.dsqlkit.hibernate.internal.type;
