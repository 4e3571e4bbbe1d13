package io.dsqlkit.hibernate.internal.mapping;

import io.dsqlkit.hibernate.AuroraDsqlDialect;
import io.dsqlkit.hibernate.UnsupportedMappingException;
import io.dsqlkit.hibernate.internal.schema.IndexOptionsCatalog;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.IndexedCollection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Value;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link MappingRules} over every column of every entity and collection when a session
 * factory is built with {@link AuroraDsqlDialect}, before any schema action: an unsupported mapping
 * fails bootstrap naming entity, field and fix ({@link UnsupportedMappingException}), and
 * {@code int}/{@code short} identity columns are widened to {@code bigint} in the mapping model so
 * DDL and {@code validate} agree. Registered through {@code META-INF/services}; does nothing for
 * other dialects.
 */
public final class DsqlMappingCheck implements Integrator {

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        if (!(sessionFactory.getJdbcServices().getDialect() instanceof AuroraDsqlDialect)) {
            return;
        }
        check(metadata);
    }

    /** Checks (and widens identity columns in) {@code metadata}. */
    public static void check(Metadata metadata) {
        for (PersistentClass entity : metadata.getEntityBindings()) {
            String entityName = entity.getEntityName();
            if (entity.getIdentifierProperty() != null) {
                checkProperty(metadata, entityName, "", entity.getIdentifierProperty());
            } else if (entity.getIdentifier() != null) {
                checkColumns(metadata, entityName, "(id)", entity.getIdentifier());
            }
            for (Property property : entity.getProperties()) {
                checkProperty(metadata, entityName, "", property);
            }
        }
        IndexOptionsCatalog.checkAndApply(metadata, metadata.getDatabase().getDialect());
    }

    private static void checkProperty(Metadata metadata, String entityName, String prefix, Property property) {
        String field = prefix + property.getName();
        Value value = property.getValue();
        if (value instanceof Collection collection) {
            checkColumns(metadata, entityName, field, collection.getElement());
            if (collection instanceof IndexedCollection indexed && indexed.getIndex() != null) {
                checkColumns(metadata, entityName, field + " (key)", indexed.getIndex());
            }
            return;
        }
        if (value instanceof Component component && component.getAggregateColumn() == null) {
            for (Property part : component.getProperties()) {
                checkProperty(metadata, entityName, field + ".", part);
            }
            return;
        }
        checkColumns(metadata, entityName, field, value);
    }

    /**
     * The column's type code; for an identity column read from its Java mapping without caching
     * it in the column, so the column can still be widened.
     */
    private static int typeCode(Column column, Value value, Metadata metadata) {
        if (column.isIdentity() && column.getSqlTypeCode() == null
                && value.getType() instanceof org.hibernate.type.BasicType<?> basic) {
            return basic.getJdbcType().getDdlTypeCode();
        }
        return column.getSqlTypeCode(metadata);
    }

    private static void checkColumns(Metadata metadata, String entityName, String field, Value value) {
        if (value instanceof Component component && component.getAggregateColumn() == null) {
            for (Property part : component.getProperties()) {
                checkProperty(metadata, entityName, field + ".", part);
            }
            return;
        }
        List<Column> columns = new ArrayList<>();
        if (value instanceof Component component) {
            columns.add(component.getAggregateColumn());
        } else {
            for (Selectable selectable : value.getSelectables()) {
                if (selectable instanceof Column column) {
                    columns.add(column);
                }
            }
        }
        for (Column column : columns) {
            MappingRules.Verdict verdict = MappingRules.judge(
                    column.getSqlType(), typeCode(column, value, metadata), column.isIdentity(), column.getLength());
            switch (verdict.kind()) {
                case SUPPORTED -> { }
                case WIDEN_IDENTITY -> {
                    if (column.getSqlTypeCode() == null) {
                        column.setSqlTypeCode(java.sql.Types.BIGINT);
                    }
                    if (column.getSqlType() == null) {
                        column.setSqlType("bigint");
                    }
                }
                case REFUSED -> throw new UnsupportedMappingException(entityName, field, verdict.problem(), verdict.fix());
            }
        }
    }
}
