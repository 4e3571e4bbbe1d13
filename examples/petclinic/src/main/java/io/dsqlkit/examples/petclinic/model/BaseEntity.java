package io.dsqlkit.examples.petclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.util.UUID;

/**
 * Random UUID keys: DSQL spreads rows by primary key, so monotonically increasing keys would make one
 * hot spot of every insert (DSQL-FACTS §9, §11); the schema gives every key column the default
 * {@code gen_random_uuid()}, and the database generates the key at insert.
 */
@MappedSuperclass
public abstract class BaseEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
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
