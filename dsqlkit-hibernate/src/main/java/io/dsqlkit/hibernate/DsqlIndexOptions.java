package io.dsqlkit.hibernate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * DSQL index options for an index declared with JPA's {@code @Table(indexes = @Index(name = ...))} on
 * the same entity: the typed, checked alternative to {@code @Index(options = "...")}.
 * {@link AuroraDsqlDialect} renders them after the column list of its
 * {@code create [unique] index async} (DSQL-FACTS §12) and checks them at bootstrap: the index
 * must exist on the entity's table, included columns must be columns of that table and not key
 * columns, {@code nullsNotDistinct} needs a unique index, and {@code @Index(options)} must then be empty.
 *
 * <pre>{@code
 * @Entity
 * @Table(indexes = @Index(name = "order_customer_idx", columnList = "customer_id"))
 * @DsqlIndexOptions(index = "order_customer_idx", include = {"status", "total"}, where = "status <> 'ARCHIVED'")
 * class Order { ... }
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(DsqlIndexOptions.List.class)
public @interface DsqlIndexOptions {
    /** The name of the index, as given in {@code @Index(name = ...)}. */
    String index();

    /** Physical column names for {@code INCLUDE (...)}: stored in the index, not part of its key. */
    String[] include() default {};

    /** {@code NULLS NOT DISTINCT}: rows with nulls in the key count as duplicates (unique indexes only). */
    boolean nullsNotDistinct() default false;

    /** The predicate of a partial index, in SQL over the table's columns ({@code WHERE ...}); empty for none. */
    String where() default "";

    /** Holder for several {@link DsqlIndexOptions} on one entity. */
    @Documented
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        DsqlIndexOptions[] value();
    }
}
