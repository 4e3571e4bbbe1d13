package io.dsqlkit.local.internal.classify;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Ids of the rules in the bundled rule book. The classifier refers to rules only through these
 * constants; the ones marked "proxy" need session state or the catalog and are for the proxy to
 * apply with {@code RuleBook.rule(id).refuse(...)}.
 */
public final class RuleIds {

    // Session settings and transactions.
    public static final String SET_PARAMETER = "set_parameter";
    public static final String ISOLATION_LEVEL = "isolation_level";
    public static final String SHOW_PARAMETER = "show_parameter";
    public static final String TRANSACTION_STATEMENT = "transaction_statement";

    // Whole statements.
    public static final String UNSUPPORTED_STATEMENT = "unsupported_statement";
    public static final String MERGE = "merge";
    public static final String VACUUM = "vacuum";
    public static final String CREATE_TRIGGER = "create_trigger";
    public static final String CREATE_TYPE = "create_type";
    public static final String ALTER_TYPE = "alter_type";
    public static final String RENAME_OBJECT = "rename_object";
    public static final String DROP_OBJECT = "drop_object";
    public static final String CREATE_FUNCTION_LANGUAGE = "create_function_language";
    public static final String CREATE_PROCEDURE = "create_procedure";
    public static final String COPY_FILE = "copy_file";
    public static final String GRANT_OBJECT_TYPE = "grant_object_type";

    // Tables and types.
    public static final String TEMPORARY_OBJECT = "temporary_object";
    public static final String UNLOGGED_OBJECT = "unlogged_object";
    public static final String CREATE_TABLE_CLAUSE = "create_table_clause";
    public static final String COLLATE = "collate";
    public static final String DATATYPE = "datatype";
    public static final String TYPE_NOT_FOUND = "type_not_found";
    public static final String CHAR_LENGTH = "char_length";
    /** Also proxy: ALTER TABLE ADD COLUMN beyond 255 columns. */
    public static final String TABLE_COLUMNS = "table_columns";
    public static final String INDEX_KEY_COLUMNS = "index_key_columns";
    public static final String STATISTICS_TARGET = "statistics_target";

    // Identity columns and sequences.
    public static final String IDENTITY_CACHE = "identity_cache";
    /** Also proxy: ALTER COLUMN ... ADD GENERATED AS IDENTITY on a column that is not bigint. */
    public static final String IDENTITY_TYPE = "identity_type";
    public static final String SEQUENCE_CACHE = "sequence_cache";
    public static final String SEQUENCE_TYPE = "sequence_type";
    public static final String ALTER_SEQUENCE_CACHE = "alter_sequence_cache";

    // ALTER TABLE.
    public static final String ALTER_ADD_COLUMN_CONSTRAINT = "alter_add_column_constraint";
    public static final String ALTER_ADD_CONSTRAINT = "alter_add_constraint";
    public static final String ALTER_VALIDATE_CONSTRAINT = "alter_validate_constraint";
    public static final String ALTER_COLUMN_TYPE = "alter_column_type";
    public static final String ALTER_TABLE_ACTION = "alter_table_action";

    // Indexes.
    public static final String CREATE_INDEX_SYNC = "create_index_sync";
    public static final String INDEX_METHOD = "index_method";
    public static final String INDEX_OPCLASS = "index_opclass";
    public static final String INDEX_INCLUDE_EXPRESSION = "index_include_expression";
    public static final String SYNTAX_ERROR = "syntax_error";

    // Queries.
    public static final String TABLESAMPLE = "tablesample";
    public static final String LOCKING_STRENGTH = "locking_strength";
    public static final String LOCKING_SINGLE_TABLE = "locking_single_table";
    public static final String TEXT_SEARCH_CONFIG = "text_search_config";

    // Proxy: session state or catalog needed.
    public static final String LOCKING_KEY_EQUALITY = "locking_key_equality";
    public static final String DROP_PRIMARY_KEY_COLUMN = "drop_primary_key_column";
    public static final String DROP_PRIMARY_KEY = "drop_primary_key";
    public static final String MULTIPLE_DDL = "multiple_ddl";
    public static final String DDL_AND_DML = "ddl_and_dml";
    public static final String TRANSACTION_ABORTED = "transaction_aborted";
    public static final String TRANSACTION_ROW_LIMIT = "transaction_row_limit";
    public static final String TRANSACTION_SIZE_LIMIT = "transaction_size_limit";
    public static final String TRANSACTION_AGE_LIMIT = "transaction_age_limit";
    public static final String OCC_DATA_CONFLICT = "occ_data_conflict";
    public static final String OCC_SCHEMA_CONFLICT = "occ_schema_conflict";
    public static final String INDEX_COUNT_LIMIT = "index_count_limit";
    public static final String STATISTICS_COUNT_LIMIT = "statistics_count_limit";
    public static final String SCHEMA_COUNT_LIMIT = "schema_count_limit";
    public static final String TABLE_COUNT_LIMIT = "table_count_limit";
    public static final String VIEW_COUNT_LIMIT = "view_count_limit";
    public static final String SEQUENCE_COUNT_LIMIT = "sequence_count_limit";
    public static final String VIEW_DEFINITION_SIZE = "view_definition_size";
    public static final String KEY_SIZE_LIMIT = "key_size_limit";
    public static final String ROW_SIZE_LIMIT = "row_size_limit";
    public static final String COLUMN_SIZE_LIMIT = "column_size_limit";
    public static final String INDEX_NOT_VALID = "index_not_valid";
    public static final String JOB_ID_INVALID = "job_id_invalid";
    public static final String TOO_MANY_CONNECTIONS = "too_many_connections";
    public static final String CONNECTION_RATE_EXCEEDED = "connection_rate_exceeded";
    /** Applied by the wire layer (FrameReader) before any statement is seen. */
    public static final String MESSAGE_SIZE_LIMIT = "message_size_limit";

    private static final List<String> ALL = collect();

    private RuleIds() {
    }

    /** Every id declared above, in declaration order. */
    public static List<String> all() {
        return ALL;
    }

    private static List<String> collect() {
        List<String> ids = new ArrayList<>();
        for (Field f : RuleIds.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
                try {
                    ids.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(ids);
    }
}
