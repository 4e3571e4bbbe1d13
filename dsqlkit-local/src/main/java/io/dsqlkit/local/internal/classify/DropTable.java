package io.dsqlkit.local.internal.classify;

import java.util.List;

/** A {@code DROP TABLE}: DSQL records one background {@code DROP} job per dropped table in {@code sys.jobs}. */
public record DropTable(List<QualifiedName> tables, boolean ifExists, boolean cascade) {

    public DropTable {
        tables = List.copyOf(tables);
    }
}
