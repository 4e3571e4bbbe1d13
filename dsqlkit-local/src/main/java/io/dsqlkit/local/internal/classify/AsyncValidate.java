package io.dsqlkit.local.internal.classify;

import java.util.Objects;

/**
 * An accepted {@code ALTER TABLE ASYNC [IF EXISTS] t VALIDATE CONSTRAINT c}.
 *
 * @param schema null when the table name is unqualified
 * @param postgresSql the statement without {@code ASYNC}, for PostgreSQL
 */
public record AsyncValidate(String schema, String table, String constraint, boolean ifExists, String postgresSql) {

    public AsyncValidate {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(postgresSql, "postgresSql");
    }
}
