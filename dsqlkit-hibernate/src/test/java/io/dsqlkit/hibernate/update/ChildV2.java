package io.dsqlkit.hibernate.update;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The next release maps the reference, so schema update adds a foreign key. */
@Entity(name = "Child")
@Table(name = "child")
public class ChildV2 {
    @Id
    public Long id;

    @ManyToOne
    @JoinColumn(name = "parent_id")
    public Parent parent;
}
