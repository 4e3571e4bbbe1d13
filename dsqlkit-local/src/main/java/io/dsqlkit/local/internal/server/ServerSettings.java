package io.dsqlkit.local.internal.server;

import io.dsqlkit.local.internal.auth.TokenVerifier;

import javax.net.ssl.SSLContext;
import java.time.Clock;
import java.time.Duration;

/**
 * Everything a front-end session needs to know about the server it belongs to.
 *
 * @param sslContext         server TLS context, or {@code null} when TLS is off ({@code --no-tls})
 * @param tokenVerifier      checks the IAM token sent as the password
 * @param maxFrameBytes      largest client message payload accepted; a larger length prefix ends the connection
 * @param maxConnectionAge   DSQL closes connections at 60 minutes (DSQL-FACTS §2); tests shorten it
 * @param maxConnections     open connections per server before {@code 53300} (DSQL: 10 000 per cluster)
 * @param startupTimeout     how long a client may take to finish TLS, startup and authentication
 * @param backendVersionText the backing server's {@code version()} text, replaced by DSQL's
 * @param clock              time source for token expiry and connection age
 */
public record ServerSettings(
        SSLContext sslContext,
        TokenVerifier tokenVerifier,
        int maxFrameBytes,
        Duration maxConnectionAge,
        int maxConnections,
        Duration startupTimeout,
        String backendVersionText,
        Clock clock) {

    public boolean tlsRequired() {
        return sslContext != null;
    }
}
