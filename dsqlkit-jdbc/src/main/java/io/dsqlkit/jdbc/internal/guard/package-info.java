/** The connection wrapper that applies DSQL's refusals (isolation, savepoints, read-only) on the client. */
package io.dsqlkit.jdbc.internal.guard;
