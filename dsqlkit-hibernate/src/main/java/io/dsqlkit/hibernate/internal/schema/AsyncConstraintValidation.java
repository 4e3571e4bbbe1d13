package io.dsqlkit.hibernate.internal.schema;

/** The one form in which DSQL validates a NOT VALID constraint: an async job (DSQL-FACTS §9). */
final class AsyncConstraintValidation {
    private AsyncConstraintValidation() {
    }

    static String statement(String table, String constraint) {
        return "alter table async " + table + " validate constraint " + constraint;
    }
}
