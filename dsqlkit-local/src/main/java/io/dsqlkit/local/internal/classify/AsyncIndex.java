package io.dsqlkit.local.internal.classify;

import java.util.Objects;

/**
 * An accepted {@code CREATE [UNIQUE] INDEX ASYNC} statement.
 *
 * @param indexName null when DSQL is to choose the name
 * @param tableSchema null when the table name is unqualified
 * @param postgresSql the statement with {@code ASYNC} replaced by {@code CONCURRENTLY}, all other
 *     text kept byte for byte; PostgreSQL refuses it inside a transaction block
 * @param postgresSqlInTransactionBlock the statement with {@code ASYNC} removed, for the
 *     {@code BEGIN; CREATE INDEX ASYNC ...; COMMIT} case where CONCURRENTLY is not allowed
 * @param validationSql the statement with {@code ASYNC} removed and its predicate made false: run
 *     and rolled back at submission, it makes PostgreSQL check the definition at once, as DSQL
 *     does when it records the index in its catalog, without building anything
 */
public record AsyncIndex(String indexName, String tableSchema, String tableName, boolean unique, boolean ifNotExists,
        String postgresSql, String postgresSqlInTransactionBlock, String validationSql) {

    public AsyncIndex {
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(postgresSql, "postgresSql");
        Objects.requireNonNull(postgresSqlInTransactionBlock, "postgresSqlInTransactionBlock");
        Objects.requireNonNull(validationSql, "validationSql");
    }
}
