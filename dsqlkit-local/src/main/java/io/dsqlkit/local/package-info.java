/**
 * DSQL Local: an embedded, Docker-free Aurora DSQL for development and tests. Start one with
 * {@link io.dsqlkit.local.DsqlLocal#builder()}, connect with any PostgreSQL client over TLS using an
 * IAM auth token as the password, and make fresh clusters with {@link io.dsqlkit.local.DsqlLocal#newCluster()}.
 */
package io.dsqlkit.local;
