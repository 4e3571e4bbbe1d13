package io.dsqlkit.local;

/** DSQL Local could not start, stop, or make a cluster; the message says what and why. */
public class DsqlLocalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DsqlLocalException(String message, Throwable cause) {
        super(message, cause);
    }

    public DsqlLocalException(String message) {
        super(message);
    }
}
