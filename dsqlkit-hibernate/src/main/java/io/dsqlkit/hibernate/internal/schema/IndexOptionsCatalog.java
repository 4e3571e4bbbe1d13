package io.dsqlkit.hibernate.internal.schema;

import io.dsqlkit.hibernate.DsqlIndexOptions;
import io.dsqlkit.hibernate.UnsupportedMappingException;
import org.hibernate.boot.Metadata;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks every {@link DsqlIndexOptions} at bootstrap and writes the rendered clauses into the
 * mapping model as the index's options, where Hibernate's exporters read {@code @Index(options)}
 * too. JPA's {@code @Index(unique = true)} is a unique key in Hibernate's model; a unique key with
 * options is then built as a unique index ({@link DsqlUniqueDelegate}).
 */
public final class IndexOptionsCatalog {
    private IndexOptionsCatalog() {
    }

    /** An index as JPA declares it: a Hibernate index, or a unique key for {@code @Index(unique = true)}. */
    private record Target(String name, Table table, List<Column> columns, boolean unique, String rawOptions) {
        static Target of(Index index) {
            List<Column> columns = new ArrayList<>();
            for (var selectable : index.getSelectables()) {
                if (selectable instanceof Column column) {
                    columns.add(column);
                }
            }
            return new Target(index.getName(), index.getTable(), columns, index.isUnique(), index.getOptions());
        }

        static Target of(UniqueKey key) {
            return new Target(key.getName(), key.getTable(), key.getColumns(), true, key.getOptions());
        }
    }

    /**
     * Checks every {@link DsqlIndexOptions} of every entity and applies it; the first problem
     * fails bootstrap. Applying twice (two session factories from one metadata) changes nothing.
     */
    public static void checkAndApply(Metadata metadata, Dialect dialect) {
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity.getMappedClass() == null) {
                continue;
            }
            for (DsqlIndexOptions options : entity.getMappedClass().getDeclaredAnnotationsByType(DsqlIndexOptions.class)) {
                Table table = entity.getTable();
                Index index = table.getIndex(options.index());
                UniqueKey key = index == null ? table.getUniqueKey(options.index()) : null;
                if (index == null && key == null) {
                    throw new UnsupportedMappingException(entity.getEntityName(), null,
                            "@DsqlIndexOptions(index = \"" + options.index() + "\") names no index of table "
                                    + table.getName(),
                            "declare the index with @Table(indexes = @Index(name = \"" + options.index()
                                    + "\", columnList = ...)) on the same entity");
                }
                Target target = index != null ? Target.of(index) : Target.of(key);
                String rendered = render(options, table, dialect);
                if (rendered.equals(target.rawOptions())) {
                    continue;
                }
                check(entity.getEntityName(), options, target);
                if (index != null) {
                    index.setOptions(rendered);
                } else {
                    key.setOptions(rendered);
                }
            }
        }
    }

    /** The rendered option clauses: include, nulls not distinct, where (PostgreSQL's order). */
    public static String render(DsqlIndexOptions options, Table table, Dialect dialect) {
        StringBuilder sql = new StringBuilder();
        if (options.include().length > 0) {
            sql.append("include (");
            for (int i = 0; i < options.include().length; i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                String name = options.include()[i].trim();
                Column column = table.getColumn(new Column(name));
                sql.append(column == null ? name : column.getQuotedName(dialect));
            }
            sql.append(')');
        }
        if (options.nullsNotDistinct()) {
            sql.append(sql.isEmpty() ? "" : " ").append("nulls not distinct");
        }
        if (!options.where().isBlank()) {
            sql.append(sql.isEmpty() ? "" : " ").append("where ").append(options.where().trim());
        }
        return sql.toString();
    }

    private static void check(String entityName, DsqlIndexOptions options, Target index) {
        String annotation = "@DsqlIndexOptions(index = \"" + options.index() + "\")";
        if (index.rawOptions() != null && !index.rawOptions().isBlank()) {
            throw new UnsupportedMappingException(entityName, null,
                    annotation + " and @Index(options = \"" + index.rawOptions() + "\") both give options",
                    "keep one of them");
        }
        Set<String> keyColumns = new HashSet<>();
        for (Column column : index.columns()) {
            keyColumns.add(column.getName().toLowerCase(Locale.ROOT));
        }
        List<String> seen = new ArrayList<>();
        for (String include : options.include()) {
            String name = include.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || index.table().getColumn(new Column(include.trim())) == null) {
                throw new UnsupportedMappingException(entityName, null,
                        annotation + " includes \"" + include + "\", which is not a column of table "
                                + index.table().getName(),
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
        if (options.nullsNotDistinct() && !index.unique()) {
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
