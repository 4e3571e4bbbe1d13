package io.dsqlkit.local.internal.classify;

import java.util.List;
import java.util.Objects;

/**
 * An accepted {@code ALTER TABLE}, with what the catalog checks need: dropped columns (a primary-key
 * column cannot be dropped), added columns (at most 255 per table), columns that become identity
 * columns (their type must be bigint) and indexes adopted by {@code ADD ... USING INDEX} (an index
 * whose async build has not finished is not valid yet).
 *
 * @param schema null when unqualified
 */
public record AlterTable(String schema, String table, boolean ifExists, List<String> addedColumns,
        List<String> droppedColumns, List<String> identityColumns, List<String> adoptedIndexes) {

    public AlterTable {
        Objects.requireNonNull(table, "table");
        addedColumns = List.copyOf(addedColumns);
        droppedColumns = List.copyOf(droppedColumns);
        identityColumns = List.copyOf(identityColumns);
        adoptedIndexes = List.copyOf(adoptedIndexes);
    }
}
