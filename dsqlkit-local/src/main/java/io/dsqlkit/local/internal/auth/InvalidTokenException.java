package io.dsqlkit.local.internal.auth;

/**
 * A password was rejected as a DSQL auth token. The message is a complete, human-readable reason
 * (for example {@code "token expired at 2026-11-24T08:15:00Z"}) meant for logs and client errors.
 */
public final class InvalidTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String reason) {
        super(reason);
    }

    /** The reason, identical to {@link #getMessage()}. */
    public String reason() {
        return getMessage();
    }
}
