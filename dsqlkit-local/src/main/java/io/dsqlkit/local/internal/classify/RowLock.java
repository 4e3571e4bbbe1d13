package io.dsqlkit.local.internal.classify;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * The single table a top-level {@code FOR UPDATE} or {@code FOR KEY SHARE} locks, for the check
 * only the catalog can finish: DSQL also requires an equality predicate on every primary-key column
 * (rule {@code locking_key_equality}).
 *
 * @param strength {@code UPDATE} or {@code KEY SHARE}
 * @param tableSchema null when unqualified
 * @param alias null when the table has none
 * @param equalityColumns columns compared by a top-level AND-ed {@code column = expression}
 *     conjunct of the WHERE clause (column values as identifiers fold them)
 */
public record RowLock(String strength, String tableSchema, String tableName, String alias, Set<String> equalityColumns) {

    public RowLock {
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(tableName, "tableName");
        equalityColumns = Set.copyOf(equalityColumns);
    }

    /** Whether every key column is pinned by an equality; false for an empty key, which DSQL never has. */
    public boolean coversKey(Collection<String> keyColumns) {
        return !keyColumns.isEmpty() && equalityColumns.containsAll(keyColumns);
    }
}
