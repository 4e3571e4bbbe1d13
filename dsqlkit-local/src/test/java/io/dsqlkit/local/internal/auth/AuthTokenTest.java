package io.dsqlkit.local.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class AuthTokenTest {

    // Shape of a DsqlUtilities 2.40.2 token; the signature value is arbitrary but well-formed.
    static final String SIGNATURE = "7625bf41ff3aa27beb50e9a045ef34e7e174dff2d85cdc60d1954007773ee035";
    static final String FIXED = "abc.dsql.us-east-1.on.aws/?Action=DbConnect&X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Date=20261124T083908Z&X-Amz-SignedHeaders=host&X-Amz-Expires=900"
            + "&X-Amz-Credential=AKIDEXAMPLE%2F20261124%2Fus-east-1%2Fdsql%2Faws4_request"
            + "&X-Amz-Signature=" + SIGNATURE;

    static String reason(String password) {
        return assertThrows(InvalidTokenException.class, () -> AuthToken.parse(password)).getMessage();
    }

    @Test
    void parsesEveryField() throws Exception {
        AuthToken token = AuthToken.parse(FIXED);
        assertEquals("abc.dsql.us-east-1.on.aws", token.host());
        assertEquals("DbConnect", token.action());
        assertEquals("AKIDEXAMPLE", token.accessKeyId());
        assertEquals(LocalDate.of(2026, 11, 24), token.credentialDate());
        assertEquals("us-east-1", token.region());
        assertEquals("dsql", token.service());
        assertEquals(Instant.parse("2026-11-24T08:39:08Z"), token.signedAt());
        assertEquals(Duration.ofSeconds(900), token.expiresIn());
        assertEquals(Instant.parse("2026-11-24T08:54:08Z"), token.expiresAt());
        assertEquals("host", token.signedHeaders());
        assertEquals(SIGNATURE, token.signature());
        assertEquals(Optional.empty(), token.securityToken());
        assertEquals(FIXED, token.raw());
    }

    @Test
    void parsesSdkTokensForBothActions() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        AuthToken admin = AuthToken.parse(TokenVerifierTest.token(TokenVerifierTest.CREDENTIALS, "localhost",
                Region.US_WEST_2, true, Duration.ofHours(2)));
        assertEquals("DbConnectAdmin", admin.action());
        assertEquals("us-west-2", admin.region());
        // The SDK takes "now" twice (for the expiry, then for X-Amz-Date, truncated to the second),
        // so across a second boundary it writes X-Amz-Expires one second short.
        assertTrue(admin.expiresIn().compareTo(Duration.ofHours(2).minusSeconds(1)) >= 0
                && admin.expiresIn().compareTo(Duration.ofHours(2)) <= 0, admin.expiresIn().toString());
        assertEquals(TokenVerifierTest.AKID, admin.accessKeyId());
        assertEquals(admin.signedAt().atZone(ZoneOffset.UTC).toLocalDate(), admin.credentialDate());
        assertFalse(admin.signedAt().isBefore(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));

        AuthToken app = AuthToken.parse(TokenVerifierTest.token(false));
        assertEquals("DbConnect", app.action());
        assertEquals(TokenVerifierTest.HOST, app.host());
    }

    @Test
    void toStringHidesSecrets() throws Exception {
        String text = AuthToken.parse(FIXED).toString();
        assertFalse(text.contains(SIGNATURE), text);
        assertTrue(text.contains("AKIDEXAMPLE"), text);
    }

    @Test
    void rejectsMissingQueryAndScheme() {
        assertEquals("password is not a DSQL auth token (no '/?' query part)", reason("abc.dsql.us-east-1.on.aws"));
        assertEquals("DSQL auth token must not start with a URL scheme ('https://')", reason("https://" + FIXED));
        assertEquals("DSQL auth token has no host before '/?'", reason(FIXED.substring(FIXED.indexOf("/?"))));
        assertEquals("DSQL auth token has an empty query after '/?'", reason("abc.dsql.us-east-1.on.aws/?"));
    }

    @Test
    void rejectsDuplicateUnknownAndMalformedParameters() {
        assertEquals("duplicate parameter 'X-Amz-Expires' in DSQL auth token", reason(FIXED + "&X-Amz-Expires=900"));
        assertEquals("duplicate parameter 'Action' in DSQL auth token", reason(FIXED + "&Action=DbConnect"));
        assertEquals("unexpected parameter 'X-Amz-Foo' in DSQL auth token", reason(FIXED + "&X-Amz-Foo=1"));
        assertEquals("malformed query parameter '' in DSQL auth token (expected name=value)", reason(FIXED + "&"));
        assertEquals("malformed query parameter 'Action' in DSQL auth token (expected name=value)",
                reason(FIXED.replace("Action=DbConnect", "Action")));
        // Long parameters are cut at 37 characters so reasons never echo whole credentials.
        assertEquals("malformed percent-encoding in query parameter 'X-Amz-Credential=AKIDEXAMPLE%2G202611...'",
                reason(FIXED.replace("AKIDEXAMPLE%2F", "AKIDEXAMPLE%2G")));
    }

    @Test
    void rejectsWrongActionAndAlgorithm() {
        assertEquals("unsupported Action 'Connect' (expected DbConnect or DbConnectAdmin)",
                reason(FIXED.replace("Action=DbConnect", "Action=Connect")));
        assertEquals("unsupported X-Amz-Algorithm 'AWS4-ECDSA-P256-SHA256' (expected AWS4-HMAC-SHA256)",
                reason(FIXED.replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256")));
    }

    @Test
    void rejectsBadCredentialScope() {
        assertEquals("token is signed for service 'rds-db', expected 'dsql'",
                reason(FIXED.replace("%2Fdsql%2F", "%2Frds-db%2F")));
        assertEquals("X-Amz-Credential 'AKIDEXAMPLE/20261124/us-east-1/dsql' must have 5 parts"
                        + " <access key id>/<yyyymmdd>/<region>/dsql/aws4_request",
                reason(FIXED.replace("%2Fdsql%2Faws4_request", "%2Fdsql")));
        assertEquals("X-Amz-Credential must end with 'aws4_request', got 'aws4_requests'",
                reason(FIXED.replace("aws4_request", "aws4_requests")));
        assertEquals("X-Amz-Credential date '20261131' is not a yyyymmdd date",
                reason(FIXED.replace("%2F20261124%2F", "%2F20261131%2F")));
        assertEquals("X-Amz-Credential date 20261123 does not match X-Amz-Date 20261124T083908Z",
                reason(FIXED.replace("%2F20261124%2F", "%2F20261123%2F")));
        assertEquals("X-Amz-Credential has an empty access key id",
                reason(FIXED.replace("Credential=AKIDEXAMPLE", "Credential=")));
    }

    @Test
    void rejectsBadDateExpiresHeadersAndSignature() {
        assertEquals("X-Amz-Date '2026-11-24T08:39:08Z' is not a yyyymmddThhmmssZ timestamp",
                reason(FIXED.replace("20261124T083908Z", "2026-11-24T08:39:08Z")));
        assertEquals("X-Amz-Expires '0' must be a whole number of seconds from 1 to 604800",
                reason(FIXED.replace("X-Amz-Expires=900", "X-Amz-Expires=0")));
        assertEquals("X-Amz-Expires '604801' must be a whole number of seconds from 1 to 604800",
                reason(FIXED.replace("X-Amz-Expires=900", "X-Amz-Expires=604801")));
        assertEquals("X-Amz-Expires '-5' must be a whole number of seconds from 1 to 604800",
                reason(FIXED.replace("X-Amz-Expires=900", "X-Amz-Expires=-5")));
        assertEquals("X-Amz-SignedHeaders 'x-amz-date' does not include 'host'",
                reason(FIXED.replace("SignedHeaders=host", "SignedHeaders=x-amz-date")));
        assertEquals("X-Amz-Signature must be 64 lowercase hex digits, got 64 characters",
                reason(FIXED.replace(SIGNATURE, SIGNATURE.toUpperCase())));
    }

    @Test
    void acceptsMaximumExpiryAndSecurityToken() throws Exception {
        AuthToken token = AuthToken.parse(FIXED.replace("X-Amz-Expires=900", "X-Amz-Expires=604800")
                + "&X-Amz-Security-Token=abc%2B%2F%3D+x");
        assertEquals(Duration.ofDays(7), token.expiresIn());
        // '+' stays literal: SigV4 encodes spaces as %20, so a raw '+' is unencoded base64.
        assertEquals(Optional.of("abc+/=+x"), token.securityToken());
        assertEquals("X-Amz-Security-Token is empty", reason(FIXED + "&X-Amz-Security-Token="));
    }
}
