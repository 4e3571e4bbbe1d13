package io.dsqlkit.hibernate;

import org.hibernate.MappingException;

/**
 * A mapping DSQL cannot store, reported at bootstrap instead of as a late SQL error. The message
 * names the entity, the field (when there is one), what DSQL refuses and the fix; the parts are
 * also available one by one.
 */
public class UnsupportedMappingException extends MappingException {
    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String field;
    private final String problem;
    private final String fix;

    public UnsupportedMappingException(String entity, String field, String problem, String fix) {
        super(message(entity, field, problem, fix));
        this.entity = entity;
        this.field = field;
        this.problem = problem;
        this.fix = fix;
    }

    private static String message(String entity, String field, String problem, String fix) {
        return "Aurora DSQL cannot store " + entity + (field == null ? "" : "." + field) + ": " + problem
                + ". Fix: " + fix;
    }

    /** The entity name (or collection role's owner). */
    public String entity() {
        return entity;
    }

    /** The field (attribute path), or {@code null} for a problem of the entity as a whole. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }
}
