/** Parsing and verification of Aurora DSQL IAM auth tokens, which clients send as the PostgreSQL password. */
package io.dsqlkit.local.internal.auth;
