package io.dsqlkit.hibernate.unsupported;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.math.BigDecimal;

@Entity
public class Invoice {
    @Id
    public Long id;

    @Column(columnDefinition = "numeric")
    public BigDecimal amount;
}
