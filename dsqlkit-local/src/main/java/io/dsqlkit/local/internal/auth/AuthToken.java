package io.dsqlkit.local.internal.auth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed Aurora DSQL IAM auth token: a SigV4 query-presigned {@code GET} URL without its scheme,
 * {@code <host>/?Action=DbConnect&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=...}.
 *
 * <p>Parsing checks the shape only; {@link TokenVerifier} checks user, host, time and signature.
 * Parameter values are stored percent-decoded. {@link #toString()} hides the signature and the
 * session token because the token is a bearer credential.
 *
 * @param host           the host the token was generated for, exactly as written (may carry a port)
 * @param action         {@value #DB_CONNECT} or {@value #DB_CONNECT_ADMIN}
 * @param credentialDate the date in the credential scope
 * @param service        the signing service of the credential scope (always {@code dsql})
 * @param signedAt       {@code X-Amz-Date}
 * @param expiresIn      {@code X-Amz-Expires}
 * @param signedHeaders  {@code X-Amz-SignedHeaders}, e.g. {@code host}
 * @param signature      64 lowercase hex digits
 * @param securityToken  {@code X-Amz-Security-Token}, present for temporary credentials
 * @param raw            the password as received
 */
public record AuthToken(String host, String action, String accessKeyId, LocalDate credentialDate, String region,
        String service, Instant signedAt, Duration expiresIn, String signedHeaders, String signature,
        Optional<String> securityToken, String raw) {

    public static final String DB_CONNECT = "DbConnect";
    public static final String DB_CONNECT_ADMIN = "DbConnectAdmin";
    public static final String SERVICE = "dsql";
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** SigV4's upper bound for presigned URLs, also DSQL's documented maximum token lifetime. */
    public static final long MAX_EXPIRES_SECONDS = 604_800;

    static final String P_ACTION = "Action";
    static final String P_ALGORITHM = "X-Amz-Algorithm";
    static final String P_CREDENTIAL = "X-Amz-Credential";
    static final String P_DATE = "X-Amz-Date";
    static final String P_EXPIRES = "X-Amz-Expires";
    static final String P_SIGNED_HEADERS = "X-Amz-SignedHeaders";
    static final String P_SIGNATURE = "X-Amz-Signature";
    static final String P_SECURITY_TOKEN = "X-Amz-Security-Token";

    private static final Set<String> KNOWN_PARAMETERS = Set.of(P_ACTION, P_ALGORITHM, P_CREDENTIAL, P_DATE,
            P_EXPIRES, P_SIGNED_HEADERS, P_SIGNATURE, P_SECURITY_TOKEN);
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SCOPE_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    public AuthToken {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(credentialDate, "credentialDate");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(signedHeaders, "signedHeaders");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(securityToken, "securityToken");
        Objects.requireNonNull(raw, "raw");
    }

    /** The first instant at which the token is no longer valid. */
    public Instant expiresAt() {
        return signedAt.plus(expiresIn);
    }

    /**
     * Parses a password as a DSQL auth token.
     *
     * @throws InvalidTokenException with the first problem found, phrased for the person connecting
     */
    public static AuthToken parse(String password) throws InvalidTokenException {
        if (password == null || password.isEmpty()) {
            throw new InvalidTokenException("password is empty, expected a DSQL auth token");
        }
        int split = password.indexOf("/?");
        if (split < 0) {
            throw new InvalidTokenException("password is not a DSQL auth token (no '/?' query part)");
        }
        String host = password.substring(0, split);
        if (host.contains("://")) {
            throw new InvalidTokenException("DSQL auth token must not start with a URL scheme ('"
                    + host.substring(0, host.indexOf("://") + 3) + "')");
        }
        if (host.isEmpty()) {
            throw new InvalidTokenException("DSQL auth token has no host before '/?'");
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c <= ' ' || c == '/' || c == '?' || c == '#' || c == '@' || c >= 0x7f) {
                throw new InvalidTokenException("DSQL auth token host '" + host + "' contains an invalid character");
            }
        }

        Map<String, String> parameters = parseQuery(password.substring(split + 2));

        String action = required(parameters, P_ACTION);
        if (!action.equals(DB_CONNECT) && !action.equals(DB_CONNECT_ADMIN)) {
            throw new InvalidTokenException("unsupported Action '" + action + "' (expected " + DB_CONNECT + " or "
                    + DB_CONNECT_ADMIN + ")");
        }
        String algorithm = required(parameters, P_ALGORITHM);
        if (!algorithm.equals(ALGORITHM)) {
            throw new InvalidTokenException("unsupported " + P_ALGORITHM + " '" + algorithm + "' (expected "
                    + ALGORITHM + ")");
        }

        String credential = required(parameters, P_CREDENTIAL);
        String[] scope = credential.split("/", -1);
        if (scope.length != 5) {
            throw new InvalidTokenException(P_CREDENTIAL + " '" + credential
                    + "' must have 5 parts <access key id>/<yyyymmdd>/<region>/dsql/aws4_request");
        }
        String accessKeyId = scope[0];
        if (accessKeyId.isEmpty()) {
            throw new InvalidTokenException(P_CREDENTIAL + " has an empty access key id");
        }
        LocalDate credentialDate;
        try {
            credentialDate = LocalDate.parse(scope[1], SCOPE_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidTokenException(P_CREDENTIAL + " date '" + scope[1] + "' is not a yyyymmdd date");
        }
        String region = scope[2];
        if (region.isEmpty()) {
            throw new InvalidTokenException(P_CREDENTIAL + " has an empty region");
        }
        String service = scope[3];
        if (!service.equals(SERVICE)) {
            throw new InvalidTokenException("token is signed for service '" + service + "', expected 'dsql'");
        }
        if (!scope[4].equals("aws4_request")) {
            throw new InvalidTokenException(P_CREDENTIAL + " must end with 'aws4_request', got '" + scope[4] + "'");
        }

        String date = required(parameters, P_DATE);
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(date, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidTokenException(P_DATE + " '" + date + "' is not a yyyymmddThhmmssZ timestamp");
        }
        if (!signedAt.atZone(ZoneOffset.UTC).toLocalDate().equals(credentialDate)) {
            throw new InvalidTokenException(P_CREDENTIAL + " date " + scope[1] + " does not match " + P_DATE + " "
                    + date);
        }

        String expires = required(parameters, P_EXPIRES);
        long expiresSeconds = parseExpires(expires);

        String signedHeaders = required(parameters, P_SIGNED_HEADERS);
        if (!Set.of(signedHeaders.split(";", -1)).contains("host")) {
            throw new InvalidTokenException(P_SIGNED_HEADERS + " '" + signedHeaders + "' does not include 'host'");
        }

        String signature = required(parameters, P_SIGNATURE);
        if (!isLowerHex64(signature)) {
            throw new InvalidTokenException(P_SIGNATURE + " must be 64 lowercase hex digits, got "
                    + signature.length() + " characters");
        }

        String securityToken = parameters.get(P_SECURITY_TOKEN);
        if (securityToken != null && securityToken.isEmpty()) {
            throw new InvalidTokenException(P_SECURITY_TOKEN + " is empty");
        }

        return new AuthToken(host, action, accessKeyId, credentialDate, region, service, signedAt,
                Duration.ofSeconds(expiresSeconds), signedHeaders, signature, Optional.ofNullable(securityToken),
                password);
    }

    @Override
    public String toString() {
        return "AuthToken[host=" + host + ", action=" + action + ", accessKeyId=" + accessKeyId + ", region=" + region
                + ", signedAt=" + signedAt + ", expiresIn=" + expiresIn.toSeconds() + "s, securityToken="
                + (securityToken.isPresent() ? "<present>" : "<none>") + "]";
    }

    private static Map<String, String> parseQuery(String query) throws InvalidTokenException {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query.isEmpty()) {
            throw new InvalidTokenException("DSQL auth token has an empty query after '/?'");
        }
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (pair.isEmpty() || eq <= 0) {
                throw new InvalidTokenException("malformed query parameter '" + abbreviate(pair)
                        + "' in DSQL auth token (expected name=value)");
            }
            String name = percentDecode(pair.substring(0, eq), pair);
            String value = percentDecode(pair.substring(eq + 1), pair);
            if (!KNOWN_PARAMETERS.contains(name)) {
                throw new InvalidTokenException("unexpected parameter '" + abbreviate(name) + "' in DSQL auth token");
            }
            if (parameters.putIfAbsent(name, value) != null) {
                throw new InvalidTokenException("duplicate parameter '" + name + "' in DSQL auth token");
            }
        }
        return parameters;
    }

    // Strict RFC 3986 decoding: '+' stays literal because SigV4 encodes spaces as %20, and a raw '+'
    // can only come from base64 (e.g. a session token) that a client forgot to encode.
    private static String percentDecode(String encoded, String pair) throws InvalidTokenException {
        if (encoded.indexOf('%') < 0) {
            return encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c != '%') {
                if (c >= 0x80) {
                    throw new InvalidTokenException("non-ASCII character in query parameter '" + abbreviate(pair) + "'");
                }
                bytes.write(c);
                continue;
            }
            int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
            int low = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
            if (high < 0 || low < 0) {
                throw new InvalidTokenException("malformed percent-encoding in query parameter '"
                        + abbreviate(pair) + "'");
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidTokenException("query parameter '" + abbreviate(pair) + "' is not valid UTF-8");
        }
    }

    private static String required(Map<String, String> parameters, String name) throws InvalidTokenException {
        String value = parameters.get(name);
        if (value == null) {
            throw new InvalidTokenException("DSQL auth token has no " + name + " parameter");
        }
        return value;
    }

    private static long parseExpires(String expires) throws InvalidTokenException {
        boolean digits = !expires.isEmpty() && expires.length() <= 7;
        for (int i = 0; digits && i < expires.length(); i++) {
            digits = expires.charAt(i) >= '0' && expires.charAt(i) <= '9';
        }
        long seconds = digits ? Long.parseLong(expires) : -1;
        if (seconds < 1 || seconds > MAX_EXPIRES_SECONDS) {
            throw new InvalidTokenException(P_EXPIRES + " '" + abbreviate(expires)
                    + "' must be a whole number of seconds from 1 to " + MAX_EXPIRES_SECONDS);
        }
        return seconds;
    }

    private static boolean isLowerHex64(String value) {
        if (value.length() != 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    // Keeps reasons readable and avoids echoing long secrets such as session tokens into logs.
    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }
}
