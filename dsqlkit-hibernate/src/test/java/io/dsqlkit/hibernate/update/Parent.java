package io.dsqlkit.hibernate.update;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "parent")
public class Parent {
    @Id
    public Long id;
}
