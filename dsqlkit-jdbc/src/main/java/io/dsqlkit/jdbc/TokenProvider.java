package io.dsqlkit.jdbc;

/**
 * Supplies the password of a new physical connection: a DSQL IAM auth token. Called once per
 * physical connection, so each connection authenticates with a token of its own and no token is
 * reused after it expires. The default signs with the AWS SDK's {@code DsqlUtilities}; tests and
 * applications with their own signer plug in here.
 */
@FunctionalInterface
public interface TokenProvider {
    /** A fresh token for {@code request}; never cached across physical connections by the caller. */
    String token(TokenRequest request);
}
