/**
 * The DSQL-faithful front end: accepts client connections for each local cluster, negotiates TLS,
 * checks IAM tokens, connects the session to the backing PostgreSQL and relays the protocol,
 * presenting DSQL's identity and limits.
 */
package io.dsqlkit.local.internal.server;
