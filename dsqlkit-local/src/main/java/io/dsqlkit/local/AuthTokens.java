package io.dsqlkit.local;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dsql.DsqlUtilities;

import java.time.Duration;

/**
 * Makes DSQL auth tokens with the AWS SDK ({@code DsqlUtilities}), exactly as a client of a real
 * cluster would: {@code DbConnectAdmin} for {@code admin}, {@code DbConnect} for any other role.
 */
public final class AuthTokens {
    private AuthTokens() {
    }

    public static String generate(AwsCredentialsProvider credentials, Region region, String host, String user,
                                  Duration expiresIn) {
        DsqlUtilities utilities = DsqlUtilities.builder().region(region).credentialsProvider(credentials).build();
        return DsqlLocal.ADMIN_USER.equals(user)
                ? utilities.generateDbConnectAdminAuthToken(b -> b.hostname(host).expiresIn(expiresIn))
                : utilities.generateDbConnectAuthToken(b -> b.hostname(host).expiresIn(expiresIn));
    }
}
