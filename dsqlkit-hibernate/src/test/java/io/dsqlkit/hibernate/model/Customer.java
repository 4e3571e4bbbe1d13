package io.dsqlkit.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Entity
public class Customer {
    /** Hibernate's time-ordered UUIDs, generated in the JVM. */
    @Id
    @UuidGenerator(style = UuidGenerator.Style.TIME)
    public UUID id;

    @Version
    public long version;

    @Column(length = 100, nullable = false, unique = true)
    public String name;

    @Enumerated(EnumType.STRING)
    public Status status = Status.NEW;

    @Column(precision = 19, scale = 4)
    public BigDecimal balance;

    public BigDecimal defaultScale;

    public Instant createdAt;

    public String[] tags;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> preferences;

    @Embedded
    @JdbcTypeCode(SqlTypes.JSON)
    public Address address;

    @OneToMany(mappedBy = "customer")
    public List<PurchaseOrder> orders = new ArrayList<>();
}
