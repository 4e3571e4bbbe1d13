package io.dsqlkit.hibernate.internal.schema;

import io.dsqlkit.hibernate.DsqlIndexOptions;
import io.dsqlkit.hibernate.UnsupportedMappingException;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds and checks the {@link DsqlIndexOptions} of an index: on the entity class whose table holds
 * the index. Used at bootstrap (every annotation checked) and when rendering an index.
 */
public final class IndexOptionsCatalog {
    private IndexOptionsCatalog() {
    }

    /** The checked options for {@code index}, if its entity declares any. */
    public static Optional<DsqlIndexOptions> optionsFor(Index index, Metadata metadata) {
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity.getTable() != index.getTable() || entity.getMappedClass() == null) {
                continue;
            }
            for (DsqlIndexOptions options : entity.getMappedClass().getDeclaredAnnotationsByType(DsqlIndexOptions.class)) {
                if (options.index().equals(index.getName())) {
                    check(entity, options, index);
                    return Optional.of(options);
                }
            }
        }
        return Optional.empty();
    }

    /** Checks every {@link DsqlIndexOptions} of every entity; the first problem fails bootstrap. */
    public static void checkAll(Metadata metadata) {
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity.getMappedClass() == null) {
                continue;
            }
            for (DsqlIndexOptions options : entity.getMappedClass().getDeclaredAnnotationsByType(DsqlIndexOptions.class)) {
                Index index = entity.getTable().getIndex(options.index());
                if (index == null) {
                    throw new UnsupportedMappingException(entity.getEntityName(), null,
                            "@DsqlIndexOptions(index = \"" + options.index() + "\") names no index of table "
                                    + entity.getTable().getName(),
                            "declare the index with @Table(indexes = @Index(name = \"" + options.index()
                                    + "\", columnList = ...)) on the same entity");
                }
                check(entity, options, index);
            }
        }
    }

    /** The rendered option clauses, each with a leading space: include, nulls not distinct, where. */
    public static String render(DsqlIndexOptions options, Table table, org.hibernate.dialect.Dialect dialect) {
        StringBuilder sql = new StringBuilder();
        if (options.include().length > 0) {
            sql.append(" include (");
            for (int i = 0; i < options.include().length; i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                Column column = table.getColumn(new Column(options.include()[i]));
                sql.append(column == null ? options.include()[i] : column.getQuotedName(dialect));
            }
            sql.append(')');
        }
        if (options.nullsNotDistinct()) {
            sql.append(" nulls not distinct");
        }
        if (!options.where().isBlank()) {
            sql.append(" where ").append(options.where().trim());
        }
        return sql.toString();
    }

    private static void check(PersistentClass entity, DsqlIndexOptions options, Index index) {
        String entityName = entity.getEntityName();
        String annotation = "@DsqlIndexOptions(index = \"" + options.index() + "\")";
        if (index.getOptions() != null && !index.getOptions().isBlank()) {
            throw new UnsupportedMappingException(entityName, null,
                    annotation + " and @Index(options = \"" + index.getOptions() + "\") both give options",
                    "keep one of them");
        }
        Set<String> keyColumns = new HashSet<>();
        for (Column column : index.getColumns()) {
            keyColumns.add(column.getName().toLowerCase(Locale.ROOT));
        }
        List<String> seen = new ArrayList<>();
        for (String include : options.include()) {
            String name = include.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || index.getTable().getColumn(new Column(include.trim())) == null) {
                throw new UnsupportedMappingException(entityName, null,
                        annotation + " includes \"" + include + "\", which is not a column of table "
                                + index.getTable().getName(),
                        "name physical columns of that table in include");
            }
            if (keyColumns.contains(name)) {
                throw new UnsupportedMappingException(entityName, null,
                        annotation + " includes key column \"" + include + "\"",
                        "remove it from include: key columns are in the index already");
            }
            if (seen.contains(name)) {
                throw new UnsupportedMappingException(entityName, null,
                        annotation + " includes \"" + include + "\" twice", "name each column once");
            }
            seen.add(name);
        }
        if (options.nullsNotDistinct() && !index.isUnique()) {
            throw new UnsupportedMappingException(entityName, null,
                    annotation + " sets nullsNotDistinct on a non-unique index",
                    "use @Index(unique = true) or drop nullsNotDistinct");
        }
        if (options.where().indexOf(';') >= 0) {
            throw new UnsupportedMappingException(entityName, null,
                    annotation + " has a where predicate containing ';'",
                    "give a single boolean expression over the table's columns");
        }
    }
}
