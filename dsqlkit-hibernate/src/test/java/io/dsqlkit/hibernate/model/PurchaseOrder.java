package io.dsqlkit.hibernate.model;

import io.dsqlkit.hibernate.DsqlIndexOptions;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "purchase_order", indexes = {
        @Index(name = "purchase_order_customer_idx", columnList = "customer_id"),
        @Index(name = "purchase_order_placed_idx", columnList = "placed_at", options = "nulls not distinct"),
        @Index(name = "purchase_order_reference_idx", columnList = "reference", unique = true)})
@DsqlIndexOptions(index = "purchase_order_customer_idx", include = {"total"}, where = "total > 0")
@DsqlIndexOptions(index = "purchase_order_reference_idx", nullsNotDistinct = true)
@Check(name = "purchase_order_total_positive", constraints = "total >= 0")
public class PurchaseOrder {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @OnDelete(action = OnDeleteAction.CASCADE)
    public Customer customer;

    @Column(precision = 12, scale = 2)
    public BigDecimal total;

    @Column(name = "placed_at")
    public OffsetDateTime placedAt;

    @Column(length = 20)
    public String reference;

    @ManyToMany
    @JoinTable(name = "purchase_order_product",
            joinColumns = @JoinColumn(name = "order_id"),
            inverseJoinColumns = @JoinColumn(name = "product_id"))
    public Set<Product> products = new HashSet<>();
}
