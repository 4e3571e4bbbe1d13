package io.dsqlkit.hibernate.update;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A release that kept the parent reference as a plain column, with no foreign key. */
@Entity(name = "Child")
@Table(name = "child")
public class ChildV1 {
    @Id
    public Long id;

    @Column(name = "parent_id")
    public Long parentId;
}
