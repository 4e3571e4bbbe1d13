package io.dsqlkit.local.internal.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dsql.DsqlUtilities;

class TokenVerifierTest {

    static final String HOST = "abc123def456.dsql.us-east-1.on.aws";
    static final Set<String> ACCEPTED = Set.of(HOST, "localhost", "127.0.0.1");
    static final String AKID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final AwsCredentials CREDENTIALS = AwsBasicCredentials.create(AKID, SECRET);
    static final Map<String, String> KEYS = Map.of(AKID, SECRET);

    static String token(AwsCredentials credentials, String host, Region region, boolean admin, Duration expiresIn) {
        DsqlUtilities utilities = DsqlUtilities.builder()
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .build();
        return admin
                ? utilities.generateDbConnectAdminAuthToken(b -> b.hostname(host).region(region).expiresIn(expiresIn))
                : utilities.generateDbConnectAuthToken(b -> b.hostname(host).region(region).expiresIn(expiresIn));
    }

    static String token(boolean admin) {
        return token(CREDENTIALS, HOST, Region.US_EAST_1, admin, Duration.ofMinutes(15));
    }

    /** A verifier whose clock is {@code offset} after the token's X-Amz-Date. */
    static TokenVerifier verifierAt(String token, Duration offset, Map<String, String> keys) throws Exception {
        Instant signedAt = AuthToken.parse(token).signedAt();
        return new TokenVerifier(Clock.fixed(signedAt.plus(offset), ZoneOffset.UTC), keys);
    }

    static String reject(TokenVerifier verifier, String password, String user) {
        return assertThrows(InvalidTokenException.class, () -> verifier.verify(password, user, ACCEPTED)).getMessage();
    }

    @Test
    void sdkTokensAreAcceptedWithoutTrustedKeys() throws Exception {
        String admin = token(true);
        String app = token(false);
        assertDoesNotThrow(() -> verifierAt(admin, Duration.ofMinutes(1), Map.of()).verify(admin, "admin", ACCEPTED));
        assertDoesNotThrow(() -> verifierAt(app, Duration.ofMinutes(1), Map.of()).verify(app, "app", ACCEPTED));
        assertTrue(!new TokenVerifier(Clock.systemUTC(), Map.of()).checksSignatures());
    }

    @Test
    void sdkTokensAreAcceptedWithTrustedKeys() throws Exception {
        String admin = token(true);
        String app = token(false);
        TokenVerifier verifier = verifierAt(admin, Duration.ofMinutes(1), KEYS);
        assertTrue(verifier.checksSignatures());
        verifier.verify(admin, "admin", ACCEPTED);
        verifierAt(app, Duration.ofMinutes(1), KEYS).verify(app, "app", ACCEPTED);
    }

    @Test
    void tokenWithTheCurrentClockIsAccepted() throws Exception {
        new TokenVerifier(Clock.systemUTC(), KEYS).verify(token(false), "app", ACCEPTED);
    }

    @Test
    void tokenWithSessionCredentialsVerifies() throws Exception {
        // Session tokens are base64, so '+', '/' and '=' exercise the percent-decoding.
        String sessionToken = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+abc/def==";
        AwsCredentials session = AwsSessionCredentials.create("ASIAQEXAMPLESESSION", "sessionSecret+/=", sessionToken);
        String token = token(session, HOST, Region.US_EAST_1, false, Duration.ofMinutes(15));
        assertEquals(sessionToken, AuthToken.parse(token).securityToken().orElseThrow());

        verifierAt(token, Duration.ofMinutes(1), Map.of("ASIAQEXAMPLESESSION", "sessionSecret+/=")).verify(token, "app",
                ACCEPTED);

        String otherSession = token.replace("X-Amz-Security-Token=IQoJ", "X-Amz-Security-Token=XQoJ");
        assertEquals("token signature does not match (wrong secret key for access key id ASIAQEXAMPLESESSION,"
                        + " or the token was altered)",
                reject(verifierAt(token, Duration.ofMinutes(1), Map.of("ASIAQEXAMPLESESSION", "sessionSecret+/=")),
                        otherSession, "app"));
    }

    @Test
    void regionOfTheTokenIsUsedForResigning() throws Exception {
        String token = token(CREDENTIALS, "xyz.dsql.eu-west-1.on.aws", Region.EU_WEST_1, false, Duration.ofHours(1));
        assertEquals("eu-west-1", AuthToken.parse(token).region());
        verifierAt(token, Duration.ofMinutes(1), KEYS).verify(token, "app", Set.of("xyz.dsql.eu-west-1.on.aws"));
    }

    @Test
    void hostIsMatchedCaseInsensitivelyAndWithoutPort() throws Exception {
        String token = token(CREDENTIALS, "LocalHost:5432", Region.US_EAST_1, true, Duration.ofMinutes(15));
        assertEquals("LocalHost:5432", AuthToken.parse(token).host());
        verifierAt(token, Duration.ofMinutes(1), KEYS).verify(token, "admin", Set.of("localhost"));
        verifierAt(token, Duration.ofMinutes(1), KEYS).verify(token, "admin", Set.of("LOCALHOST:15432"));

        String ipv6 = token(CREDENTIALS, "[::1]:5432", Region.US_EAST_1, true, Duration.ofMinutes(15));
        verifierAt(ipv6, Duration.ofMinutes(1), KEYS).verify(ipv6, "admin", Set.of("::1"));
    }

    @Test
    void plainPasswordIsRejected() throws Exception {
        TokenVerifier verifier = new TokenVerifier(Clock.systemUTC(), Map.of());
        assertEquals("password is not a DSQL auth token (no '/?' query part)", reject(verifier, "hunter2", "app"));
        assertEquals("password is empty, expected a DSQL auth token", reject(verifier, "", "app"));
    }

    @Test
    void truncatedTokenIsRejected() throws Exception {
        String token = token(false);
        TokenVerifier verifier = verifierAt(token, Duration.ofMinutes(1), Map.of());
        assertEquals("X-Amz-Signature must be 64 lowercase hex digits, got 54 characters",
                reject(verifier, token.substring(0, token.length() - 10), "app"));
        assertEquals("DSQL auth token has no X-Amz-Signature parameter",
                reject(verifier, token.substring(0, token.indexOf("&X-Amz-Signature=")), "app"));
        assertEquals("DSQL auth token has no X-Amz-Algorithm parameter",
                reject(verifier, token.substring(0, token.indexOf("&X-Amz-Algorithm=")), "app"));
    }

    @Test
    void adminNeedsDbConnectAdminToken() throws Exception {
        String token = token(false);
        assertEquals("user admin needs a DbConnectAdmin token, got DbConnect",
                reject(verifierAt(token, Duration.ofMinutes(1), KEYS), token, "admin"));
    }

    @Test
    void otherRolesNeedDbConnectToken() throws Exception {
        String token = token(true);
        assertEquals("user app needs a DbConnect token, got DbConnectAdmin",
                reject(verifierAt(token, Duration.ofMinutes(1), KEYS), token, "app"));
        // Role names are case-sensitive: only the exact role "admin" is the admin role.
        assertEquals("user Admin needs a DbConnect token, got DbConnectAdmin",
                reject(verifierAt(token, Duration.ofMinutes(1), KEYS), token, "Admin"));
    }

    @Test
    void expiredTokenIsRejected() throws Exception {
        String token = token(CREDENTIALS, HOST, Region.US_EAST_1, false, Duration.ofSeconds(900));
        Instant expiresAt = AuthToken.parse(token).signedAt().plusSeconds(900);

        verifierAt(token, Duration.ofSeconds(899), KEYS).verify(token, "app", ACCEPTED);
        assertEquals("token expired at " + expiresAt, reject(verifierAt(token, Duration.ofSeconds(900), KEYS), token, "app"));
        assertEquals("token expired at " + expiresAt, reject(verifierAt(token, Duration.ofDays(3), Map.of()), token, "app"));
    }

    @Test
    void tokenFromTheFutureIsRejectedBeyondClockSkew() throws Exception {
        String token = token(false);
        Instant signedAt = AuthToken.parse(token).signedAt();

        verifierAt(token, Duration.ofMinutes(-5), KEYS).verify(token, "app", ACCEPTED);
        Instant serverTime = signedAt.minus(Duration.ofMinutes(6));
        assertEquals("token is signed at " + signedAt + ", more than 5 minutes after the server time " + serverTime,
                reject(verifierAt(token, Duration.ofMinutes(-6), KEYS), token, "app"));
    }

    @Test
    void tokenForAnotherHostIsRejected() throws Exception {
        String token = token(CREDENTIALS, "other000000.dsql.us-east-1.on.aws", Region.US_EAST_1, false,
                Duration.ofMinutes(15));
        assertEquals("token was generated for host other000000.dsql.us-east-1.on.aws, but this server accepts"
                        + " 127.0.0.1, abc123def456.dsql.us-east-1.on.aws, localhost",
                reject(verifierAt(token, Duration.ofMinutes(1), Map.of()), token, "app"));
    }

    @Test
    void tamperedSignatureIsRejected() throws Exception {
        String token = token(false);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == '0' ? '1' : '0');
        assertEquals("token signature does not match (wrong secret key for access key id AKIAIOSFODNN7EXAMPLE,"
                + " or the token was altered)", reject(verifierAt(token, Duration.ofMinutes(1), KEYS), tampered, "app"));
        // Without trusted keys only the shape is checked, so the same token passes.
        verifierAt(token, Duration.ofMinutes(1), Map.of()).verify(tampered, "app", ACCEPTED);
    }

    @Test
    void alteredSignedFieldsAreRejected() throws Exception {
        String token = token(false);
        TokenVerifier verifier = verifierAt(token, Duration.ofMinutes(1), KEYS);
        String mismatch = "token signature does not match (wrong secret key for access key id AKIAIOSFODNN7EXAMPLE,"
                + " or the token was altered)";
        assertEquals(mismatch, reject(verifier, token.replace("Action=DbConnect&", "Action=DbConnectAdmin&"), "admin"));
        assertEquals(mismatch, reject(verifier, token.replace("X-Amz-Expires=900", "X-Amz-Expires=3600"), "app"));
        assertEquals(mismatch, reject(verifier, token.replace(HOST, "localhost"), "app"));
    }

    @Test
    void wrongSecretIsRejected() throws Exception {
        String token = token(false);
        TokenVerifier verifier = verifierAt(token, Duration.ofMinutes(1), Map.of(AKID, "not-the-secret"));
        assertEquals("token signature does not match (wrong secret key for access key id AKIAIOSFODNN7EXAMPLE,"
                + " or the token was altered)", reject(verifier, token, "app"));
    }

    @Test
    void untrustedAccessKeyIdIsRejected() throws Exception {
        String token = token(AwsBasicCredentials.create("AKIAOTHERKEY0000000", SECRET), HOST, Region.US_EAST_1, false,
                Duration.ofMinutes(15));
        assertEquals("unknown access key id AKIAOTHERKEY0000000",
                reject(verifierAt(token, Duration.ofMinutes(1), KEYS), token, "app"));
    }

    @Test
    void parameterOrderDoesNotMatter() throws Exception {
        String token = token(false);
        int split = token.indexOf("/?");
        String[] parameters = token.substring(split + 2).split("&");
        StringBuilder reversed = new StringBuilder(token.substring(0, split + 2));
        for (int i = parameters.length - 1; i >= 0; i--) {
            reversed.append(parameters[i]).append(i > 0 ? "&" : "");
        }
        verifierAt(token, Duration.ofMinutes(1), KEYS).verify(reversed.toString(), "app", ACCEPTED);
    }

    @Test
    void normalizeHostHandlesPortsAndIpv6() {
        assertEquals("localhost", TokenVerifier.normalizeHost("LOCALHOST:5432"));
        assertEquals("a.dsql.us-east-1.on.aws", TokenVerifier.normalizeHost("A.dsql.us-east-1.on.aws."));
        assertEquals("::1", TokenVerifier.normalizeHost("[::1]:5432"));
        assertEquals("::1", TokenVerifier.normalizeHost("::1"));
        assertEquals("127.0.0.1", TokenVerifier.normalizeHost("127.0.0.1:5432"));
    }
}
