package io.dsqlkit.hibernate;

import io.dsqlkit.hibernate.internal.exception.DsqlConstraintNameExtractor;
import io.dsqlkit.hibernate.internal.exception.DsqlExceptionConversion;
import io.dsqlkit.hibernate.internal.schema.DsqlForeignKeyExporter;
import io.dsqlkit.hibernate.internal.schema.DsqlIdentityColumnSupport;
import io.dsqlkit.hibernate.internal.schema.DsqlIndexExporter;
import io.dsqlkit.hibernate.internal.schema.DsqlSchemaManagementTool;
import io.dsqlkit.hibernate.internal.schema.DsqlSequenceSupport;
import io.dsqlkit.hibernate.internal.schema.DsqlTableCleaner;
import io.dsqlkit.hibernate.internal.schema.DsqlTableMigrator;
import io.dsqlkit.hibernate.internal.schema.DsqlUniqueDelegate;
import io.dsqlkit.hibernate.internal.sql.DsqlLockingSupport;
import io.dsqlkit.hibernate.internal.sql.DsqlSqlAstTranslator;
import io.dsqlkit.hibernate.internal.type.LobAsBytesJdbcType;
import io.dsqlkit.hibernate.internal.type.LobAsTextJdbcType;
import io.dsqlkit.hibernate.internal.type.TimetzJdbcType;
import jakarta.persistence.Timeout;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.dialect.identity.IdentityColumnSupport;
import org.hibernate.dialect.lock.spi.LockingSupport;
import org.hibernate.dialect.sequence.SequenceSupport;
import org.hibernate.dialect.temptable.TemporaryTableStrategy;
import org.hibernate.dialect.unique.UniqueDelegate;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.exception.spi.SQLExceptionConversionDelegate;
import org.hibernate.exception.spi.ViolatedConstraintNameExtractor;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Index;
import org.hibernate.persister.entity.mutation.EntityMutationTarget;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.SqlAstTranslatorFactory;
import org.hibernate.sql.ast.spi.StandardSqlAstTranslatorFactory;
import org.hibernate.sql.ast.tree.Statement;
import org.hibernate.sql.exec.spi.JdbcOperation;
import org.hibernate.sql.model.MutationOperation;
import org.hibernate.sql.model.internal.OptionalTableUpdate;
import org.hibernate.sql.model.jdbc.OptionalTableUpdateWithUpsertOperation;
import org.hibernate.tool.schema.extract.spi.SequenceInformationExtractor;
import org.hibernate.tool.schema.spi.Cleaner;
import org.hibernate.tool.schema.spi.Exporter;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.TableMigrator;
import org.hibernate.tool.schema.extract.internal.SequenceInformationExtractorLegacyImpl;
import org.hibernate.type.SqlTypes;

import java.sql.Types;
import java.util.Map;

/**
 * Hibernate ORM 7 dialect for Amazon Aurora DSQL: PostgreSQL 16 on the wire, with DSQL's
 * differences overridden one by one, each with the DSQL-FACTS section behind it.
 *
 * <p>Picked automatically for DSQL connections ({@link AuroraDsqlDialectResolver}); set
 * {@code hibernate.dialect=io.dsqlkit.hibernate.AuroraDsqlDialect} where no connection is inspected.
 * Settings: {@link AuroraDsqlSettings} ({@code hibernate.dialect.aurora_dsql.*}).
 *
 * <p>KNOWN LIMITATIONS (DSQL's, documented in the module README): {@code FOR UPDATE} on one table
 * with key equality only; no lock waits, so lock timeouts, NOWAIT and SKIP LOCKED are not
 * rendered; a column added by schema update stays nullable; arrays are stored as jsonb; xml, inet,
 * geometry, {@code @Struct} and named enum mappings fail at bootstrap.
 */
public class AuroraDsqlDialect extends PostgreSQLDialect {
    /** DSQL reports PostgreSQL 16 ({@code server_version} 16.15, DSQL-FACTS §3). */
    public static final DatabaseVersion DSQL_POSTGRESQL_VERSION = DatabaseVersion.make(16);

    /** pg_sequences is readable on DSQL (DSQL-FACTS §11, §15); names the columns Hibernate's extractor reads. */
    static final String QUERY_SEQUENCES = "select current_database() as sequence_catalog, schemaname as sequence_schema,"
            + " sequencename as sequence_name, start_value, min_value as minimum_value, max_value as maximum_value,"
            + " increment_by as increment from pg_catalog.pg_sequences";

    private static final String FOR_UPDATE = " for update";

    private final AuroraDsqlSettings settings;
    private final IllegalArgumentException settingsError;
    private final SequenceSupport sequenceSupport;
    private final IdentityColumnSupport identityColumnSupport;
    private final Exporter<Index> indexExporter = new DsqlIndexExporter(this);
    private final Exporter<ForeignKey> foreignKeyExporter;
    private final UniqueDelegate uniqueDelegate = new DsqlUniqueDelegate(this);
    private final TableMigrator tableMigrator;
    private final Cleaner tableCleaner = new DsqlTableCleaner(this);

    /** With default settings; Hibernate uses {@link #AuroraDsqlDialect(DialectResolutionInfo)}. */
    public AuroraDsqlDialect() {
        this(DSQL_POSTGRESQL_VERSION, AuroraDsqlSettings.defaults());
    }

    /** With the given settings (programmatic configuration). */
    public AuroraDsqlDialect(AuroraDsqlSettings settings) {
        this(DSQL_POSTGRESQL_VERSION, settings);
    }

    /**
     * What Hibernate calls: the server's version and the {@code hibernate.dialect.aurora_dsql.*}
     * settings. A malformed setting fails bootstrap when the dialect contributes its types (Hibernate
     * swallows exceptions of dialect resolvers and would quietly fall back to PostgreSQL's dialect).
     */
    public AuroraDsqlDialect(DialectResolutionInfo info) {
        this(info.makeCopyOrDefault(DSQL_POSTGRESQL_VERSION), SettingsOrError.of(info.getConfigurationValues()));
        registerKeywords(info);
    }

    public AuroraDsqlDialect(DatabaseVersion version, AuroraDsqlSettings settings) {
        this(version, new SettingsOrError(settings, null));
    }

    private AuroraDsqlDialect(DatabaseVersion version, SettingsOrError settingsOrError) {
        super(version);
        this.settings = settingsOrError.settings();
        this.settingsError = settingsOrError.error();
        this.sequenceSupport = new DsqlSequenceSupport(settings.sequenceCacheSize());
        this.identityColumnSupport = new DsqlIdentityColumnSupport(settings.sequenceCacheSize());
        this.foreignKeyExporter = new DsqlForeignKeyExporter(this, settings);
        this.tableMigrator = new DsqlTableMigrator(this, settings);
    }

    private record SettingsOrError(AuroraDsqlSettings settings, IllegalArgumentException error) {
        static SettingsOrError of(Map<String, Object> configuration) {
            try {
                return new SettingsOrError(AuroraDsqlSettings.from(configuration), null);
            } catch (IllegalArgumentException e) {
                return new SettingsOrError(AuroraDsqlSettings.defaults(), e);
            }
        }
    }

    /** The settings this dialect was built with. */
    public AuroraDsqlSettings getSettings() {
        return settings;
    }

    @Override
    protected DatabaseVersion getMinimumSupportedVersion() {
        return DSQL_POSTGRESQL_VERSION;
    }

    // ---------------------------------------------------------------- keys and generated values

    /** CACHE is mandatory and must be 1 or ≥ 65536 (DSQL-FACTS §11). */
    @Override
    public SequenceSupport getSequenceSupport() {
        return sequenceSupport;
    }

    /** Identity columns must be bigint with an explicit CACHE (DSQL-FACTS §11). */
    @Override
    public IdentityColumnSupport getIdentityColumnSupport() {
        return identityColumnSupport;
    }

    /** pg_sequences instead of information_schema.sequences, so validate sees DSQL's sequences (§15). */
    @Override
    public String getQuerySequencesString() {
        return QUERY_SEQUENCES;
    }

    @Override
    public SequenceInformationExtractor getSequenceInformationExtractor() {
        return SequenceInformationExtractorLegacyImpl.INSTANCE;
    }

    // ---------------------------------------------------------------- schema generation

    /** Only asynchronous index builds exist (DSQL-FACTS §12). */
    @Override
    public String getCreateIndexString(boolean unique) {
        return unique ? "create unique index async" : "create index async";
    }

    /** A schema-qualified index name is a syntax error (DSQL-FACTS §12). */
    @Override
    public boolean qualifyIndexName() {
        return false;
    }

    @Override
    public Exporter<Index> getIndexExporter() {
        return indexExporter;
    }

    /** Foreign keys on existing tables need NOT VALID plus async validation (DSQL-FACTS §10). */
    @Override
    public Exporter<ForeignKey> getForeignKeyExporter() {
        return foreignKeyExporter;
    }

    /** DROP CONSTRAINT is not established on DSQL (DSQL-FACTS §9); tables are dropped with cascade. */
    @Override
    public boolean dropConstraints() {
        return false;
    }

    /** ALTER TABLE ... ADD UNIQUE is refused (DSQL-FACTS §9): unique keys go inline. */
    @Override
    public UniqueDelegate getUniqueDelegate() {
        return uniqueDelegate;
    }

    /** Only a bare ADD COLUMN is accepted, and column types never change (DSQL-FACTS §9). */
    @Override
    public TableMigrator getTableMigrator() {
        return tableMigrator;
    }

    @Override
    public boolean supportsAlterColumnType() {
        return false;
    }

    /** TRUNCATE is refused (DSQL-FACTS §13). */
    @Override
    public String getTruncateTableStatement(String tableName) {
        return "delete from " + tableName;
    }

    @Override
    public Cleaner getTableCleaner() {
        return tableCleaner;
    }

    /** PostgreSQL's {@code set client_min_messages} is refused (DSQL-FACTS §3). */
    @Override
    public String getBeforeDropStatement() {
        return null;
    }

    /** One DDL per transaction, waiting for async jobs, batched truncation (DSQL-FACTS §4, §5, §12). */
    @Override
    public SchemaManagementTool getFallbackSchemaManagementTool(Map<String, Object> configurationValues,
                                                                ServiceRegistryImplementor registry) {
        return new DsqlSchemaManagementTool(settings);
    }

    /** Temporary tables are refused (DSQL-FACTS §9); multi-table mutations use PostgreSQL's CTE strategy. */
    @Override
    public TemporaryTableStrategy getLocalTemporaryTableStrategy() {
        return null;
    }

    // ---------------------------------------------------------------- types

    /** No large objects on DSQL (DSQL-FACTS §8): LOBs are bytea and text, never oid. */
    @Override
    protected String columnType(int sqlTypeCode) {
        return switch (sqlTypeCode) {
            case SqlTypes.BLOB -> "bytea";
            case SqlTypes.CLOB, SqlTypes.NCLOB -> "text";
            default -> super.columnType(sqlTypeCode);
        };
    }

    /**
     * LOB values are bound as bytes and strings, matching the bytea/text columns (DSQL-FACTS §8);
     * {@code timetz} values are bound in the one way pgJDBC accepts.
     */
    @Override
    protected void contributePostgreSQLTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        if (settingsError != null) {
            throw new IllegalArgumentException(settingsError.getMessage(), settingsError);
        }
        super.contributePostgreSQLTypes(typeContributions, serviceRegistry);
        var jdbcTypes = typeContributions.getTypeConfiguration().getJdbcTypeRegistry();
        jdbcTypes.addDescriptor(Types.BLOB, LobAsBytesJdbcType.INSTANCE);
        jdbcTypes.addDescriptor(Types.CLOB, LobAsTextJdbcType.CLOB);
        jdbcTypes.addDescriptor(Types.NCLOB, LobAsTextJdbcType.NCLOB);
        jdbcTypes.addDescriptor(SqlTypes.TIME_WITH_TIMEZONE, TimetzJdbcType.INSTANCE);
    }

    /** Arrays are not column types on DSQL (DSQL-FACTS §8): basic arrays are stored as jsonb. */
    @Override
    public int getPreferredSqlTypeCodeForArray() {
        return SqlTypes.JSON_ARRAY;
    }

    /** varchar(n) is limited to 65535 (DSQL-FACTS §8); longer strings become text. */
    @Override
    public int getMaxVarcharLength() {
        return 65_535;
    }

    @Override
    public int getMaxVarcharCapacity() {
        return 65_535;
    }

    /**
     * The catalog reports timetz/timestamptz columns that this dialect created for
     * TIME_WITH_TIMEZONE/TIMESTAMP_WITH_TIMEZONE as their UTC variants; both are the same column,
     * so validate accepts them (the schema validation promise of the dialect).
     */
    @Override
    public boolean equivalentTypes(int typeCode1, int typeCode2) {
        return super.equivalentTypes(typeCode1, typeCode2)
                || sameZonedType(typeCode1, typeCode2) || sameZonedType(typeCode2, typeCode1);
    }

    private static boolean sameZonedType(int mapped, int reported) {
        return mapped == SqlTypes.TIME_WITH_TIMEZONE && reported == SqlTypes.TIME_UTC
                || mapped == SqlTypes.TIMESTAMP_WITH_TIMEZONE && reported == SqlTypes.TIMESTAMP_UTC;
    }

    // ---------------------------------------------------------------- queries and locking

    /** No lock waits on DSQL (DSQL-FACTS §6): no timeouts, NOWAIT or SKIP LOCKED; FOR UPDATE without OF. */
    @Override
    public LockingSupport getLockingSupport() {
        return DsqlLockingSupport.INSTANCE;
    }

    /** PostgreSQL's {@code for no key update} is refused; {@code for update} is accepted (DSQL-FACTS §13). */
    @Override
    public String getForUpdateString() {
        return FOR_UPDATE;
    }

    @Override
    public String getForUpdateString(String aliases) {
        return FOR_UPDATE;
    }

    @Override
    public String getWriteLockString(Timeout timeout) {
        return FOR_UPDATE;
    }

    @Override
    public String getWriteLockString(String aliases, Timeout timeout) {
        return FOR_UPDATE;
    }

    @Override
    public String getWriteLockString(int timeout) {
        return FOR_UPDATE;
    }

    @Override
    public String getWriteLockString(String aliases, int timeout) {
        return FOR_UPDATE;
    }

    /**
     * {@code for share} is refused (DSQL-FACTS §13); {@code for update} adds the rows read to the
     * transaction's conflict set, so a concurrent change of them fails one side at COMMIT, which
     * is what PESSIMISTIC_READ promises.
     */
    @Override
    public String getReadLockString(Timeout timeout) {
        return FOR_UPDATE;
    }

    @Override
    public String getReadLockString(String aliases, Timeout timeout) {
        return FOR_UPDATE;
    }

    @Override
    public String getReadLockString(int timeout) {
        return FOR_UPDATE;
    }

    @Override
    public String getReadLockString(String aliases, int timeout) {
        return FOR_UPDATE;
    }

    /** DSQL never waits for a lock (DSQL-FACTS §6): NOWAIT has nothing to change. */
    @Override
    public String getForUpdateNowaitString() {
        return FOR_UPDATE;
    }

    @Override
    public String getForUpdateNowaitString(String aliases) {
        return FOR_UPDATE;
    }

    /** No row is ever locked against readers (DSQL-FACTS §6): SKIP LOCKED would skip nothing. */
    @Override
    public String getForUpdateSkipLockedString() {
        return FOR_UPDATE;
    }

    @Override
    public String getForUpdateSkipLockedString(String aliases) {
        return FOR_UPDATE;
    }

    /** Locking selects over several tables use follow-on locking (DSQL-FACTS §13). */
    @Override
    public SqlAstTranslatorFactory getSqlAstTranslatorFactory() {
        return new StandardSqlAstTranslatorFactory() {
            @Override
            protected <T extends JdbcOperation> SqlAstTranslator<T> buildTranslator(
                    SessionFactoryImplementor sessionFactory, Statement statement) {
                return new DsqlSqlAstTranslator<>(sessionFactory, statement);
            }
        };
    }

    /** LEFT JOIN LATERAL with outer references in its select list fails on DSQL (42804, DSQL-FACTS §13). */
    @Override
    public boolean supportsLateral() {
        return false;
    }

    /** MERGE is refused (DSQL-FACTS §13): optional secondary-table rows use update-then-insert. */
    @Override
    public MutationOperation createOptionalTableUpdateOperation(EntityMutationTarget mutationTarget,
                                                                OptionalTableUpdate optionalTableUpdate,
                                                                SessionFactoryImplementor factory) {
        return new OptionalTableUpdateWithUpsertOperation(mutationTarget, optionalTableUpdate, factory);
    }

    // ---------------------------------------------------------------- errors

    /** DSQL's 40001/OC000/OC001, 54000 and 0A000 first; PostgreSQL's own codes after (DSQL-FACTS §6). */
    @Override
    public SQLExceptionConversionDelegate buildSQLExceptionConversionDelegate() {
        SQLExceptionConversionDelegate dsql = new DsqlExceptionConversion();
        SQLExceptionConversionDelegate postgres = super.buildSQLExceptionConversionDelegate();
        return (sqlException, message, sql) -> {
            var converted = dsql.convert(sqlException, message, sql);
            return converted != null ? converted : postgres.convert(sqlException, message, sql);
        };
    }

    private static final ViolatedConstraintNameExtractor CONSTRAINT_NAMES = new DsqlConstraintNameExtractor();

    /** Constraint names from DSQL's 23503/23505/23514 messages (DSQL-FACTS §6). */
    @Override
    public ViolatedConstraintNameExtractor getViolatedConstraintNameExtractor() {
        return CONSTRAINT_NAMES;
    }
}
