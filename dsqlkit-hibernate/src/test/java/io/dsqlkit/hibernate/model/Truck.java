package io.dsqlkit.hibernate.model;

import jakarta.persistence.Entity;

@Entity
public class Truck extends Vehicle {
    public int payloadKg;
}
