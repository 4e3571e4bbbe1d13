package io.dsqlkit.local.internal.server;

import io.dsqlkit.local.internal.wire.ServerError;

/**
 * Builds the statement that makes the backing PostgreSQL fail with DSQL's SQLSTATE and message.
 * Raising inside PostgreSQL (rather than answering from the front end) keeps the ordering of a
 * pipeline and PostgreSQL's transaction state exactly right at no extra cost.
 */
public final class RaiseStatement {
    /** Marks the PL/pgSQL context of our own raises, so the front end strips it from the error. */
    static final String CONTEXT_MARKER = "inline_code_block";
    /** Marks the context of an error inside one of the cluster's own functions (e.g. a definition check). */
    static final String FUNCTION_CONTEXT_MARKER = "function dsql_local.";
    private static final String TAG = "$dsql_local$";

    private RaiseStatement() {
    }

    public static String of(ServerError error) {
        StringBuilder sql = new StringBuilder(96 + error.message().length());
        sql.append("DO ").append(TAG).append("BEGIN RAISE EXCEPTION USING ERRCODE = ")
                .append(literal(error.sqlState())).append(", MESSAGE = ").append(literal(error.message()));
        if (error.detail() != null) {
            sql.append(", DETAIL = ").append(literal(error.detail()));
        }
        if (error.hint() != null) {
            sql.append(", HINT = ").append(literal(error.hint()));
        }
        return sql.append("; END").append(TAG).toString();
    }

    /** A statement that does nothing, for statements DSQL accepts as no-ops. */
    public static String noOp() {
        return "DO " + TAG + "BEGIN END" + TAG;
    }

    private static String literal(String text) {
        // The body is dollar-quoted; a message containing our tag would end it early.
        String safe = text.replace(TAG, "$ dsql_local$");
        return "'" + safe.replace("'", "''") + "'";
    }
}
