package io.dsqlkit.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Generated;

import java.util.UUID;

/** The recommended DSQL key: a server-side gen_random_uuid() default, read back on insert. */
@Entity
public class Ticket {
    @Id
    @Generated
    @ColumnDefault("gen_random_uuid()")
    public UUID id;

    @Column(length = 200)
    public String subject;
}
