package io.dsqlkit.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.sql.Blob;
import java.sql.Clob;

@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "product_sku_name_key", columnNames = {"sku", "name"}))
public class Product {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "product_seq")
    @SequenceGenerator(name = "product_seq", sequenceName = "product_seq", allocationSize = 50)
    public Long id;

    @Column(length = 12)
    @JdbcTypeCode(SqlTypes.CHAR)
    public String sku;

    public String name;

    @Column(precision = 10, scale = 2)
    public BigDecimal price;

    @Lob
    public byte[] image;

    @Lob
    public String description;

    @Lob
    public Blob manual;

    @Lob
    public Clob notes;

    @Column(length = 70000)
    public String longText;
}
