package io.dsqlkit.hibernate.internal.schema;

import org.hibernate.dialect.sequence.PostgreSQLSequenceSupport;

/**
 * PostgreSQL's sequences with DSQL's mandatory {@code CACHE}, written right after the name as DSQL
 * documents it (DSQL-FACTS §11); Hibernate appends {@code start with} / {@code increment by}, so
 * pooled optimizers work unchanged.
 */
public final class DsqlSequenceSupport extends PostgreSQLSequenceSupport {
    private final int cache;

    public DsqlSequenceSupport(int cache) {
        this.cache = cache;
    }

    @Override
    public String getCreateSequenceString(String sequenceName) {
        return "create sequence " + sequenceName + " cache " + cache;
    }
}
