package io.dsqlkit.hibernate;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code hibernate.dialect.aurora_dsql.*} settings of {@link AuroraDsqlDialect}, with their
 * defaults, in one place. Read from the Hibernate configuration (hibernate.properties,
 * persistence.xml, programmatic settings) when the dialect is built; every value is checked then,
 * so a wrong value fails at bootstrap with the setting's name in the message.
 *
 * <table>
 *   <caption>settings</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #SEQUENCE_CACHE_SIZE}</td><td>{@value #DEFAULT_SEQUENCE_CACHE_SIZE}</td>
 *       <td>CACHE of every sequence and identity column: 1 or at least 65536 (same name and meaning as AWS's dialect)</td></tr>
 *   <tr><td>{@value #FOREIGN_KEYS}</td><td>true</td><td>emit foreign keys</td></tr>
 *   <tr><td>{@value #VALIDATE_CONSTRAINTS}</td><td>true</td>
 *       <td>after adding a foreign key or CHECK as NOT VALID, validate it with {@code ALTER TABLE ASYNC}</td></tr>
 *   <tr><td>{@value #WAIT_FOR_JOBS}</td><td>true</td>
 *       <td>after schema creation or update, wait for the async index and validation jobs</td></tr>
 *   <tr><td>{@value #TRUNCATE_BATCH_ROWS}</td><td>{@value #DEFAULT_TRUNCATE_BATCH_ROWS}</td>
 *       <td>rows deleted per transaction when truncating (1..3000)</td></tr>
 *   <tr><td>{@value #DDL_CONFLICT_RETRIES}</td><td>{@value #DEFAULT_DDL_CONFLICT_RETRIES}</td>
 *       <td>times a schema statement is run again after a schema conflict (40001 OC001)</td></tr>
 * </table>
 */
public final class AuroraDsqlSettings {
    /** Prefix of every setting. */
    public static final String PREFIX = "hibernate.dialect.aurora_dsql.";

    /** CACHE of sequences and identity columns; same name and meaning as AWS's dialect. */
    public static final String SEQUENCE_CACHE_SIZE = PREFIX + "sequence_cache_size";
    public static final String FOREIGN_KEYS = PREFIX + "foreign_keys";
    public static final String VALIDATE_CONSTRAINTS = PREFIX + "validate_constraints";
    public static final String WAIT_FOR_JOBS = PREFIX + "wait_for_jobs";
    public static final String TRUNCATE_BATCH_ROWS = PREFIX + "truncate_batch_rows";
    public static final String DDL_CONFLICT_RETRIES = PREFIX + "ddl_conflict_retries";

    /** DSQL accepts CACHE 1 (no caching) or at least this (DSQL-FACTS §11). */
    public static final int MIN_SEQUENCE_CACHE_SIZE = 65_536;
    /** AWS's dialect uses the smallest large cache; keeping it keeps schemas identical after migration. */
    public static final int DEFAULT_SEQUENCE_CACHE_SIZE = MIN_SEQUENCE_CACHE_SIZE;
    /** DSQL's row limit per transaction (DSQL-FACTS §4). */
    public static final int MAX_TRANSACTION_ROWS = 3_000;
    /** A third of the row limit: foreign-key actions and duplicate rows in key-less tables count too. */
    public static final int DEFAULT_TRUNCATE_BATCH_ROWS = 1_000;
    public static final int DEFAULT_DDL_CONFLICT_RETRIES = 3;
    /** Enough for any sensible use; more would hide a schema fight between applications. */
    public static final int MAX_DDL_CONFLICT_RETRIES = 20;

    private static final AuroraDsqlSettings DEFAULTS = new AuroraDsqlSettings(
            DEFAULT_SEQUENCE_CACHE_SIZE, true, true, true, DEFAULT_TRUNCATE_BATCH_ROWS, DEFAULT_DDL_CONFLICT_RETRIES);

    private final int sequenceCacheSize;
    private final boolean foreignKeys;
    private final boolean validateConstraints;
    private final boolean waitForJobs;
    private final int truncateBatchRows;
    private final int ddlConflictRetries;

    private AuroraDsqlSettings(int sequenceCacheSize, boolean foreignKeys, boolean validateConstraints,
                               boolean waitForJobs, int truncateBatchRows, int ddlConflictRetries) {
        this.sequenceCacheSize = checkCache(sequenceCacheSize);
        this.foreignKeys = foreignKeys;
        this.validateConstraints = validateConstraints;
        this.waitForJobs = waitForJobs;
        this.truncateBatchRows = checkRange(TRUNCATE_BATCH_ROWS, truncateBatchRows, 1, MAX_TRANSACTION_ROWS);
        this.ddlConflictRetries = checkRange(DDL_CONFLICT_RETRIES, ddlConflictRetries, 0, MAX_DDL_CONFLICT_RETRIES);
    }

    /** The defaults: what the dialect uses when no {@code hibernate.dialect.aurora_dsql.*} setting is given. */
    public static AuroraDsqlSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Reads the settings from Hibernate's configuration values; absent settings keep their defaults.
     *
     * @throws IllegalArgumentException naming the setting when a value is malformed or out of range
     */
    public static AuroraDsqlSettings from(Map<String, ?> configuration) {
        Objects.requireNonNull(configuration, "configuration");
        return builder()
                .sequenceCacheSize(intValue(configuration, SEQUENCE_CACHE_SIZE, DEFAULT_SEQUENCE_CACHE_SIZE))
                .foreignKeys(booleanValue(configuration, FOREIGN_KEYS, true))
                .validateConstraints(booleanValue(configuration, VALIDATE_CONSTRAINTS, true))
                .waitForJobs(booleanValue(configuration, WAIT_FOR_JOBS, true))
                .truncateBatchRows(intValue(configuration, TRUNCATE_BATCH_ROWS, DEFAULT_TRUNCATE_BATCH_ROWS))
                .ddlConflictRetries(intValue(configuration, DDL_CONFLICT_RETRIES, DEFAULT_DDL_CONFLICT_RETRIES))
                .build();
    }

    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public int sequenceCacheSize() {
        return sequenceCacheSize;
    }

    public boolean foreignKeys() {
        return foreignKeys;
    }

    public boolean validateConstraints() {
        return validateConstraints;
    }

    public boolean waitForJobs() {
        return waitForJobs;
    }

    public int truncateBatchRows() {
        return truncateBatchRows;
    }

    public int ddlConflictRetries() {
        return ddlConflictRetries;
    }

    @Override
    public String toString() {
        return "AuroraDsqlSettings[sequenceCacheSize=" + sequenceCacheSize + ", foreignKeys=" + foreignKeys
                + ", validateConstraints=" + validateConstraints + ", waitForJobs=" + waitForJobs
                + ", truncateBatchRows=" + truncateBatchRows + ", ddlConflictRetries=" + ddlConflictRetries + "]";
    }

    /** Builds settings; every setter rejects an impossible value at once. */
    public static final class Builder {
        private int sequenceCacheSize;
        private boolean foreignKeys;
        private boolean validateConstraints;
        private boolean waitForJobs;
        private int truncateBatchRows;
        private int ddlConflictRetries;

        private Builder(AuroraDsqlSettings from) {
            sequenceCacheSize = from.sequenceCacheSize;
            foreignKeys = from.foreignKeys;
            validateConstraints = from.validateConstraints;
            waitForJobs = from.waitForJobs;
            truncateBatchRows = from.truncateBatchRows;
            ddlConflictRetries = from.ddlConflictRetries;
        }

        /** 1, or at least {@value AuroraDsqlSettings#MIN_SEQUENCE_CACHE_SIZE}: DSQL refuses anything else. */
        public Builder sequenceCacheSize(int cache) {
            this.sequenceCacheSize = checkCache(cache);
            return this;
        }

        public Builder foreignKeys(boolean emit) {
            this.foreignKeys = emit;
            return this;
        }

        public Builder validateConstraints(boolean validate) {
            this.validateConstraints = validate;
            return this;
        }

        public Builder waitForJobs(boolean wait) {
            this.waitForJobs = wait;
            return this;
        }

        public Builder truncateBatchRows(int rows) {
            this.truncateBatchRows = checkRange(TRUNCATE_BATCH_ROWS, rows, 1, MAX_TRANSACTION_ROWS);
            return this;
        }

        public Builder ddlConflictRetries(int retries) {
            this.ddlConflictRetries = checkRange(DDL_CONFLICT_RETRIES, retries, 0, MAX_DDL_CONFLICT_RETRIES);
            return this;
        }

        public AuroraDsqlSettings build() {
            return new AuroraDsqlSettings(sequenceCacheSize, foreignKeys, validateConstraints, waitForJobs,
                    truncateBatchRows, ddlConflictRetries);
        }
    }

    private static int checkCache(int cache) {
        if (cache != 1 && cache < MIN_SEQUENCE_CACHE_SIZE) {
            throw new IllegalArgumentException(SEQUENCE_CACHE_SIZE + " must be 1 or at least "
                    + MIN_SEQUENCE_CACHE_SIZE + " (DSQL refuses other CACHE values), was " + cache);
        }
        return cache;
    }

    private static int checkRange(String setting, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(setting + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    private static int intValue(Map<String, ?> configuration, String setting, int defaultValue) {
        Object value = configuration.get(setting);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        String text = value.toString().trim();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting + " must be an integer, was '" + text + "'", e);
        }
    }

    private static boolean booleanValue(Map<String, ?> configuration, String setting, boolean defaultValue) {
        Object value = configuration.get(setting);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(setting + " must be true or false, was '" + value + "'");
        };
    }
}
