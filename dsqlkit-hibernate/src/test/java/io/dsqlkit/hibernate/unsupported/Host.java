package io.dsqlkit.hibernate.unsupported;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.net.InetAddress;

@Entity
public class Host {
    @Id
    public Long id;

    public InetAddress address;
}
