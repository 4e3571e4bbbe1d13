package io.dsqlkit.examples.petclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Generated;

import java.util.UUID;

/**
 * Random UUID keys made by the database, the key dsqlkit-hibernate recommends for DSQL: DSQL
 * spreads rows by primary key, so monotonically increasing keys would make one hot spot of every
 * insert (DSQL-FACTS §9, §11). Every key column has the default {@code gen_random_uuid()}; Hibernate
 * leaves the key out of the insert and reads the generated one back.
 */
@MappedSuperclass
public abstract class BaseEntity {
    @Id
    @Generated
    @ColumnDefault("gen_random_uuid()")
    @Column(updatable = false, nullable = false)
    private UUID id;

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public boolean isNew() {
        return id == null;
    }
}
