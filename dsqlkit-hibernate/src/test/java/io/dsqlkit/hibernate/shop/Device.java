package io.dsqlkit.hibernate.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import java.net.InetAddress;
import java.util.UUID;

/** A mapping an application might bring from PostgreSQL: an inet column, which DSQL refuses. */
@Entity
public class Device {
    @Id
    @GeneratedValue
    private UUID id;

    private InetAddress address;

    public UUID getId() {
        return id;
    }

    public InetAddress getAddress() {
        return address;
    }

    public void setAddress(InetAddress address) {
        this.address = address;
    }
}
