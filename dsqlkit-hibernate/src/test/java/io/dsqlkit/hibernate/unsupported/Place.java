package io.dsqlkit.hibernate.unsupported;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Place {
    @Id
    public Long id;

    public Point location;
}
