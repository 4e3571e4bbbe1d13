/** A local certificate authority that gives DSQL Local TLS certificates clients can verify with {@code sslmode=verify-full}. */
package io.dsqlkit.local.internal.tls;
