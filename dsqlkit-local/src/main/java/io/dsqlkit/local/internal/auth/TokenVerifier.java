package io.dsqlkit.local.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Decides whether a password is an acceptable DSQL auth token for a user on this endpoint.
 *
 * <p>Checks, in order: token shape ({@link AuthToken#parse}), {@code DbConnectAdmin} exactly for user
 * {@code admin}, host, validity window, and, when trusted keys are configured, access key id and
 * signature. The signature is recomputed with the AWS SDK's SigV4 signer configured like
 * {@code DsqlUtilities} (query presigning, service {@code dsql}, signed empty payload), so no SigV4
 * code lives here. Thread-safe.
 */
public final class TokenVerifier {

    /** How far in the future a token's {@code X-Amz-Date} may lie, to tolerate client clock drift. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final String ADMIN_USER = "admin";

    private final Clock clock;
    private final Map<String, String> trustedKeys;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /**
     * @param clock       the server clock used for expiry checks
     * @param trustedKeys access key id to secret access key; when empty, signatures are not checked
     *                    (any well-formed, current token for the right user and host is accepted)
     */
    public TokenVerifier(Clock clock, Map<String, String> trustedKeys) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.trustedKeys = Map.copyOf(Objects.requireNonNull(trustedKeys, "trustedKeys"));
    }

    /** Whether signatures are checked against trusted keys. */
    public boolean checksSignatures() {
        return !trustedKeys.isEmpty();
    }

    /**
     * Verifies a password sent for {@code user}.
     *
     * @param acceptedHosts host names/addresses clients may use for this server; compared
     *                      case-insensitively and without any {@code :port} suffix
     * @throws InvalidTokenException with the reason the token is rejected
     */
    public void verify(String password, String user, Set<String> acceptedHosts) throws InvalidTokenException {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(acceptedHosts, "acceptedHosts");
        AuthToken token = AuthToken.parse(password);

        String neededAction = ADMIN_USER.equals(user) ? AuthToken.DB_CONNECT_ADMIN : AuthToken.DB_CONNECT;
        if (!token.action().equals(neededAction)) {
            throw new InvalidTokenException("user " + user + " needs a " + neededAction + " token, got "
                    + token.action());
        }

        checkHost(token, acceptedHosts);

        Instant now = clock.instant();
        if (!token.expiresAt().isAfter(now)) {
            throw new InvalidTokenException("token expired at " + token.expiresAt());
        }
        if (token.signedAt().isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new InvalidTokenException("token is signed at " + token.signedAt()
                    + ", more than " + MAX_CLOCK_SKEW.toMinutes() + " minutes after the server time " + now);
        }

        if (trustedKeys.isEmpty()) {
            return;
        }
        String secret = trustedKeys.get(token.accessKeyId());
        if (secret == null) {
            throw new InvalidTokenException("unknown access key id " + token.accessKeyId());
        }
        if (!token.signedHeaders().equals("host")) {
            // Only the Host header can be reconstructed from a connection, so other signed headers cannot verify.
            throw new InvalidTokenException("token signs headers '" + token.signedHeaders()
                    + "', only 'host' can be verified");
        }
        String expected = resign(token, secret);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                token.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidTokenException("token signature does not match (wrong secret key for access key id "
                    + token.accessKeyId() + ", or the token was altered)");
        }
    }

    private static void checkHost(AuthToken token, Set<String> acceptedHosts) throws InvalidTokenException {
        String host = normalizeHost(token.host());
        List<String> accepted = new ArrayList<>(acceptedHosts.size());
        for (String candidate : acceptedHosts) {
            String normalized = normalizeHost(candidate);
            if (normalized.equals(host)) {
                return;
            }
            accepted.add(normalized);
        }
        accepted.sort(null);
        throw new InvalidTokenException("token was generated for host " + token.host()
                + ", but this server accepts " + (accepted.isEmpty() ? "no hosts" : String.join(", ", accepted)));
    }

    /** Lower-cases and drops a {@code :port} suffix and IPv6 brackets, keeping bare IPv6 literals intact. */
    static String normalizeHost(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close > 0 ? h.substring(1, close) : h;
        }
        int colon = h.indexOf(':');
        if (colon >= 0 && colon == h.lastIndexOf(':')) {
            h = h.substring(0, colon);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private String resign(AuthToken token, String secret) throws InvalidTokenException {
        AwsCredentials credentials = token.securityToken().isPresent()
                ? AwsSessionCredentials.create(token.accessKeyId(), secret, token.securityToken().get())
                : AwsBasicCredentials.create(token.accessKeyId(), secret);
        // The host goes in verbatim (port included) because the SDK put it verbatim into the signed Host header.
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .protocol("https")
                .host(token.host())
                .encodedPath("/")
                .putRawQueryParameter(AuthToken.P_ACTION, token.action())
                .build();
        SignedRequest signed;
        try {
            signed = signer.sign(r -> r.identity(credentials)
                    .request(request)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, AuthToken.SERVICE)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, token.region())
                    .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                    .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, token.expiresIn())
                    // DsqlUtilities' legacy Aws4Signer hashes the empty body rather than using UNSIGNED-PAYLOAD.
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(token.signedAt(), ZoneOffset.UTC)));
        } catch (RuntimeException e) {
            throw new InvalidTokenException("token cannot be re-signed for verification: " + e.getMessage());
        }
        return signed.request().firstMatchingRawQueryParameter(AuthToken.P_SIGNATURE)
                .orElseThrow(() -> new IllegalStateException("AWS SDK signer returned no " + AuthToken.P_SIGNATURE));
    }
}
