package io.dsqlkit.jdbc;

import software.amazon.awssdk.regions.Region;

import java.time.Duration;
import java.util.Objects;

/**
 * What a token is for: the endpoint host it is signed for, the cluster's region, the database
 * role ({@code admin} needs a {@code DbConnectAdmin} token, any other role {@code DbConnect}), and
 * how long it stays valid for connecting (an open connection outlives its token, DSQL-FACTS §2).
 */
public record TokenRequest(String host, Region region, String user, Duration expiresIn) {
    /** DSQL's built-in role; every cluster has it (DSQL-FACTS §2). */
    public static final String ADMIN_USER = "admin";

    public TokenRequest {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(expiresIn, "expiresIn");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
        if (expiresIn.isNegative() || expiresIn.isZero()) {
            throw new IllegalArgumentException("expiresIn must be positive, was " + expiresIn);
        }
    }

    /** True for DSQL's built-in {@code admin} role, which connects with a {@code DbConnectAdmin} token. */
    public boolean isAdmin() {
        return ADMIN_USER.equals(user);
    }
}
