/** SQL rendering and locking on DSQL: single-table FOR UPDATE, follow-on locking, no lock waits. */
package io.dsqlkit.hibernate.internal.sql;
