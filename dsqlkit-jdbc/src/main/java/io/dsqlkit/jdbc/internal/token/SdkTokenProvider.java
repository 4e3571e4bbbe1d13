package io.dsqlkit.jdbc.internal.token;

import io.dsqlkit.jdbc.TokenProvider;
import io.dsqlkit.jdbc.TokenRequest;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dsql.DsqlUtilities;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs DSQL auth tokens locally with the AWS SDK's {@code DsqlUtilities} (SigV4 presigning, no
 * network call): {@code DbConnectAdmin} for {@code admin}, {@code DbConnect} for any other role
 * (DSQL-FACTS §2). Credentials are resolved by the provider on every call, so rotated or refreshed
 * credentials are picked up by the next physical connection.
 */
public final class SdkTokenProvider implements TokenProvider {
    private final AwsCredentialsProvider credentials;
    private final String description;
    /** One signer per region; a DataSource normally sees one. */
    private final Map<Region, DsqlUtilities> utilities = new ConcurrentHashMap<>();

    private SdkTokenProvider(AwsCredentialsProvider credentials, String description) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.description = description;
    }

    /**
     * Credentials in the order the connector documents: an explicit provider, else the named
     * profile, else the SDK's default chain (environment, system properties, web identity, shared
     * files, container and instance roles).
     */
    public static SdkTokenProvider resolve(AwsCredentialsProvider explicit, String profile) {
        if (explicit != null) {
            return new SdkTokenProvider(explicit, "credentials provider " + explicit);
        }
        if (profile != null && !profile.isBlank()) {
            return new SdkTokenProvider(ProfileCredentialsProvider.create(profile), "AWS profile '" + profile + "'");
        }
        return new SdkTokenProvider(DefaultCredentialsProvider.builder().build(), "the AWS SDK default credentials chain");
    }

    @Override
    public String token(TokenRequest request) {
        DsqlUtilities signer = utilities.computeIfAbsent(request.region(),
                region -> DsqlUtilities.builder().region(region).credentialsProvider(credentials).build());
        return request.isAdmin()
                ? signer.generateDbConnectAdminAuthToken(b -> b.hostname(request.host()).expiresIn(request.expiresIn()))
                : signer.generateDbConnectAuthToken(b -> b.hostname(request.host()).expiresIn(request.expiresIn()));
    }

    @Override
    public String toString() {
        return "SdkTokenProvider[" + description + "]";
    }
}
