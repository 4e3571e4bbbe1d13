package io.dsqlkit.spring.testapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "counters")
public class Counter {
    @Id
    private UUID id;

    @Column(name = "value", nullable = false)
    private long value;

    protected Counter() {
    }

    public Counter(UUID id) {
        this.id = id;
    }

    public UUID getId() {
        return id;
    }

    public long getValue() {
        return value;
    }

    public long increment() {
        return ++value;
    }
}
