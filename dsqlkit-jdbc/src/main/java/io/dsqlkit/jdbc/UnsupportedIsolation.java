package io.dsqlkit.jdbc;

import java.util.Locale;

/**
 * What a connection does when asked for an isolation level other than REPEATABLE READ, the only
 * one DSQL runs (DSQL-FACTS §4).
 */
public enum UnsupportedIsolation {
    /** Fail with {@code 0A000} and an explanation (default): the caller asked for guarantees DSQL does not give. */
    REFUSE("refuse"),
    /**
     * Ignore the request and log a warning once per level; for frameworks that set an isolation
     * level on every transaction whatever the application asks.
     */
    IGNORE_WITH_WARNING("ignore");

    private final String propertyValue;

    UnsupportedIsolation(String propertyValue) {
        this.propertyValue = propertyValue;
    }

    /** The value of the {@code unsupportedIsolation} connection property: {@code refuse} or {@code ignore}. */
    public String propertyValue() {
        return propertyValue;
    }

    /** Parses {@code refuse} or {@code ignore} (case-insensitive). */
    public static UnsupportedIsolation fromProperty(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (UnsupportedIsolation candidate : values()) {
            if (candidate.propertyValue.equals(v)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unsupportedIsolation must be 'refuse' or 'ignore', was '" + value + "'");
    }
}
